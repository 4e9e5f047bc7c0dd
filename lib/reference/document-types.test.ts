import { describe, expect, it } from "vitest";
import {
  DOCUMENT_CLASSES,
  DOCUMENT_TYPES,
  PATIENT_DOCUMENT_TYPES,
  PROFESSIONAL_DOCUMENT_TYPES,
  classOfType,
  documentTypeLabel,
  documentTypeSystemOid,
  isKnownDocumentType,
} from "./document-types";

describe("document types", () => {
  it("has unique codes whose classes exist", () => {
    const codes = DOCUMENT_TYPES.map((t) => t.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const t of DOCUMENT_TYPES) expect(DOCUMENT_CLASSES[t.classCode]).toBeDefined();
  });

  it("lists the 22 LOINC types and the TRE_A05 ones", () => {
    expect(DOCUMENT_TYPES.filter((t) => t.system === "LOINC")).toHaveLength(22);
    for (const code of ["PROT_ALD", "REMB", "DOCPAT01", "DOCPAT09", "EXPPAT_1", "EXPPAT_3"]) {
      expect(isKnownDocumentType(code)).toBe(true);
    }
  });

  it("splits patient and professional types", () => {
    expect(PATIENT_DOCUMENT_TYPES).toHaveLength(12);
    expect(PATIENT_DOCUMENT_TYPES.every((c) => c.startsWith("DOCPAT") || c.startsWith("EXPPAT"))).toBe(true);
    expect(PROFESSIONAL_DOCUMENT_TYPES).toHaveLength(DOCUMENT_TYPES.length - 12);
  });

  it("gives labels, classes and systems", () => {
    expect(documentTypeLabel("11488-4")).toBe("Compte rendu ou fiche de consultation ou de visite");
    expect(documentTypeLabel("inconnu")).toBe("inconnu");
    expect(classOfType("18748-4")).toBe("31");
    expect(classOfType("60593-1")).toBe("43");
    expect(classOfType("nope")).toBeUndefined();
    expect(documentTypeSystemOid("11488-4")).toBe("2.16.840.1.113883.6.1");
    expect(documentTypeSystemOid("PROT_ALD")).toBe("1.2.250.1.213.1.1.4.12");
  });
});
