/** What a professional without access may learn before access, as literal tables. */
import { describe, expect, it } from "vitest";
import type { TProfessionalActor } from "./actor";
import type { TAccessContext } from "./access-context";
import { identityBeforeAccessDecision, patientLookupFor, searchAccessFor, type TSearchAccess } from "./identity-before-access";

const ACTOR: TProfessionalActor = { kind: "PROFESSIONAL", professionalId: "pro", name: "Dr Test", profession: "10", specialty: null, isSamuRegulator: false };

const BASE: TAccessContext = {
  patientId: "p1",
  namespaceId: null,
  recordStatus: "OPEN",
  breakGlassAllowed: true,
  samuAllowed: true,
  isTreatingDoctor: false,
  isBlocked: false,
  hasAuthorization: false,
  emergencyMode: null,
  isRepresentative: false,
  habilitation: new Map(),
};

/** case → [identity shown on the first-access page?, what a search result says] */
const CASES: [string, Partial<TAccessContext> | null, boolean, TSearchAccess][] = [
  ["dossier ouvert, aucun accès", {}, true, "NONE"],
  ["dossier inconnu", null, false, "NONE"],
  ["dossier fermé", { recordStatus: "CLOSED" }, false, "NONE"],
  ["dossier fermé, autorisé avant la fermeture", { recordStatus: "CLOSED", hasAuthorization: true, authorizationMethod: "CONSENT" }, false, "NONE"],
  ["dossier fermé, médecin traitant", { recordStatus: "CLOSED", isTreatingDoctor: true }, false, "NONE"],
  ["professionnel bloqué", { isBlocked: true }, false, "NONE"],
  ["professionnel bloqué après avoir été autorisé", { isBlocked: true, hasAuthorization: true, authorizationMethod: "CONSENT" }, false, "NONE"],
  ["professionnel bloqué, accès d'urgence encore ouvert", { isBlocked: true, emergencyMode: "BREAK_GLASS" }, false, "NONE"],
  ["autorisé par consentement", { hasAuthorization: true, authorizationMethod: "CONSENT" }, true, "AUTHORIZED"],
  ["équipe de soins", { hasAuthorization: true, authorizationMethod: "CARE_TEAM" }, true, "AUTHORIZED"],
  ["médecin traitant", { isTreatingDoctor: true }, true, "TREATING_DOCTOR"],
  ["bris de glace en cours", { emergencyMode: "BREAK_GLASS" }, true, "EMERGENCY"],
  ["bris de glace en cours, patient opposé depuis", { emergencyMode: "BREAK_GLASS", breakGlassAllowed: false }, true, "NONE"],
];

describe("identity before access and search results", () => {
  for (const [name, facts, isShown, access] of CASES) {
    it(`${name} : identité ${isShown ? "montrée" : "cachée"}, recherche « ${access} »`, () => {
      const ctx = facts ? { ...BASE, ...facts } : null;
      expect(identityBeforeAccessDecision(ctx).isShown).toBe(isShown);
      if (ctx) expect(searchAccessFor(ACTOR, ctx)).toBe(access);
    });
  }
});

describe("PATIENT_LOOKUP (Patient?identifier=INS for DMP-compatible software)", () => {
  for (const [name, facts, isShown, access] of CASES) {
    it(`${name} : ${isShown ? `dossier signalé, accès « ${access} »` : "rien, comme un INS inconnu"}`, () => {
      const lookup = patientLookupFor(ACTOR, facts ? { ...BASE, ...facts } : null);
      expect(lookup.isShown).toBe(isShown);
      if (lookup.isShown) expect(lookup.access).toBe(access);
      else expect(["NOT_AUTHORIZED", "RECORD_CLOSED", "BLOCKED"]).toContain(lookup.rule);
    });
  }
});
