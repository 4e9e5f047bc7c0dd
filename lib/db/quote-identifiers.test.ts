import { describe, expect, it } from "vitest";
import { quoteMixedCaseIdentifiers } from "./quote-identifiers";

describe("raw SQL's identifiers quoted for PostgreSQL", () => {
  it("quotes the mixed-case names of tables, columns and aliases, not keywords, functions or enum values", () => {
    expect(quoteMixedCaseIdentifiers("SELECT t.patientId, MAX(id) AS lastId FROM Trace t WHERE t.actorKind = 'PROFESSIONAL' GROUP BY t.patientId")).toBe(
      `SELECT t."patientId", MAX(id) AS "lastId" FROM "Trace" t WHERE t."actorKind" = 'PROFESSIONAL' GROUP BY t."patientId"`,
    );
  });

  it("leaves string literals, quoted names, parameters and comments alone", () => {
    const sql = `SELECT "Trace"."patientId", 'Dr MacLeod' FROM "Trace" WHERE x = $1 -- patientId here\nAND y LIKE 'a''McB%' ESCAPE '\\' /* FooBar */`;
    expect(quoteMixedCaseIdentifiers(sql)).toBe(sql);
  });

  it("quotes a name again only once when the statement comes back (cache)", () => {
    expect(quoteMixedCaseIdentifiers("SELECT hash FROM Trace")).toBe(`SELECT hash FROM "Trace"`);
    expect(quoteMixedCaseIdentifiers("SELECT hash FROM Trace")).toBe(`SELECT hash FROM "Trace"`);
  });
});
