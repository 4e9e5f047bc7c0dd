/**
 * The emergency doors by kind of professional, as a literal table: who may push the SAMU
 * door and the break-the-glass door at all (before the patient's choice is looked at).
 */
import { describe, expect, it } from "vitest";
import { emergencyDoorDecision, emergencyModeFor, type TEmergencyDoor } from "./emergency-doors";

type TWho = { name: string; profession: string | null; isSamuRegulator: boolean };

const WHO: readonly TWho[] = [
  { name: "médecin régulateur du SAMU", profession: "10", isSamuRegulator: true },
  { name: "médecin urgentiste", profession: "10", isSamuRegulator: false },
  { name: "infirmier", profession: "60", isSamuRegulator: false },
  { name: "secrétaire médicale (carte CPE)", profession: null, isSamuRegulator: false },
  { name: "personnel d'établissement marqué régulateur par erreur", profession: null, isSamuRegulator: true },
];

/** [SAMU, BREAK_GLASS] → the rule that decides. */
const EXPECTED: Record<string, [string, string]> = {
  "médecin régulateur du SAMU": ["SAMU", "BREAK_GLASS"],
  "médecin urgentiste": ["NOT_AUTHORIZED", "BREAK_GLASS"],
  infirmier: ["NOT_AUTHORIZED", "BREAK_GLASS"],
  "secrétaire médicale (carte CPE)": ["EMERGENCY_HEALTH_PROFESSIONALS_ONLY", "EMERGENCY_HEALTH_PROFESSIONALS_ONLY"],
  "personnel d'établissement marqué régulateur par erreur": ["EMERGENCY_HEALTH_PROFESSIONALS_ONLY", "EMERGENCY_HEALTH_PROFESSIONALS_ONLY"],
};

describe("emergency doors: health professionals only", () => {
  for (const who of WHO) {
    (["SAMU", "BREAK_GLASS"] as const).forEach((door: TEmergencyDoor, i) => {
      const rule = EXPECTED[who.name]![i];
      it(`${who.name}, porte ${door} : ${rule}`, () => {
        const decision = emergencyDoorDecision(who, door);
        expect(decision.rule).toBe(rule);
        expect(decision.allowed).toBe(rule === door);
        expect(emergencyModeFor(who, door)).toBe(rule === door ? door : null);
      });
    });
  }

  it("no emergency mode when none was opened", () => {
    expect(emergencyModeFor({ profession: "10", isSamuRegulator: true }, null)).toBeNull();
  });
});
