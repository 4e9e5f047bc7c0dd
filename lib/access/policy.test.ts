import { describe, expect, it } from "vitest";
import type { TActor, TPatientActor } from "./actor";
import type { TAccessContext, TPolicyDocument } from "./access-context";
import { resolveHabilitation } from "./habilitation";
import { canAccessRecord, canRead, emergencyDecision } from "./policy";
import { documentWhere, NO_DOCUMENT } from "./document-where";
import {
  canBlockAtPatientRequest,
  canChangeOwnRecord,
  canReadOtherProfessionalsTraces,
  canRevealToPatient,
  canSeeReimbursements,
  isOtherProfessionalsTrace,
  otherProfessionalsTraceWhere,
  NO_TRACE,
  type TPolicyTrace,
} from "./record-actions";
import { ACTOR_CASES, CASE_FACTS, MASKS, RECORD_ACTION_EXPECTED, TRACE_ROWS, expectedFor, expectedTracesFor, type TActorCase } from "./policy-table";

const PATIENT_ID = "patient-1";
const TYPE = "11488-4";
const AUTHOR_ID = "pro-author";

function actorFor(actorCase: TActorCase): TActor {
  if (actorCase === "patient") return { kind: "PATIENT", accountId: "acc-1", patientId: PATIENT_ID, name: "Patient" };
  if (actorCase === "legalRepresentative") {
    return { kind: "LEGAL_REPRESENTATIVE", accountId: "acc-2", patientId: PATIENT_ID, name: "Parent" };
  }
  return {
    kind: "PROFESSIONAL",
    professionalId: actorCase === "author" ? AUTHOR_ID : `pro-${actorCase}`,
    name: actorCase,
    profession: CASE_FACTS[actorCase].isStaff ? null : "10",
    specialty: CASE_FACTS[actorCase].isStaff ? null : "SM54",
    isSamuRegulator: CASE_FACTS[actorCase].isSamuRegulator ?? false,
  };
}

function contextFor(actorCase: TActorCase, isOpen: boolean, isMatrixAllowed: boolean): TAccessContext {
  // A hand-written context: for staff it claims the doctors' matrix too, so only the
  // emergency rule stands between them and the documents.
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
    habilitation: resolveHabilitation([{ profession: "10", specialty: "*", typeCode: TYPE, canRead: isMatrixAllowed }], "10", "SM54"),
    ...facts,
  };
}

function documentWith(mask: (typeof MASKS)[number], overrides: Partial<TPolicyDocument> = {}): TPolicyDocument {
  return {
    patientId: PATIENT_ID,
    typeCode: TYPE,
    authorId: AUTHOR_ID,
    hiddenFromPros: mask.hiddenFromPros,
    hiddenFromPatient: mask.hiddenFromPatient,
    hiddenFromLegalReps: mask.hiddenFromLegalReps,
    opposedAt: null,
    ...overrides,
  };
}

describe("canRead: every actor × masking × habilitation × record status", () => {
  for (const actorCase of ACTOR_CASES) {
    for (const isOpen of [true, false]) {
      for (const isMatrixAllowed of [true, false]) {
        const label = `${actorCase}, dossier ${isOpen ? "ouvert" : "fermé"}, matrice ${isMatrixAllowed ? "autorise" : "refuse"}`;
        it(label, () => {
          const actor = actorFor(actorCase);
          const ctx = contextFor(actorCase, isOpen, isMatrixAllowed);
          const got = MASKS.map((mask) => (canRead(actor, documentWith(mask), ctx).allowed ? "Y" : ".")).join("");
          expect(got).toBe(expectedFor(actorCase, isOpen, isMatrixAllowed));
        });
      }
    }
  }
});

