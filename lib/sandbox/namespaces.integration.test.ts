import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { z } from "zod";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { createTestDatabase, type TTestDatabase } from "@/lib/testing/test-database";
import { runInNamespace } from "@/lib/clock/namespace-scope";
import { sendSms } from "@/lib/sms/send-sms";
import { sealAllChains } from "@/lib/traces/seal-chains";
import { sealKey, type TSealKey } from "@/lib/traces/seal-key";
import { verifyAllTraceChains } from "@/lib/traces/verify-traces";
import { handleFactoryRequest } from "./handle-factory-request";
import { createSandboxPatient, patientInputSchema } from "./create-patient";
import { createSandboxProfessional, professionalInputSchema } from "./create-professional";
import { createSandboxRelation, relationInputSchema } from "./relations";
import { createSandboxDocument, documentInputSchema } from "./create-document";
import { createNamespace, deleteNamespace, namespaceOfToken } from "./namespaces";
import { blockProfessional, setTreatingDoctor } from "@/lib/records/care-team";

let db: TTestDatabase;
let key: TSealKey;
let keyFolder: string;
beforeAll(async () => {
  db = await createTestDatabase({ name: "sandbox-namespaces" });
  keyFolder = fs.mkdtempSync(path.join(os.tmpdir(), "dmp-seal-key-"));
  key = sealKey(path.join(keyFolder, ".trace-seal-key"));
});
afterAll(async () => {
  await db?.cleanup();
  fs.rmSync(keyFolder, { recursive: true, force: true });
});

function post<S extends z.ZodType, R>(schema: S, factory: (prisma: PrismaClient, input: z.output<S>) => Promise<R>, body: unknown, token?: string) {
  const headers: Record<string, string> = token ? { "X-DMP-Espace": token } : {};
  return handleFactoryRequest(new Request("http://localhost/api/sandbox/x", { method: "POST", body: JSON.stringify(body), headers }), db.prisma, schema, factory);
}

async function scenario(token?: string) {
  const patient = (await (await post(patientInputSchema, createSandboxPatient, { otpChannel: "SMS" }, token)).json()) as { patientId: string; phone: string };
  const pro = (await (await post(professionalInputSchema, createSandboxProfessional, { profession: "10" }, token)).json()) as { professionalId: string };
  return { patientId: patient.patientId, phone: patient.phone, professionalId: pro.professionalId };
}

