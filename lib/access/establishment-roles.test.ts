import { describe, expect, it } from "vitest";
import { ESTABLISHMENT_ROLE_ROWS } from "./policy-table";
import { admissionsDecision, catalogueAdminDecision, ESTABLISHMENT_RULES, validationDecision } from "./establishment-roles";

describe("establishment roles: catalogue administrator, admissions desk, validation by the author", () => {
  for (const row of ESTABLISHMENT_ROLE_ROWS) {
    it(`${row.who}: ${row.catalogue}, ${row.admissions}, ${row.validation}`, () => {
      const person = { id: "p1", kind: row.kind, establishmentRole: row.role, structureId: row.sameStructure ? "s1" : "s2" };
      expect(catalogueAdminDecision(person, "s1")).toEqual({ allowed: row.catalogue === "ESTABLISHMENT_ADMIN", rule: row.catalogue });
      expect(admissionsDecision(person, "s1")).toEqual({ allowed: row.admissions === "ADMISSIONS_DESK", rule: row.admissions });
      const document = { structureId: "s1", authorId: row.isAuthor ? "p1" : "p9" };
      expect(validationDecision(person, document)).toEqual({ allowed: row.validation === "AUTHOR_VALIDATES", rule: row.validation });
      for (const rule of [row.catalogue, row.admissions, row.validation]) expect(ESTABLISHMENT_RULES[rule]).toEqual(expect.any(String));
    });
  }

  it("nobody signed in is refused everywhere", () => {
    expect(catalogueAdminDecision(null, "s1").allowed).toBe(false);
    expect(admissionsDecision(null, "s1").allowed).toBe(false);
    expect(validationDecision(null, { structureId: "s1", authorId: "p1" })).toEqual({ allowed: false, rule: "NOT_OF_STRUCTURE" });
  });
});