describe("the rule named by each decision", () => {
  const open = (c: TActorCase) => contextFor(c, true, true);

  it("names the matrix row that allowed a professional's read", () => {
    const d = canRead(actorFor("authorizedProfessional"), documentWith(MASKS[0]), open("authorizedProfessional"));
    expect(d).toMatchObject({ allowed: true, rule: "CONSENT", mode: "NORMAL", habilitation: "matrice 10/* × 11488-4 : autorisé" });
  });

  it("names the matrix row that refused", () => {
    const d = canRead(actorFor("treatingDoctor"), documentWith(MASKS[0]), contextFor("treatingDoctor", true, false));
    expect(d).toMatchObject({ allowed: false, rule: "HABILITATION_DENIED", habilitation: "matrice 10/* × 11488-4 : refusé" });
  });

  it("refuses a type with no matrix row", () => {
    const d = canRead(actorFor("treatingDoctor"), documentWith(MASKS[0], { typeCode: "60591-5" }), open("treatingDoctor"));
    expect(d).toMatchObject({ allowed: false, rule: "HABILITATION_DENIED" });
  });

  it("orders the professional rules: closed, then blocked, then authorization", () => {
    const closedAndBlocked = { ...contextFor("blockedProfessional", false, true) };
    expect(canAccessRecord(actorFor("blockedProfessional"), closedAndBlocked)).toMatchObject({ rule: "RECORD_CLOSED" });
    expect(canAccessRecord(actorFor("blockedProfessional"), open("blockedProfessional"))).toMatchObject({ rule: "BLOCKED" });
    expect(canAccessRecord(actorFor("unauthorizedProfessional"), open("unauthorizedProfessional"))).toMatchObject({
      rule: "NOT_AUTHORIZED",
    });
  });

  it("a blocked treating doctor is refused", () => {
    const ctx = { ...open("treatingDoctor"), isBlocked: true };
    expect(canAccessRecord(actorFor("treatingDoctor"), ctx)).toMatchObject({ allowed: false, rule: "BLOCKED" });
  });

  it("emergency accesses carry their mode", () => {
    expect(canAccessRecord(actorFor("samuRegulator"), open("samuRegulator"))).toMatchObject({ rule: "SAMU", mode: "SAMU" });
    expect(canAccessRecord(actorFor("breakGlass"), open("breakGlass"))).toMatchObject({ rule: "BREAK_GLASS", mode: "BREAK_GLASS" });
    expect(canAccessRecord(actorFor("samuRegulatorOpposed"), open("samuRegulatorOpposed"))).toMatchObject({ rule: "SAMU_OPPOSED" });
    expect(canAccessRecord(actorFor("breakGlassOpposed"), open("breakGlassOpposed"))).toMatchObject({ rule: "BREAK_GLASS_OPPOSED" });
  });

  it("an authorization presumed for the care team is named as such", () => {
    expect(canAccessRecord(actorFor("careTeamMember"), open("careTeamMember"))).toMatchObject({ allowed: true, rule: "CARE_TEAM", mode: "NORMAL" });
  });

  it("an authorized professional reads normally even with an emergency access open", () => {
    const ctx = { ...open("authorizedProfessional"), emergencyMode: "BREAK_GLASS" as const, breakGlassAllowed: false };
    expect(canAccessRecord(actorFor("authorizedProfessional"), ctx)).toMatchObject({ allowed: true, rule: "CONSENT" });
  });

  it("emergencyDecision refuses an opposed door before it is opened", () => {
    expect(emergencyDecision(true, { samuAllowed: false, breakGlassAllowed: true }, "SAMU")).toMatchObject({ rule: "SAMU_OPPOSED" });
    expect(emergencyDecision(false, { samuAllowed: true, breakGlassAllowed: false }, "BREAK_GLASS")).toMatchObject({
      rule: "BREAK_GLASS_OPPOSED",
    });
    expect(emergencyDecision(false, { samuAllowed: true, breakGlassAllowed: true }, "SAMU")).toMatchObject({ rule: "NOT_AUTHORIZED" });
  });
});

