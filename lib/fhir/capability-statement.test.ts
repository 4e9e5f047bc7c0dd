/**
 * The CapabilityStatement says exactly what the router serves: every route is stated, every
 * stated interaction and search parameter is served, in both formats, and each route has its
 * app/api route file (the Next server answers what the test server answers).
 */
import { describe, expect, it } from "vitest";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { expectValidFhir } from "@/lib/testing/fhir-validators";
import { capabilityStatement } from "./capability-statement";
import { FHIR_ROUTES } from "./http/router";

type TResource = { type: string; interaction?: { code: string }[]; searchParam?: { name: string }[] };
type TStatement = { format: string[]; rest: { interaction: { code: string }[]; resource: TResource[]; security: { service: { coding: { code: string }[] }[] } }[] };

const statement = capabilityStatement("https://dmp.test/api/fhir", "https://dmp.test") as unknown as TStatement;
const rest = statement.rest[0] as TStatement["rest"][number];

/** "type interaction" of every route, and of every statement entry. */
const routed = new Set(
  FHIR_ROUTES.flatMap((r) => (r.capability.kind === "type" ? [`${r.capability.resource} ${r.capability.interaction}`] : r.capability.kind === "system" ? [`system ${r.capability.interaction}`] : [])),
);
const stated = new Set([
  ...rest.interaction.map((i) => `system ${i.code}`),
  ...rest.resource.flatMap((r) => (r.interaction ?? []).map((i) => `${r.type} ${i.code}`)),
]);

describe("CapabilityStatement against the routes", () => {
  it("is valid FHIR R4 for both validators", () => {
    expectValidFhir(statement);
  });

  it("states every interaction the router serves, and no other", () => {
    expect([...stated].sort()).toEqual([...routed].sort());
  });

  it("states exactly the search parameters each search handler reads", () => {
    for (const route of FHIR_ROUTES) {
      if (route.capability.kind !== "type" || route.capability.interaction !== "search-type") continue;
      const { resource: type, searchParams } = route.capability;
      const resource = rest.resource.find((r) => r.type === type);
      expect(resource?.searchParam?.map((p) => p.name).sort(), type).toEqual([...searchParams].sort());
    }
    // A resource without a search route states no search parameter.
    for (const resource of rest.resource) {
      if (!routed.has(`${resource.type} search-type`)) expect(resource.searchParam ?? [], resource.type).toEqual([]);
    }
  });

  it("states JSON and XML, and the SMART security service", () => {
    expect(statement.format).toEqual(expect.arrayContaining(["application/fhir+json", "json", "application/fhir+xml", "xml"]));
    expect(rest.security.service[0]?.coding[0]?.code).toBe("SMART-on-FHIR");
  });

  it("every route has its app/api route file exporting its method", () => {
    for (const route of FHIR_ROUTES) {
      const folder = route.path.replace(":id", "[id]").replace("/_search", "/%5Fsearch");
      const file = path.join(process.cwd(), "app/api/fhir", folder, "route.ts");
      expect(existsSync(file), file).toBe(true);
      expect(readFileSync(file, "utf8"), file).toMatch(new RegExp(`export (async )?function ${route.method}\\b`));
    }
  });
});

describe("the router", () => {
  it("answers a malformed percent-encoding in an id as a client error, never a 500", async () => {
    const { routeApiRequest } = await import("./http/router");
    const response = await routeApiRequest({ db: {} as never }, new Request("http://localhost/api/fhir/Binary/%E0%A4%A"));
    expect(response.status).toBe(401);
  });
});