describe("sandbox namespaces", () => {
  it("two deletions of one namespace at once: one deletes it, the other finds nothing (no error)", async () => {
    const a = await createNamespace(db.prisma);
    await scenario(a.token);
    const results = await Promise.all([deleteNamespace(db.prisma, a.namespaceId, a.token), deleteNamespace(db.prisma, a.namespaceId, a.token)]);
    expect(results.sort()).toEqual([false, true]);
  });

  it("a patient of a namespace cannot designate, or block, a professional of another as if they existed", async () => {
    const a = await createNamespace(db.prisma);
    const inA = await scenario(a.token);
    const demo = await scenario();
    const account = await db.prisma.account.findFirstOrThrow({ where: { patientId: inA.patientId } });
    const holder = { kind: "PATIENT" as const, accountId: account.id, patientId: inA.patientId, name: "" };
    await expect(setTreatingDoctor(db.prisma, holder, { professionalId: demo.professionalId })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(blockProfessional(db.prisma, holder, demo.professionalId)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await setTreatingDoctor(db.prisma, holder, { professionalId: inA.professionalId });
    expect((await db.prisma.patient.findUniqueOrThrow({ where: { id: inA.patientId } })).treatingDoctorId).toBe(inA.professionalId);
  });

  it("a factory call with X-DMP-Espace creates its people in that namespace; an unknown token is 404", async () => {
    const a = await createNamespace(db.prisma, { label: "suite A" });
    const s = await scenario(a.token);
    const patient = await db.prisma.patient.findUniqueOrThrow({ where: { id: s.patientId }, include: { account: true, beneficiary: true } });
    expect([patient.namespaceId, patient.account?.namespaceId, patient.beneficiary?.namespaceId]).toEqual([a.namespaceId, a.namespaceId, a.namespaceId]);
    expect((await db.prisma.professional.findUniqueOrThrow({ where: { id: s.professionalId } })).namespaceId).toBe(a.namespaceId);
    const unknown = await post(patientInputSchema, createSandboxPatient, {}, "esp_inconnu_0123456789");
    expect(unknown.status).toBe(404);
  });

  it("a factory referencing a row of another namespace (or of the demo data) answers as for an unknown id", async () => {
    const a = await createNamespace(db.prisma);
    const b = await createNamespace(db.prisma);
    const inA = await scenario(a.token);
    const inB = await scenario(b.token);
    const demo = await scenario();
    for (const [patientId, professionalId, token] of [
      [inA.patientId, inB.professionalId, a.token],
      [inA.patientId, inB.professionalId, b.token],
      [demo.patientId, inA.professionalId, a.token],
      [inA.patientId, demo.professionalId, undefined],
    ] as const) {
      for (const relation of ["consentement", "medecin-traitant"] as const) {
        const response = await post(relationInputSchema, createSandboxRelation, { relation, patientId, professionalId }, token);
        expect(response.status).toBe(400);
        expect(((await response.json()) as { error: string }).error).toMatch(/introuvable/);
      }
    }
    const consent = await post(relationInputSchema, createSandboxRelation, { relation: "consentement", patientId: inA.patientId, professionalId: inA.professionalId }, a.token);
    expect(consent.status).toBe(201);
    // The record door itself refuses a professional of another namespace: a document of B's doctor on A's patient.
    const doc = await post(documentInputSchema, createSandboxDocument, { patientId: inA.patientId, authorId: inB.professionalId, typeCode: "11488-4", title: "Bilan" }, b.token);
    expect(doc.status).toBe(400);
  });

  it("messages belong to the namespace of the request, or of their recipient's account", async () => {
    const a = await createNamespace(db.prisma);
    const inA = await scenario(a.token);
    await runInNamespace(a.namespaceId, () => sendSms(db.prisma, { to: "+33790000999", body: "Code 123456", otp: { code: "123456", purpose: "LOGIN" } }));
    await sendSms(db.prisma, { to: inA.phone, body: "Nouveau document" }); // a background notification: no namespace in scope
    await sendSms(db.prisma, { to: "+33790000998", body: "Démo" });
    const rows = await db.prisma.smsMessage.findMany({ where: { recipient: { in: ["+33790000999", inA.phone, "+33790000998"] } }, orderBy: { recipient: "asc" } });
    expect(Object.fromEntries(rows.map((r) => [r.recipient, r.namespaceId]))).toEqual({ "+33790000999": a.namespaceId, [inA.phone]: a.namespaceId, "+33790000998": null });
  });

  it("deleting a namespace takes everything in it, traces and seals included; the trace check still passes", async () => {
    const a = await createNamespace(db.prisma);
    const inA = await scenario(a.token);
    await post(relationInputSchema, createSandboxRelation, { relation: "consentement", patientId: inA.patientId, professionalId: inA.professionalId }, a.token);
    await post(documentInputSchema, createSandboxDocument, { patientId: inA.patientId, authorId: inA.professionalId, typeCode: "11488-4", title: "Bilan" }, a.token);
    const demo = await scenario();
    await sealAllChains(db.prisma, key);
    expect(await db.prisma.trace.count({ where: { patientId: inA.patientId } })).toBeGreaterThan(0);
    expect(await db.prisma.traceSeal.count({ where: { patientId: inA.patientId } })).toBeGreaterThan(0);

    expect(await deleteNamespace(db.prisma, a.namespaceId, "esp_mauvais_jeton_0000")).toBe(false);
    expect(await deleteNamespace(db.prisma, a.namespaceId, a.token)).toBe(true);
    expect(await db.prisma.patient.count({ where: { namespaceId: a.namespaceId } })).toBe(0);
    expect(await db.prisma.professional.count({ where: { namespaceId: a.namespaceId } })).toBe(0);
    expect(await db.prisma.account.count({ where: { namespaceId: a.namespaceId } })).toBe(0);
    expect(await db.prisma.trace.count({ where: { patientId: inA.patientId } })).toBe(0);
    expect(await db.prisma.traceSeal.count({ where: { patientId: inA.patientId } })).toBe(0);
    expect(await namespaceOfToken(db.prisma, a.token)).toBeNull();
    const report = await verifyAllTraceChains(db.prisma, { key: key.publicKey, keyId: key.keyId });
    expect(report.failures).toEqual([]);

    // Every other trace stays append-only.
    await expect(db.prisma.trace.deleteMany({ where: { patientId: demo.patientId } })).rejects.toThrow(/append-only/);
    await expect(db.prisma.traceSeal.deleteMany({})).rejects.toThrow(/append-only/);
  });

  it("deleting a namespace takes its establishments' catalogue, documents and NIR requests (issue 16)", async () => {
    const a = await createNamespace(db.prisma);
    const structure = await db.prisma.structure.create({ data: { finess: "750009999", name: "Hôpital A", kind: "HOSPITAL", city: "Paris", department: "75", namespaceId: a.namespaceId } });
    const sp = await db.prisma.structurePatient.create({ data: { structureId: structure.id, localId: "IPP1", firstName: "A", lastName: "B", sex: "F", birthDate: "1990-01-01", identityStatus: "PROVISIONAL" } });
    const when = new Date("2026-01-01T00:00:00Z");
    await db.prisma.documentCatalogueEntry.create({ data: { structureId: structure.id, name: "CRH", typeCode: "34112-3" } });
    await db.prisma.hospitalDocument.create({ data: { structureId: structure.id, structurePatientId: sp.id, typeCode: "34112-3", title: "CRH", body: "…", authorId: "x", createdById: "x", serviceDate: "2026-01-01", createdAt: when, updatedAt: when } });
    await db.prisma.nirRequest.create({ data: { structureId: structure.id, structurePatientId: sp.id, desk: "ADMISSIONS", requestedById: "x", requestedAt: when } });
    expect(await deleteNamespace(db.prisma, a.namespaceId, a.token)).toBe(true);
    const where = { structureId: structure.id };
    expect([await db.prisma.documentCatalogueEntry.count({ where }), await db.prisma.hospitalDocument.count({ where }), await db.prisma.nirRequest.count({ where })]).toEqual([0, 0, 0]);
  });
});
