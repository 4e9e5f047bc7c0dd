import { describe, expect, it } from "vitest";
import { DOCUMENT_TYPE_CODES, classOfType } from "@/lib/reference/document-types";
import { documentReferenceJson, toDocumentReference, type TDocumentForFhir } from "./document-reference";
import { searchsetBundle, searchsetBundleJson } from "./http/search-params";

const BASE = "https://dmp.exemple.fr/api/fhir";

function doc(n: number, overrides: Partial<TDocumentForFhir> = {}): TDocumentForFhir {
  const typeCode = DOCUMENT_TYPE_CODES[n % DOCUMENT_TYPE_CODES.length] as string;
  return {
    id: `cdoc${n}`,
    typeCode,
    classCode: classOfType(typeCode) ?? "10",
    title: `Compte rendu « n° ${n} » \\ "guillemets" \u2028 é`,
    serviceDate: new Date(Date.UTC(2025, n % 12, 1 + (n % 27), 12)),
    submittedAt: new Date(Date.UTC(2026, 0, 2, 3, 4, 5, n % 1000)),
    source: "HOSPITAL_FEED",
    status: (["ACTIVE", "REPLACED", "ARCHIVED"] as const)[n % 3] as "ACTIVE",
    confidentiality: (["N", "R", "V"] as const)[n % 3] as "N",
    hiddenFromPros: n % 2 === 0,
    hiddenFromPatient: n % 3 === 0,
    hiddenFromLegalReps: n % 5 === 0,
    isOpposed: false,
    mediaType: n % 2 ? "application/pdf" : "text/plain",
    size: 1000 + n,
    authorId: n % 4 ? `pro${n}` : null,
    authorAccountId: null,
    authorName: n % 4 ? (n % 8 === 1 ? null : `Dr Jean ${n}`) : null,
    authorProfession: "10",
    authorSpecialty: null,
    structureId: n % 3 ? `s${n}` : null,
    structureName: n % 6 === 1 ? null : `Hôpital ${n}`,
    uniqueId: n % 2 ? `1.2.250.1.213.1.1.9.${n}` : `urn:uuid:0000000${n % 10}-0000-4000-8000-000000000000`,
    patientNir: "180017505600138",
    authorIdNat: n % 4 ? `81000000${String(n).padStart(4, "0")}` : null,
    structureFiness: n % 3 ? "750000019" : null,
    replacesUniqueId: n % 7 === 0 ? `1.2.250.1.213.1.1.9.${n + 1000}` : null,
    sha1: n % 5 ? "a9993e364706816aba3e25717850c26c9cd0d89d" : null,
    ...overrides,
  };
}

describe("DocumentReference JSON written directly (ITI-67 answers)", () => {
  it("is exactly JSON.stringify of toDocumentReference, whatever the fields present", () => {
    for (let n = 0; n < 200; n++) {
      const d = doc(n);
      expect(documentReferenceJson(d, BASE)).toBe(JSON.stringify(toDocumentReference(d, BASE)));
    }
  });

  it("gives the searchset Bundle exactly as JSON.stringify of searchsetBundle, with or without entries", () => {
    const params = new URLSearchParams({ "patient.identifier": "urn:oid:1.2.250.1.213.1.4.8|180017505600138", _count: "2" });
    for (const [resources, hasMore, total, offset] of [
      [[doc(1), doc(2)], true, null, 0],
      [[doc(3)], false, 3, 2],
      [[], false, 0, 0],
    ] as const) {
      const input = { baseUrl: BASE, resourceType: "DocumentReference", params, count: 2, offset, hasMore, total };
      const json = searchsetBundleJson({ ...input, resources: resources.map((d) => ({ id: d.id, json: documentReferenceJson(d, BASE) })) });
      expect(json).toBe(JSON.stringify(searchsetBundle({ ...input, resources: resources.map((d) => toDocumentReference(d, BASE)) })));
    }
  });
});
