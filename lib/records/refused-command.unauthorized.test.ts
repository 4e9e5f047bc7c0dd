/**
 * A refused professional command leaves its REFUSED trace, whatever the step that refused
 * (the record door or a rule the command checks once inside its transaction), and nothing
 * else of the command survives.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TTestDatabase } from "@/lib/testing/test-database";
import type { TProfessionalActor } from "@/lib/access/actor";
import { findTracesForProfessional } from "@/lib/records/find-traces-for-professional";
import { revealDocument } from "@/lib/documents/reveal-document";
import { blockProfessionalForPatient } from "./block-professional-for-patient";
import { readDocument } from "@/lib/documents/read-document";
import { runProfessionalCommand } from "@/lib/record-door/professional-command";
import { openRecord } from "@/lib/record-door/open-record";
import { withRefusalTraces } from "@/lib/record-door/refusal";

let db: TTestDatabase;
let patientId: string;
let treatingDoctor: TProfessionalActor;
let colleague: TProfessionalActor;
let nurse: TProfessionalActor;
let n = 0;

async function professional(profession: string, specialty: string | null): Promise<TProfessionalActor> {
  n += 1;
  const p = await db.prisma.professional.create({
    data: { idNat: `8100000009${n}`, firstName: "Test", lastName: `Pro${n}`, profession, specialty },
  });
  return { kind: "PROFESSIONAL", professionalId: p.id, name: `Test Pro${n}`, profession, specialty, isSamuRegulator: false };
}

async function refusedTraces(actor: TProfessionalActor, action: string) {
  return db.prisma.trace.findMany({ where: { patientId, actorId: actor.professionalId, action: action as never, outcome: "REFUSED" } });
}

beforeAll(async () => {
  db = await createTestDatabase({ name: "refused-command" });
  treatingDoctor = await professional("10", "SM54");
  colleague = await professional("10", "SM04");
  nurse = await professional("60", null);
  const patient = await db.prisma.patient.create({
    data: { nir: "180017505600111", birthDate: "1980-01-01", firstName: "Paul", lastName: "Essai", sex: "M", department: "75", treatingDoctorId: treatingDoctor.professionalId },
  });
  patientId = patient.id;
  for (const pro of [colleague, nurse]) {
    await db.prisma.professionalAuthorization.create({
      data: { patientId, professionalId: pro.professionalId, method: "CONSENT", consentAt: new Date(), recordedById: pro.professionalId },
    });
  }
  await db.prisma.habilitationRule.createMany({
    data: [
      { profession: "10", specialty: "*", typeCode: "11488-4", canRead: true },
      { profession: "60", specialty: "*", typeCode: "11488-4", canRead: false },
    ],
  });
});

afterAll(async () => {
  await db.cleanup();
});

describe("unauthorized access: a refused professional command is traced", () => {
  it("a professional other than the treating doctor asking for the other professionals' traces is refused like an unknown record, and the refusal is traced", async () => {
    await expect(findTracesForProfessional(db.prisma, colleague, patientId)).rejects.toMatchObject({ code: "NOT_FOUND" });
    const traces = await refusedTraces(colleague, "TRACES_VIEW");
    expect(traces).toHaveLength(1);
    expect(traces[0]?.reason).toBe("Réservé au médecin traitant du patient");
  });

  it("a professional other than the treating doctor blocking a colleague is refused, nothing is blocked, and the refusal is traced", async () => {
    await expect(blockProfessionalForPatient(db.prisma, colleague, patientId, nurse.professionalId)).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await db.prisma.patientBlock.count({ where: { patientId } })).toBe(0);
    expect(await refusedTraces(colleague, "PROFESSIONAL_BLOCK")).toHaveLength(1);
  });

  it("revealing a document the professional may not read is refused, the document stays invisible to the patient, and the refusal is traced", async () => {
    const doc = await db.prisma.document.create({
      data: {
        uniqueId: "u-hidden",
        patientId,
        typeCode: "11488-4",
        classCode: "10",
        title: "Résultat à annoncer",
        authorId: colleague.professionalId,
        serviceDate: new Date("2026-01-01"),
        source: "PROFESSIONAL",
        mediaType: "text/plain",
        size: 1,
        sha256: "0",
        hiddenFromPatient: true,
      },
    });
    await expect(revealDocument(db.prisma, nurse, patientId, doc.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await db.prisma.document.findUniqueOrThrow({ where: { id: doc.id } })).toMatchObject({ hiddenFromPatient: true, revealedAt: null });
    const traces = await refusedTraces(nurse, "DOCUMENT_REVEAL");
    expect(traces).toHaveLength(1);
    expect(traces[0]?.reason).toBe("Type de document non autorisé par la matrice d'habilitations — matrice 60/* × 11488-4 : refusé");
    // The refusal names no document title: the patient's history must not describe what is hidden from them.
    expect(traces[0]?.detail).toBeNull();
  });

  it("revealing with a malformed document id (3,000 characters, not a string) is answered like an unknown document", async () => {
    for (const id of ["x".repeat(3000), { id: "a" } as unknown as string]) {
      await expect(revealDocument(db.prisma, treatingDoctor, patientId, id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    }
  });

  it("a command refused after it wrote something keeps only its REFUSED trace: its writes are rolled back", async () => {
    await expect(
      runProfessionalCommand(db.prisma, colleague, patientId, "SUMMARY_UPDATE", async (tx, _ctx, _decision, _now, refuse) => {
        await tx.allergy.create({ data: { patientId, substance: "Pénicilline" } });
        return refuse({ allowed: false, rule: "TREATING_DOCTOR_ONLY" });
      }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await db.prisma.allergy.count({ where: { patientId } })).toBe(0);
    const traces = await refusedTraces(colleague, "SUMMARY_UPDATE");
    expect(traces).toHaveLength(1);
    expect(traces[0]?.reason).toBe("Réservé au médecin traitant du patient");
  });

  it("the treating doctor still reads the other professionals' traces and blocks at the patient's request", async () => {
    const page = await findTracesForProfessional(db.prisma, treatingDoctor, patientId);
    expect(page.items.every((t) => t.actorName !== treatingDoctor.name)).toBe(true);
    expect(page.items.some((t) => t.outcome === "REFUSED")).toBe(true);
    await blockProfessionalForPatient(db.prisma, treatingDoctor, patientId, nurse.professionalId);
    expect(await db.prisma.patientBlock.count({ where: { patientId, professionalId: nurse.professionalId, requestedBy: "TREATING_DOCTOR" } })).toBe(1);
  });
});

describe("unauthorized access: a refusal inside a caller's own transaction is traced", () => {
  it("a professional's refused document read inside a transaction leaves its REFUSED trace when the door wraps the transaction", async () => {
    const midwife = await professional("60", null);
    await db.prisma.professionalAuthorization.create({
      data: { patientId, professionalId: midwife.professionalId, method: "CONSENT", consentAt: new Date(), recordedById: midwife.professionalId },
    });
    const doc = await db.prisma.document.create({
      data: {
        uniqueId: "u-masked-read",
        patientId,
        typeCode: "11488-4",
        classCode: "10",
        title: "Compte rendu",
        authorId: colleague.professionalId,
        serviceDate: new Date("2026-01-01"),
        source: "PROFESSIONAL",
        mediaType: "text/plain",
        size: 1,
        sha256: "0",
      },
    });
    await expect(
      withRefusalTraces(db.prisma, () =>
        db.prisma.$transaction(async (tx) => {
          const { ctx } = await openRecord(tx, midwife, patientId, { traceView: false });
          return readDocument(tx, midwife, ctx, doc.id);
        }),
      ),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    const traces = await db.prisma.trace.findMany({ where: { actorId: midwife.professionalId, action: "DOCUMENT_READ", outcome: "REFUSED", documentId: doc.id } });
    expect(traces).toHaveLength(1);
  });

  it("a professional refused at the record door inside a transaction leaves the REFUSED record view", async () => {
    const stranger = await professional("10", null);
    await expect(withRefusalTraces(db.prisma, () => db.prisma.$transaction((tx) => openRecord(tx, stranger, patientId)))).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    const traces = await refusedTraces(stranger, "RECORD_VIEW");
    expect(traces.map((t) => t.reason)).toEqual(["Aucune autorisation d'accès"]);
  });
});
