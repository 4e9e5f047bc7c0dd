import { describe, expect, it } from "vitest";
import { authorableTypes, canAuthorType } from "./authorable-types";
import { PATIENT_DOCUMENT_TYPES, isKnownDocumentType } from "./document-types";
import { PROFESSION_CODES } from "./professions";

describe("authorableTypes", () => {
  it("only returns known professional types", () => {
    for (const profession of PROFESSION_CODES) {
      for (const code of authorableTypes(profession, null)) {
        expect(isKnownDocumentType(code)).toBe(true);
        expect(PATIENT_DOCUMENT_TYPES).not.toContain(code);
        expect(code).not.toBe("REMB");
      }
    }
  });

  it("follows each profession's scope", () => {
    expect(canAuthorType("10", "SM04", "34794-8")).toBe(true);
    expect(canAuthorType("10", "SM44", "18748-4")).toBe(true);
    expect(canAuthorType("21", null, "60593-1")).toBe(true);
    expect(canAuthorType("21", null, "11488-4")).toBe(false);
    expect(canAuthorType("60", null, "11506-3")).toBe(true);
    expect(canAuthorType("70", null, "47420-5")).toBe(true);
    expect(canAuthorType("50", null, "15508-5")).toBe(true);
    expect(canAuthorType("40", null, "57833-6")).toBe(true);
    expect(canAuthorType("40", null, "15508-5")).toBe(false);
  });

  it("gives nothing to staff, radiographers and unknown professions", () => {
    expect(authorableTypes(null)).toEqual([]);
    expect(authorableTypes("98")).toEqual([]);
    expect(authorableTypes("99")).toEqual([]);
  });
});
