import { describe, expect, it } from "vitest";
import { DOCUMENT_TYPE_CODES, PATIENT_DOCUMENT_TYPES } from "@/lib/reference/document-types";
import { PROFESSION_CODES } from "@/lib/reference/professions";
import { DEFAULT_HABILITATION_MATRIX, HEALTH_PROFILE_ROW, MATRIX_RATIONALE, MATRIX_ROW_CODES, PATIENT_TYPES_READERS } from "./default-matrix";

function canRead(profession: string, typeCode: string): boolean | undefined {
  return DEFAULT_HABILITATION_MATRIX.find((r) => r.profession === profession && r.specialty === "*" && r.typeCode === typeCode)
    ?.canRead;
}

describe("DEFAULT_HABILITATION_MATRIX", () => {
  it("has exactly one '*' row per profession x type", () => {
    for (const profession of PROFESSION_CODES) {
      for (const typeCode of MATRIX_ROW_CODES) {
        const rows = DEFAULT_HABILITATION_MATRIX.filter(
          (r) => r.profession === profession && r.specialty === "*" && r.typeCode === typeCode,
        );
        expect(rows, `${profession} x ${typeCode}`).toHaveLength(1);
      }
    }
    expect(DEFAULT_HABILITATION_MATRIX.filter((r) => r.specialty === "*")).toHaveLength(
      PROFESSION_CODES.length * MATRIX_ROW_CODES.length,
    );
  });

  it("has no duplicate key and only known codes", () => {
    const keys = DEFAULT_HABILITATION_MATRIX.map((r) => `${r.profession}|${r.specialty}|${r.typeCode}`);
    expect(new Set(keys).size).toBe(keys.length);
    for (const r of DEFAULT_HABILITATION_MATRIX) {
      expect(PROFESSION_CODES).toContain(r.profession);
      expect(MATRIX_ROW_CODES).toContain(r.typeCode);
    }
  });

  it("follows the known rows", () => {
    for (const typeCode of DOCUMENT_TYPE_CODES) expect(canRead("10", typeCode)).toBe(true);
    expect(canRead("40", "74207-2")).toBe(false);
    expect(canRead("40", "18776-5")).toBe(false);
    expect(canRead("40", "11488-4")).toBe(true);
    expect(canRead("21", "34794-8")).toBe(false);
    expect(canRead("21", "60568-3")).toBe(false);
    expect(canRead("21", "PROT_ALD")).toBe(false);
    expect(canRead("21", "60593-1")).toBe(true);
    expect(canRead("60", "34794-8")).toBe(false);
    expect(canRead("60", "11506-3")).toBe(true);
    expect(canRead("70", "47420-5")).toBe(true);
    expect(canRead("70", "11502-2")).toBe(false);
    expect(canRead("98", "18748-4")).toBe(true);
    expect(canRead("98", "11488-4")).toBe(false);
  });

  it("gives the health profile row to doctors, midwives, nurses, pharmacists, dentists and radiographers only", () => {
    const readers = PROFESSION_CODES.filter((p) => canRead(p, HEALTH_PROFILE_ROW));
    expect(readers).toEqual(["10", "21", "40", "50", "60", "98"]);
    expect(DOCUMENT_TYPE_CODES).not.toContain(HEALTH_PROFILE_ROW);
  });

  it("restricts patient-deposited types to doctors, midwives and nurses", () => {
    expect(PATIENT_TYPES_READERS).toEqual(["10", "50", "60"]);
    for (const code of PATIENT_DOCUMENT_TYPES) expect(canRead("21", code)).toBe(false);
  });

  it("makes pharmacists and nurses more restricted than doctors, auxiliaries much more", () => {
    const count = (p: string) => DEFAULT_HABILITATION_MATRIX.filter((r) => r.profession === p && r.canRead).length;
    expect(count("21")).toBeLessThan(count("10"));
    expect(count("60")).toBeLessThan(count("10"));
    for (const p of ["70", "80", "91", "92", "94", "95", "98"]) expect(count(p)).toBeLessThan(count("21"));
  });

  it("explains every profession in French", () => {
    for (const p of PROFESSION_CODES) expect(MATRIX_RATIONALE[p].length).toBeGreaterThan(20);
  });
});
