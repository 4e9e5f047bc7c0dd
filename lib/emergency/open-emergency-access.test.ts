import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createTestDatabase, type TTestDatabase } from "@/lib/testing/test-database";
import type { TProfessionalActor } from "@/lib/access/actor";
import { openRecord } from "@/lib/record-door/open-record";
import { verifyTraceChain } from "@/lib/traces/verify-chain";
import { openEmergencyAccess } from "./open-emergency-access";
import { closeEmergencyAccess } from "./close-emergency-access";

let db: TTestDatabase;
let patientId: string;
let regulator: TProfessionalActor;
let doctor: TProfessionalActor;

beforeAll(async () => {
  db = await createTestDatabase();
  const p = db.prisma;
  const samu = await p.structure.create({ data: { finess: "750000002", name: "SAMU 75", kind: "SAMU", city: "Paris", department: "75" } });
  const reg = await p.professional.create({
    data: { idNat: "810000000101", firstName: "Rémi", lastName: "Régulateur", profession: "10", specialty: "SM59", isSamuRegulator: true, structureId: samu.id },
  });
  const doc = await p.professional.create({ data: { idNat: "810000000102", firstName: "Ursula", lastName: "Urgentiste", profession: "10", specialty: "SM59" } });
  regulator = { kind: "PROFESSIONAL", professionalId: reg.id, name: "Dr Rémi Régulateur", profession: "10", specialty: "SM59", isSamuRegulator: true, structureName: "SAMU 75" };
  doctor = { kind: "PROFESSIONAL", professionalId: doc.id, name: "Dr Ursula Urgentiste", profession: "10", specialty: "SM59", isSamuRegulator: false };
  patientId = (
    await p.patient.create({
      data: { nir: "180017505600138", birthDate: "1980-01-01", firstName: "Paul", lastName: "Martin", sex: "M", department: "75" },
    })
  ).id;
});

beforeEach(async () => {
  await db.prisma.emergencyAccess.deleteMany();
  await db.prisma.patient.update({ where: { id: patientId }, data: { samuAllowed: true, breakGlassAllowed: true, recordStatus: "OPEN" } });
});

afterAll(async () => {
  await db?.cleanup();
});

const JUSTIFICATION = "Patient inconscient admis aux urgences après un accident de la route.";

