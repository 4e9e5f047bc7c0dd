import { describe, expect, it } from "vitest";
import { TREATING_DOCTOR_DESIGNATION_EXPECTED } from "./policy-table";
import { mayBeDesignatedTreatingDoctor, TREATING_DOCTOR_DESIGNATION_RULES, treatingDoctorDesignationDecision } from "./treating-doctor-designation";

describe("TREATING_DOCTOR_DESIGNATION: only a doctor the patient did not block may be designated treating doctor", () => {
  for (const row of TREATING_DOCTOR_DESIGNATION_EXPECTED) {
    it(`${row.who}: ${row.rule}`, () => {
      const candidate = { kind: row.kind, profession: row.profession, isBlocked: row.isBlocked };
      expect(treatingDoctorDesignationDecision(candidate)).toEqual({ allowed: row.rule === "DOCTOR", rule: row.rule });
      expect(mayBeDesignatedTreatingDoctor(candidate)).toBe(row.rule === "DOCTOR");
      expect(TREATING_DOCTOR_DESIGNATION_RULES[row.rule]).toEqual(expect.any(String));
    });
  }

  it("the table covers the professions the brief names", () => {
    const refused = TREATING_DOCTOR_DESIGNATION_EXPECTED.filter((r) => r.rule === "NOT_A_DOCTOR").map((r) => r.profession);
    expect(refused).toEqual(expect.arrayContaining(["60", "21", "40", null]));
    const allowed = TREATING_DOCTOR_DESIGNATION_EXPECTED.filter((r) => r.rule === "DOCTOR").map((r) => r.specialty);
    expect(allowed).toEqual(expect.arrayContaining(["SM54", "SM04"]));
  });
});
