import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TTestDatabase } from "@/lib/testing/test-database";
import { parsed } from "@/lib/testing/sandbox-input";
import { runInNamespace } from "@/lib/clock/namespace-scope";
import { platformNow } from "@/lib/clock/clock";
import { parseSandboxInput } from "./parse-input";
import { createSandboxPatient, patientInputSchema } from "./create-patient";
import { loadSandboxReimbursements, reimbursementsInputSchema } from "./load-reimbursements";

let db: TTestDatabase;
beforeAll(async () => {
  db = await createTestDatabase({ name: "sandbox-reimbursements" });
});
afterAll(async () => db.cleanup());

const load = (input: unknown) => loadSandboxReimbursements(db.prisma, parsed(parseSandboxInput(reimbursementsInputSchema, input)));

describe("sandbox reimbursements", () => {
  it("sends the history now with the chosen profile, and sends it again rather than twice", async () => {
    const p = await createSandboxPatient(db.prisma, parsed(parseSandboxInput(patientInputSchema, {})));
    const first = await load({ patientId: p.patientId, profil: "diabete" });
    expect(first.lines).toBeGreaterThan(40);
    expect(first.documentId).not.toBeNull();
    expect(await db.prisma.patient.findUniqueOrThrow({ where: { id: p.patientId }, select: { reimbursementProfile: true } })).toEqual({ reimbursementProfile: "DIABETES" });
    const again = await load({ patientId: p.patientId, profil: "diabete" });
    expect(again).toEqual(first);
    expect(await db.prisma.document.count({ where: { patientId: p.patientId, typeCode: "REMB" } })).toBe(1);
  });

  it("refuses an unknown profile in French, and a record of another namespace as unknown", async () => {
    expect(parseSandboxInput(reimbursementsInputSchema, { patientId: "x", profil: "grippe" })).toMatchObject({ ok: false });
    const ns = await db.prisma.sandboxNamespace.create({ data: { tokenHash: "t", createdAt: platformNow() } });
    const p = await createSandboxPatient(db.prisma, parsed(parseSandboxInput(patientInputSchema, {})));
    await expect(runInNamespace(ns.id, () => load({ patientId: p.patientId }))).rejects.toMatchObject({ code: "INVALID_INPUT", userMessage: "Patient introuvable : créez-le d'abord avec le bac à sable." });
  });
});
