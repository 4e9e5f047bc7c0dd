/**
 * Every emergency combination: door (SAMU by a regulator, SAMU claimed by a non-regulator,
 * break-the-glass) × the patient's opposition × masking × habilitation × record status.
 * Expectations are literal strings over MASKS (see policy-table.ts).
 */
import { describe, expect, it } from "vitest";
import type { TActor } from "./actor";
import type { TAccessContext } from "./access-context";
import { resolveHabilitation } from "./habilitation";
import { canRead } from "./policy";
import { MASKS } from "./policy-table";

type TDoor = "SAMU_REGULATOR" | "SAMU_NON_REGULATOR" | "BREAK_GLASS";

const NONE = "........";
const PRO_VISIBLE = "Y.YY..Y.";

/** [door][opposed?][open?][matrix allows?] */
const EXPECTED: Record<TDoor, Record<"allowed" | "opposed", { open: [string, string]; closed: [string, string] }>> = {
  SAMU_REGULATOR: {
    allowed: { open: [PRO_VISIBLE, NONE], closed: [NONE, NONE] },
    opposed: { open: [NONE, NONE], closed: [NONE, NONE] },
  },
  SAMU_NON_REGULATOR: {
    allowed: { open: [NONE, NONE], closed: [NONE, NONE] },
    opposed: { open: [NONE, NONE], closed: [NONE, NONE] },
  },
  BREAK_GLASS: {
    allowed: { open: [PRO_VISIBLE, NONE], closed: [NONE, NONE] },
    opposed: { open: [NONE, NONE], closed: [NONE, NONE] },
  },
};

function actor(door: TDoor): TActor {
  return {
    kind: "PROFESSIONAL",
    professionalId: "pro-urgence",
    name: "Dr Urgence",
    profession: "10",
    specialty: "SM59",
    isSamuRegulator: door === "SAMU_REGULATOR",
  };
}

function context(door: TDoor, isOpposed: boolean, isOpen: boolean, isMatrixAllowed: boolean): TAccessContext {
  const mode = door === "BREAK_GLASS" ? "BREAK_GLASS" : "SAMU";
  return {
    patientId: "p1",
    namespaceId: null,
    recordStatus: isOpen ? "OPEN" : "CLOSED",
    samuAllowed: !(isOpposed && mode === "SAMU"),
    breakGlassAllowed: !(isOpposed && mode === "BREAK_GLASS"),
    isTreatingDoctor: false,
    isBlocked: false,
    hasAuthorization: false,
    emergencyMode: mode,
    isRepresentative: false,
    habilitation: resolveHabilitation([{ profession: "10", specialty: "*", typeCode: "60591-5", canRead: isMatrixAllowed }], "10", "SM59"),
  };
}

describe("emergency doors", () => {
  for (const door of ["SAMU_REGULATOR", "SAMU_NON_REGULATOR", "BREAK_GLASS"] as const) {
    for (const isOpposed of [false, true]) {
      for (const isOpen of [true, false]) {
        for (const isMatrixAllowed of [true, false]) {
          const name = `${door}, ${isOpposed ? "opposé" : "autorisé"} par le patient, dossier ${isOpen ? "ouvert" : "fermé"}, matrice ${isMatrixAllowed ? "autorise" : "refuse"}`;
          it(name, () => {
            const ctx = context(door, isOpposed, isOpen, isMatrixAllowed);
            const got = MASKS.map((m) =>
              canRead(actor(door), { patientId: "p1", typeCode: "60591-5", authorId: "autre", opposedAt: null, ...m }, ctx).allowed ? "Y" : ".",
            ).join("");
            const e = EXPECTED[door][isOpposed ? "opposed" : "allowed"][isOpen ? "open" : "closed"];
            expect(got).toBe(e[isMatrixAllowed ? 0 : 1]);
          });
        }
      }
    }
  }

  it("an allowed emergency read carries the emergency mode for the trace", () => {
    const d = canRead(actor("BREAK_GLASS"), { patientId: "p1", typeCode: "60591-5", authorId: "x", opposedAt: null, ...MASKS[0] }, context("BREAK_GLASS", false, true, true));
    expect(d).toMatchObject({ allowed: true, rule: "BREAK_GLASS", mode: "BREAK_GLASS" });
  });

  it("opposing SAMU access does not close the break-the-glass door, and conversely", () => {
    const samuOpposed = { ...context("BREAK_GLASS", false, true, true), samuAllowed: false };
    const doc = { patientId: "p1", typeCode: "60591-5", authorId: "x", opposedAt: null, ...MASKS[0] };
    expect(canRead(actor("BREAK_GLASS"), doc, samuOpposed).allowed).toBe(true);
    const bgOpposed = { ...context("SAMU_REGULATOR", false, true, true), breakGlassAllowed: false };
    expect(canRead(actor("SAMU_REGULATOR"), doc, bgOpposed).allowed).toBe(true);
  });
});
