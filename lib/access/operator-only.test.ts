import { describe, expect, it } from "vitest";
import { assertOperator, operatorDecision, type TMaybeOperator } from "./operator-only";

const doctor = { kind: "PROFESSIONAL", professionalId: "p1", name: "Dr", profession: "10", specialty: "SM53", isSamuRegulator: false } as const;
const staff = { ...doctor, professionalId: "s1", profession: null, specialty: null } as const;

/** Who asks → the rule that decides. */
const TABLE: [string, TMaybeOperator | null, "OPERATOR" | "OPERATOR_ONLY"][] = [
  ["the operator (a doctor with the operator flag)", { ...doctor, isOperator: true }, "OPERATOR"],
  ["establishment staff with the operator flag", { ...staff, isOperator: true }, "OPERATOR"],
  ["a doctor without the flag", { ...doctor, isOperator: false }, "OPERATOR_ONLY"],
  ["a SAMU regulator without the flag", { ...doctor, isSamuRegulator: true, isOperator: false }, "OPERATOR_ONLY"],
  ["a professional whose flag is unknown", doctor, "OPERATOR_ONLY"],
  ["establishment staff without the flag", { ...staff, isOperator: false }, "OPERATOR_ONLY"],
  ["a patient, even carrying the flag", { kind: "PATIENT", accountId: "a1", patientId: "x", name: "P", isOperator: true }, "OPERATOR_ONLY"],
  ["a legal representative, even carrying the flag", { kind: "LEGAL_REPRESENTATIVE", accountId: "a2", patientId: "x", name: "R", isOperator: true }, "OPERATOR_ONLY"],
  ["nobody signed in", null, "OPERATOR_ONLY"],
];

describe("OPERATOR_ONLY: the platform's administration is for the operator", () => {
  for (const [who, actor, rule] of TABLE) {
    it(`${who}: ${rule}`, () => {
      const decision = operatorDecision(actor);
      expect(decision).toEqual({ allowed: rule === "OPERATOR", rule });
      if (rule === "OPERATOR") expect(() => assertOperator(actor)).not.toThrow();
      else expect(() => assertOperator(actor)).toThrow(expect.objectContaining({ code: "FORBIDDEN" }));
    });
  }
});
