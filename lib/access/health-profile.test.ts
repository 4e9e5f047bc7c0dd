import { describe, expect, it } from "vitest";
import type { TActor } from "./actor";
import type { TAccessContext } from "./access-context";
import { resolveHabilitation } from "./habilitation";
import { canCommentHealthProfileEntry, canReadHealthProfile, canWriteHealthProfile } from "./health-profile";
import { ACTOR_CASES, CASE_FACTS, HEALTH_PROFILE_EXPECTED, type TActorCase } from "./policy-table";
import { HEALTH_PROFILE_ROW } from "@/lib/habilitations/default-matrix";

const PATIENT_ID = "patient-1";

function actorFor(actorCase: TActorCase): TActor {
  if (actorCase === "patient") return { kind: "PATIENT", accountId: "acc-1", patientId: PATIENT_ID, name: "Patient" };
  if (actorCase === "legalRepresentative") return { kind: "LEGAL_REPRESENTATIVE", accountId: "acc-2", patientId: PATIENT_ID, name: "Parent" };
  return {
    kind: "PROFESSIONAL",
    professionalId: `pro-${actorCase}`,
    name: actorCase,
    profession: CASE_FACTS[actorCase].isStaff ? null : "10",
    specialty: CASE_FACTS[actorCase].isStaff ? null : "SM54",
    isSamuRegulator: CASE_FACTS[actorCase].isSamuRegulator ?? false,
  };
}

/** The case's facts; the matrix row PROFIL_MEDICAL allowed, refused, or missing (null). */
function contextFor(actorCase: TActorCase, isOpen: boolean, row: boolean | null): TAccessContext {
  const { isSamuRegulator: _regulator, isStaff: _staff, ...facts } = CASE_FACTS[actorCase];
  return {
    patientId: PATIENT_ID,
    namespaceId: null,
    recordStatus: isOpen ? "OPEN" : "CLOSED",
    breakGlassAllowed: true,
    samuAllowed: true,
    isTreatingDoctor: false,
    isBlocked: false,
    hasAuthorization: false,
    emergencyMode: null,
    isRepresentative: false,
    habilitation: resolveHabilitation(row === null ? [] : [{ profession: "10", specialty: "*", typeCode: HEALTH_PROFILE_ROW, canRead: row }], "10", "SM54"),
    ...facts,
  };
}

describe("HEALTH_PROFILE: every actor × record status × matrix row (HEALTH_PROFILE_EXPECTED)", () => {
  for (const actorCase of ACTOR_CASES) {
    it(actorCase, () => {
      const actor = actorFor(actorCase);
      const expected = HEALTH_PROFILE_EXPECTED[actorCase];
      for (const [status, isOpen] of [["open", true], ["closed", false]] as const) {
        const [withRow, withoutRow] = expected.read[status];
        expect(canReadHealthProfile(actor, contextFor(actorCase, isOpen, true)).rule, `${status}, row allowed`).toBe(withRow);
        expect(canReadHealthProfile(actor, contextFor(actorCase, isOpen, false)).rule, `${status}, row refused`).toBe(withoutRow);
        expect(canReadHealthProfile(actor, contextFor(actorCase, isOpen, null)).rule, `${status}, no row`).toBe(withoutRow);
      }
      const ctx = contextFor(actorCase, true, true);
      expect([
        canWriteHealthProfile(actor, ctx, "ALLERGY", null).rule,
        canWriteHealthProfile(actor, ctx, "MEASUREMENT", null).rule,
        canWriteHealthProfile(actor, ctx, "VACCINATION", "PROFESSIONAL").rule,
        canWriteHealthProfile(actor, ctx, "HISTORY", "PATIENT_SIDE").rule,
        canCommentHealthProfileEntry(actor, ctx, "PROFESSIONAL").rule,
      ]).toEqual(expected.write);
    });
  }

  it("a professional without the row writes nothing, the emergency wishes included", () => {
    const actor = actorFor("treatingDoctor");
    const ctx = contextFor("treatingDoctor", true, false);
    expect(canWriteHealthProfile(actor, ctx, "TREATMENT", null)).toMatchObject({ allowed: false, rule: "HABILITATION_DENIED" });
    expect(canWriteHealthProfile(actor, ctx, "EMERGENCY_WISHES", null)).toMatchObject({ allowed: false, rule: "HABILITATION_DENIED" });
  });

  it("the patient side changes nothing on a closed record, and does not comment on its own entries", () => {
    const patient = actorFor("patient");
    expect(canWriteHealthProfile(patient, contextFor("patient", false, true), "MEASUREMENT", null).rule).toBe("RECORD_CLOSED");
    expect(canCommentHealthProfileEntry(patient, contextFor("patient", false, true), "PROFESSIONAL").rule).toBe("RECORD_CLOSED");
    expect(canCommentHealthProfileEntry(patient, contextFor("patient", true, true), "PATIENT_SIDE").rule).toBe("WRITTEN_BY_PATIENT_SIDE");
  });

  it("names the matrix row in the decision, allowed or refused", () => {
    const actor = actorFor("authorizedProfessional");
    expect(canReadHealthProfile(actor, contextFor("authorizedProfessional", true, true))).toMatchObject({ habilitation: "matrice 10/* × PROFIL_MEDICAL : autorisé" });
    expect(canReadHealthProfile(actor, contextFor("authorizedProfessional", true, false))).toMatchObject({ habilitation: "matrice 10/* × PROFIL_MEDICAL : refusé" });
  });
});
