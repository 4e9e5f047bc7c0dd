import { describe, expect, it } from "vitest";
import type { TActor } from "./actor";
import type { TAccessContext } from "./access-context";
import { feedOppositionDecision, type TFeedOpposition } from "./feed-rules";
import { rectificationAnswerDecision, rectificationRequestDecision, RECENT_SIGN_IN_MS, totpDisableDecision } from "./patient-rights";
import { FEED_OPPOSITION_EXPECTED, MASKS, RECTIFICATION_ANSWER_EXPECTED, RECTIFICATION_REQUEST_EXPECTED, TOTP_DISABLE_EXPECTED } from "./policy-table";

const PATIENT_ID = "patient-1";
const now = new Date("2026-05-04T10:00:00.000Z");

const ctx: TAccessContext = {
  patientId: PATIENT_ID,
  recordStatus: "OPEN",
  breakGlassAllowed: true,
  samuAllowed: true,
  isTreatingDoctor: false,
  isBlocked: false,
  hasAuthorization: true,
  emergencyMode: null,
  isRepresentative: true,
  habilitation: new Map(),
  namespaceId: null,
};

describe("TOTP_DISABLE (policy table rows)", () => {
  for (const row of TOTP_DISABLE_EXPECTED) {
    it(`signed in ${row.signedInMinutesAgo} min ago → ${row.rule}`, () => {
      expect(totpDisableDecision(now.getTime() - row.signedInMinutesAgo * 60_000, now).rule).toBe(row.rule);
    });
  }
  it("a sign-in time in the future is not recent", () => {
    expect(totpDisableDecision(now.getTime() + RECENT_SIGN_IN_MS, now).allowed).toBe(false);
  });
});

describe("RECTIFICATION_REQUEST (policy table rows)", () => {
  const actors: Record<string, TActor> = {
    patient: { kind: "PATIENT", accountId: "a1", patientId: PATIENT_ID, name: "P" },
    legalRepresentative: { kind: "LEGAL_REPRESENTATIVE", accountId: "a2", patientId: PATIENT_ID, name: "R" },
    author: { kind: "PROFESSIONAL", professionalId: "pro-author", name: "A", profession: "10", specialty: null, isSamuRegulator: false },
  };
  for (const row of RECTIFICATION_REQUEST_EXPECTED) {
    it(`${row.who}, ${row.mask}, ${row.hasAuthor ? "with" : "without"} an author → ${row.rule}`, () => {
      const { name: _name, ...mask } = MASKS.find((m) => m.name === row.mask) as (typeof MASKS)[number];
      const doc = { patientId: PATIENT_ID, typeCode: "11488-4", authorId: row.hasAuthor ? "pro-author" : null, opposedAt: null, ...mask };
      expect(rectificationRequestDecision(actors[row.who] as TActor, doc, ctx).rule).toBe(row.rule);
    });
  }
});

describe("RECTIFICATION_ANSWER (policy table rows)", () => {
  for (const row of RECTIFICATION_ANSWER_EXPECTED) {
    it(`${row.who}, ${row.status} → ${row.rule}`, () => {
      const actor = { kind: "PROFESSIONAL" as const, professionalId: row.who === "addressee" ? "pro-author" : "pro-other", name: "", profession: "10", specialty: null, isSamuRegulator: false };
      expect(rectificationAnswerDecision(actor, { authorId: "pro-author", status: row.status }).rule).toBe(row.rule);
    });
  }
});

describe("FEED_OPPOSITION (policy table rows)", () => {
  const P = "pro-P";
  const S = "struct-S";
  const oppositionsFor = (opposed: string): TFeedOpposition[] => {
    if (opposed === "none") return [];
    if (opposed === "structure S") return [{ professionalId: null, structureId: S, withdrawnAt: null }];
    return [{ professionalId: P, structureId: null, withdrawnAt: opposed.endsWith("withdrawn") ? now : null }];
  };
  const feeders: Record<string, { structureId: string; authorId: string; submitterId: string | null }> = {
    "author of structure S": { structureId: S, authorId: "pro-X", submitterId: null },
    "P, author": { structureId: S, authorId: P, submitterId: null },
    "staff submitting for P": { structureId: S, authorId: P, submitterId: "staff-1" },
    "P, submitter for another author": { structureId: S, authorId: "pro-X", submitterId: P },
    "another professional of P's structure": { structureId: S, authorId: "pro-X", submitterId: null },
    "any professional of S": { structureId: S, authorId: "pro-X", submitterId: null },
    "a professional of another structure": { structureId: "struct-T", authorId: "pro-X", submitterId: null },
  };
  for (const row of FEED_OPPOSITION_EXPECTED) {
    it(`opposed ${row.opposed}, fed by ${row.feeder} → ${row.rule}`, () => {
      expect(feedOppositionDecision(oppositionsFor(row.opposed), feeders[row.feeder] as (typeof feeders)[string]).rule).toBe(row.rule);
    });
  }
});