describe("openEmergencyAccess", () => {
  it("opens the SAMU door for a regulator, traces it, notifies the patient, and the record opens in SAMU mode", async () => {
    const now = new Date();
    const out = await openEmergencyAccess(db.prisma, regulator, patientId, { mode: "SAMU" }, { now });
    expect(out.status).toBe("OPENED");
    const trace = await db.prisma.trace.findFirst({ where: { patientId, action: "SAMU_ACCESS" }, orderBy: { id: "desc" } });
    expect(trace).toMatchObject({ mode: "SAMU", outcome: "ALLOWED", actorId: regulator.professionalId });
    const note = await db.prisma.notification.findFirst({ where: { patientId, kind: "EMERGENCY_ACCESS" }, orderBy: { createdAt: "desc" } });
    expect(note?.body).toContain("SAMU-Centre 15");
    const opened = await openRecord(db.prisma, regulator, patientId);
    expect(opened.decision).toMatchObject({ rule: "SAMU", mode: "SAMU" });
    expect(await verifyTraceChain(db.prisma, patientId)).toBeNull();
  });

  it("refuses the SAMU door when the patient opposed it, with a clear message and a REFUSED trace", async () => {
    await db.prisma.patient.update({ where: { id: patientId }, data: { samuAllowed: false } });
    const out = await openEmergencyAccess(db.prisma, regulator, patientId, { mode: "SAMU" });
    expect(out).toMatchObject({ status: "REFUSED", rule: "SAMU_OPPOSED" });
    if (out.status === "REFUSED") expect(out.message).toContain("opposé");
    const trace = await db.prisma.trace.findFirst({ where: { patientId, action: "SAMU_ACCESS" }, orderBy: { id: "desc" } });
    expect(trace).toMatchObject({ outcome: "REFUSED", mode: "SAMU" });
    expect(await db.prisma.emergencyAccess.count()).toBe(0);
  });

  it("does not let a non-regulator use the SAMU door", async () => {
    const out = await openEmergencyAccess(db.prisma, doctor, patientId, { mode: "SAMU" });
    expect(out).toMatchObject({ status: "REFUSED", rule: "NOT_AUTHORIZED" });
  });

  it("opens break-the-glass with the justification kept in the trace and the notification", async () => {
    const out = await openEmergencyAccess(db.prisma, doctor, patientId, { mode: "BREAK_GLASS", justification: JUSTIFICATION });
    expect(out.status).toBe("OPENED");
    const trace = await db.prisma.trace.findFirst({ where: { patientId, action: "BREAK_GLASS_ACCESS" }, orderBy: { id: "desc" } });
    expect(trace).toMatchObject({ mode: "BREAK_GLASS", justification: JUSTIFICATION, outcome: "ALLOWED" });
    const note = await db.prisma.notification.findFirst({ where: { patientId, kind: "EMERGENCY_ACCESS" }, orderBy: { createdAt: "desc" } });
    expect(note?.body).toContain(JUSTIFICATION);
  });

  it("rejects break-the-glass without a justification and changes nothing", async () => {
    const before = await db.prisma.trace.count();
    await expect(openEmergencyAccess(db.prisma, doctor, patientId, { mode: "BREAK_GLASS", justification: " urgent " })).rejects.toMatchObject({
      code: "INVALID_INPUT",
    });
    expect(await db.prisma.trace.count()).toBe(before);
    expect(await db.prisma.emergencyAccess.count()).toBe(0);
  });

  it("refuses break-the-glass when the patient opposed it", async () => {
    await db.prisma.patient.update({ where: { id: patientId }, data: { breakGlassAllowed: false } });
    const out = await openEmergencyAccess(db.prisma, doctor, patientId, { mode: "BREAK_GLASS", justification: JUSTIFICATION });
    expect(out).toMatchObject({ status: "REFUSED", rule: "BREAK_GLASS_OPPOSED" });
  });

  it("refuses on a closed record", async () => {
    await db.prisma.patient.update({ where: { id: patientId }, data: { recordStatus: "CLOSED" } });
    const out = await openEmergencyAccess(db.prisma, doctor, patientId, { mode: "BREAK_GLASS", justification: JUSTIFICATION });
    expect(out).toMatchObject({ status: "REFUSED", rule: "RECORD_CLOSED" });
  });

  it("an expired access no longer opens the record; it must be declared again", async () => {
    const start = new Date("2026-11-26T08:00:00Z");
    await openEmergencyAccess(db.prisma, doctor, patientId, { mode: "BREAK_GLASS", justification: JUSTIFICATION }, { now: start });
    await expect(openRecord(db.prisma, doctor, patientId, { now: new Date(start.getTime() + 60_000) })).resolves.toBeTruthy();
    await expect(openRecord(db.prisma, doctor, patientId, { now: new Date(start.getTime() + 3 * 3_600_000) })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });

  it("a change of the patient's choice applies to the next access, even with an access still open", async () => {
    await openEmergencyAccess(db.prisma, regulator, patientId, { mode: "SAMU" });
    await db.prisma.patient.update({ where: { id: patientId }, data: { samuAllowed: false } });
    await expect(openRecord(db.prisma, regulator, patientId)).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("closing the emergency access ends it at once", async () => {
    await openEmergencyAccess(db.prisma, doctor, patientId, { mode: "BREAK_GLASS", justification: JUSTIFICATION });
    expect(await closeEmergencyAccess(db.prisma, doctor, patientId)).toBe(1);
    await expect(openRecord(db.prisma, doctor, patientId)).rejects.toMatchObject({ code: "NOT_FOUND" });
    const trace = await db.prisma.trace.findFirst({ where: { patientId, action: "EMERGENCY_CLOSE" }, orderBy: { id: "desc" } });
    expect(trace).toMatchObject({ mode: "BREAK_GLASS", actorId: doctor.professionalId });
    expect(await closeEmergencyAccess(db.prisma, doctor, patientId)).toBe(0);
  });

  it("a malformed record id (empty, 3,000 characters, not a string) is not found at both doors, and nothing is traced", async () => {
    const before = await db.prisma.trace.count();
    for (const id of ["", "x".repeat(3000), { id: patientId } as unknown as string]) {
      await expect(openEmergencyAccess(db.prisma, doctor, id, { mode: "BREAK_GLASS", justification: JUSTIFICATION })).rejects.toMatchObject({ code: "NOT_FOUND" });
      await expect(closeEmergencyAccess(db.prisma, doctor, id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    }
    expect(await db.prisma.trace.count()).toBe(before);
  });
});