describe("patient opposition and foreign documents", () => {
  const opposed = documentWith(MASKS[0], { opposedAt: new Date("2026-01-01") });

  it("an opposed document is withdrawn from every professional, author and treating doctor included", () => {
    for (const c of ["author", "treatingDoctor", "authorizedProfessional", "samuRegulator", "breakGlass"] as const) {
      expect(canRead(actorFor(c), opposed, contextFor(c, true, true))).toMatchObject({ allowed: false, rule: "OPPOSED_BY_PATIENT" });
    }
  });

  it("the patient and legal representatives still see an opposed document", () => {
    expect(canRead(actorFor("patient"), opposed, contextFor("patient", true, true)).allowed).toBe(true);
    expect(canRead(actorFor("legalRepresentative"), opposed, contextFor("legalRepresentative", true, true)).allowed).toBe(true);
  });

  it("a document of another record is never readable through this context", () => {
    const foreign = documentWith(MASKS[0], { patientId: "patient-2" });
    for (const c of ACTOR_CASES) expect(canRead(actorFor(c), foreign, contextFor(c, true, true)).allowed).toBe(false);
  });

  it("a patient cannot use another patient's context", () => {
    const other: TActor = { kind: "PATIENT", accountId: "acc-9", patientId: "patient-2", name: "Autre" };
    expect(canAccessRecord(other, contextFor("patient", true, true))).toMatchObject({ allowed: false, rule: "NOT_OWN_RECORD" });
    expect(documentWhere(other, contextFor("patient", true, true))).toEqual(NO_DOCUMENT);
  });

  it("a legal representative without a representation row is refused", () => {
    const ctx = { ...contextFor("legalRepresentative", true, true), isRepresentative: false };
    expect(canAccessRecord(actorFor("legalRepresentative"), ctx)).toMatchObject({ allowed: false, rule: "NOT_REPRESENTATIVE" });
  });

  it("establishment staff without a profession read nothing but their own documents", () => {
    const staff: TActor = { kind: "PROFESSIONAL", professionalId: "staff", name: "Secrétaire", profession: null, specialty: null, isSamuRegulator: false };
    const ctx = { ...contextFor("authorizedProfessional", true, true), habilitation: resolveHabilitation([], null, null) };
    expect(canRead(staff, documentWith(MASKS[0]), ctx).allowed).toBe(false);
    expect(canRead(staff, documentWith(MASKS[0], { authorId: "staff" }), ctx).allowed).toBe(true);
  });
});

describe("resolveHabilitation", () => {
  const rows = [
    { profession: "10", specialty: "*", typeCode: "A", canRead: true },
    { profession: "10", specialty: "SM42", typeCode: "A", canRead: false },
    { profession: "10", specialty: "*", typeCode: "B", canRead: false },
    { profession: "40", specialty: "*", typeCode: "B", canRead: true },
  ];

  it("a specialty row overrides the profession row", () => {
    expect(resolveHabilitation(rows, "10", "SM42").get("A")?.canRead).toBe(false);
    expect(resolveHabilitation(rows, "10", "SM54").get("A")?.canRead).toBe(true);
  });

  it("only the actor's profession counts", () => {
    expect(resolveHabilitation(rows, "10", null).get("B")?.canRead).toBe(false);
    expect(resolveHabilitation(rows, "40", null).get("B")?.canRead).toBe(true);
    expect(resolveHabilitation(rows, "40", null).has("A")).toBe(false);
  });
});

describe("the rules beyond reading: every actor × record status (RECORD_ACTION_EXPECTED)", () => {
  const withRemb = (ctx: TAccessContext, canReadRemb: boolean | null): TAccessContext => ({
    ...ctx,
    habilitation: resolveHabilitation(
      canReadRemb === null ? [] : [{ profession: "10", specialty: "*", typeCode: "REMB", canRead: canReadRemb }],
      "10",
      "SM54",
    ),
  });

  for (const actorCase of ACTOR_CASES) {
    for (const isOpen of [true, false]) {
      const status = isOpen ? "open" : "closed";
      const expected = RECORD_ACTION_EXPECTED[actorCase];
      it(`${actorCase}, dossier ${isOpen ? "ouvert" : "fermé"}`, () => {
        const actor = actorFor(actorCase);
        const ctx = contextFor(actorCase, isOpen, true);
        const [rembAllowed, rembRefused] = expected.reimbursements[status];
        expect(canSeeReimbursements(actor, withRemb(ctx, true)).rule).toBe(rembAllowed);
        expect(canSeeReimbursements(actor, withRemb(ctx, false)).rule).toBe(rembRefused);
        expect(canSeeReimbursements(actor, withRemb(ctx, null)).rule).toBe(rembRefused);
        // Once loaded, the statement is read as its document: unmasked, the same rules.
        const statement = { ...documentWith(MASKS[0]), typeCode: "REMB", authorId: null };
        expect(canSeeReimbursements(actor, withRemb(ctx, true), statement).rule).toBe(rembAllowed);
        expect(canSeeReimbursements(actor, withRemb(ctx, false), statement).rule).toBe(rembRefused);
        if (isOpen) {
          const masked = { ...statement, hiddenFromPros: true };
          expect(canSeeReimbursements(actor, withRemb(ctx, true), masked).rule).toBe(expected.statementMasked[0]);
          expect(canSeeReimbursements(actor, withRemb(ctx, false), masked).rule).toBe(expected.statementMasked[1]);
          const opposed = { ...statement, opposedAt: new Date("2026-01-01T00:00:00Z") };
          expect(canSeeReimbursements(actor, withRemb(ctx, true), opposed).rule).toBe(expected.statementOpposed);
        }
        if (actor.kind !== "PROFESSIONAL") {
          expect(expected.treatingDoctorActions).toBeNull();
          const [change, changeMeantForClosed] = expected.ownRecordChanges![status];
          expect(canChangeOwnRecord(actor, ctx).rule).toBe(change);
          expect(canChangeOwnRecord(actor, ctx, { allowClosed: true }).rule).toBe(changeMeantForClosed);
          return;
        }
        expect(canReadOtherProfessionalsTraces(actor, ctx).rule).toBe(expected.treatingDoctorActions?.[status]);
        expect(canBlockAtPatientRequest(actor, ctx).rule).toBe(expected.treatingDoctorActions?.[status]);
      });
    }
  }

  it("PATIENT_CHANGES: another patient's record and a representative without representation are refused first", () => {
    const other: TPatientActor = { kind: "PATIENT", accountId: "acc-9", patientId: "patient-2", name: "Autre" };
    expect(canChangeOwnRecord(other, contextFor("patient", true, true)).rule).toBe("NOT_OWN_RECORD");
    const rep = actorFor("legalRepresentative");
    if (rep.kind !== "LEGAL_REPRESENTATIVE") throw new Error("representative expected");
    expect(canChangeOwnRecord(rep, { ...contextFor("legalRepresentative", false, true), isRepresentative: false }).rule).toBe("NOT_REPRESENTATIVE");
  });

  it("a refused REMB row is named in the decision, as an allowed one", () => {
    const ctx = contextFor("authorizedProfessional", true, true);
    const refused = canSeeReimbursements(actorFor("authorizedProfessional"), withRemb(ctx, false));
    expect(refused).toMatchObject({ allowed: false, rule: "HABILITATION_DENIED", habilitation: "matrice 10/* × REMB : refusé" });
    const allowed = canSeeReimbursements(actorFor("authorizedProfessional"), withRemb(ctx, true));
    expect(allowed).toMatchObject({ allowed: true, rule: "CONSENT", habilitation: "matrice 10/* × REMB : autorisé" });
  });

  it("REVEAL_TO_PATIENT: a professional reveals exactly the documents they may read (the canRead table)", () => {
    for (const actorCase of ACTOR_CASES) {
      const actor = actorFor(actorCase);
      if (actor.kind !== "PROFESSIONAL") continue;
      for (const isOpen of [true, false]) {
        for (const isMatrixAllowed of [true, false]) {
          const ctx = contextFor(actorCase, isOpen, isMatrixAllowed);
          const got = MASKS.map((mask) => (canRevealToPatient(actor, documentWith(mask), ctx).allowed ? "Y" : ".")).join("");
          expect(got, `${actorCase} ${isOpen} ${isMatrixAllowed}`).toBe(expectedFor(actorCase, isOpen, isMatrixAllowed));
        }
      }
    }
  });

  it("OTHER_PROFESSIONALS_TRACES as a list: only the treating doctor, only the others' traces of this record", () => {
    for (const actorCase of ACTOR_CASES) {
      const actor = actorFor(actorCase);
      if (actor.kind !== "PROFESSIONAL") continue;
      for (const isOpen of [true, false]) {
        const ctx = contextFor(actorCase, isOpen, true);
        const traces: TPolicyTrace[] = TRACE_ROWS.map((row) => ({
          patientId: "otherRecord" in row ? "patient-2" : PATIENT_ID,
          actorKind: row.actor === "patient" ? "PATIENT" : "PROFESSIONAL",
          actorId: row.actor === "self" ? actor.professionalId : row.actor === "patient" ? "acc-1" : AUTHOR_ID,
        }));
        const got = traces.map((t) => (isOtherProfessionalsTrace(actor, t, ctx) ? "Y" : ".")).join("");
        expect(got, `${actorCase} ${isOpen}`).toBe(expectedTracesFor(actorCase, isOpen));
        if (got === "....") expect(otherProfessionalsTraceWhere(actor, ctx)).toEqual(NO_TRACE);
      }
    }
  });
});
