import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TTestDatabase } from "@/lib/testing/test-database";
import type { TProfessionalActor } from "@/lib/access/actor";
import { loadAccessContext } from "@/lib/access/load-access-context";
import { loadPatientAccountSession } from "@/lib/auth/patient/session-account";
import { loadProfessionalActor } from "@/lib/auth/pro/professional-session";
import { openEmergencyAccess } from "@/lib/emergency/open-emergency-access";
import { issueOtp } from "@/lib/otp/issue-otp";
import { verifyOtp } from "@/lib/otp/verify-otp";
import { issueCard } from "@/lib/pki/issue-card";
import { openRecord } from "@/lib/record-door/open-record";
import { closeRecord } from "@/lib/records/close-record";
import { platformNow, platformNowMs } from "./clock";
import { advanceClock } from "./clock-store";
import { runInNamespace } from "./namespace-scope";
import { clearClockCache } from "./offsets";

/**
 * Every time-dependent rule reads the sandbox clock: each expiry below is reached by
 * advancing the clock one minute (or one day) past it, without waiting.
 */
let db: TTestDatabase;
let n = 0;
const MIN = 60_000;
const HOUR = 60 * MIN;
const JUSTIFICATION = "Patient inconscient admis aux urgences après un accident de la route.";

async function doctor(namespaceId: string | null = null): Promise<TProfessionalActor> {
  n += 1;
  const p = await db.prisma.professional.create({
    data: { idNat: `8190000${String(n).padStart(5, "0")}`, firstName: "Ursula", lastName: `Urgentiste${n}`, profession: "10", specialty: "SM59", namespaceId },
  });
  return { kind: "PROFESSIONAL", professionalId: p.id, name: `Dr Ursula Urgentiste${n}`, profession: "10", specialty: "SM59", isSamuRegulator: false, namespaceId };
}

async function patient(namespaceId: string | null = null, birthDate = "1980-01-01"): Promise<string> {
  n += 1;
  const nir = `1800199${String(n).padStart(6, "0")}00`;
  const p = await db.prisma.patient.create({ data: { nir, birthDate, firstName: "Paul", lastName: `Temps${n}`, sex: "M", department: "75", namespaceId } });
  return p.id;
}

async function mayOpen(actor: TProfessionalActor, patientId: string): Promise<boolean> {
  return openRecord(db.prisma, actor, patientId).then(
    () => true,
    () => false,
  );
}

beforeAll(async () => {
  db = await createTestDatabase();
});
afterEach(async () => {
  await db.prisma.sandboxClock.deleteMany();
  await clearClockCache();
});
afterAll(async () => {
  await db?.cleanup();
});

describe("time-dependent rules read the sandbox clock", () => {
  it("an emergency access closes after 2 h: open at +2 h 00, closed at +2 h 01", async () => {
    const pro = await doctor();
    const patientId = await patient();
    const opened = await openEmergencyAccess(db.prisma, pro, patientId, { mode: "BREAK_GLASS", justification: JUSTIFICATION });
    expect(opened.status).toBe("OPENED");
    expect(await mayOpen(pro, patientId)).toBe(true);
    await advanceClock(db.prisma, null, 2 * HOUR - MIN);
    expect(await mayOpen(pro, patientId)).toBe(true);
    await advanceClock(db.prisma, null, 2 * MIN);
    expect(await mayOpen(pro, patientId)).toBe(false);
  });

  it("a one-time code is refused after 5 min", async () => {
    const { challengeId, code } = await issueOtp(db.prisma, { accountId: null, purpose: "SIGNUP", channel: "SMS", destination: "+33790000001" });
    await advanceClock(db.prisma, null, 5 * MIN + 1000);
    expect(await verifyOtp(db.prisma, { challengeId, code, purpose: "SIGNUP" })).toEqual({ ok: false, reason: "EXPIRED" });
  });

  it("a professional session ends 12 h after the card sign-in", async () => {
    const pro = await doctor();
    const card = await issueCard(db.prisma, pro.professionalId, { pin: "1234" });
    const token = { sub: pro.professionalId, cardSerial: card.serial, portal: "pro" as const, sv: 0, authAt: platformNowMs() };
    expect(await loadProfessionalActor(db.prisma, token)).not.toBeNull();
    await advanceClock(db.prisma, null, 12 * HOUR + MIN);
    expect(await loadProfessionalActor(db.prisma, token)).toBeNull();
  });

  it("a professional session left idle ends after 30 min on the clock", async () => {
    const pro = await doctor();
    const card = await issueCard(db.prisma, pro.professionalId, { pin: "1234" });
    const token = { sub: pro.professionalId, cardSerial: card.serial, portal: "pro" as const, sv: 0, authAt: platformNowMs(), seenAt: platformNowMs() };
    await advanceClock(db.prisma, null, 29 * MIN);
    expect(await loadProfessionalActor(db.prisma, token)).not.toBeNull();
    await advanceClock(db.prisma, null, 2 * MIN);
    expect(await loadProfessionalActor(db.prisma, token)).toBeNull();
  });

  it("a patient session ends 12 h after sign-in", async () => {
    const patientId = await patient();
    const account = await db.prisma.account.create({ data: { loginId: `temps.${n}`, passwordHash: "x", firstName: "Paul", lastName: "Temps", patientId } });
    const token = { sub: account.id, portal: "patient" as const, name: "Paul Temps", actingFor: patientId, sv: 0, authAt: platformNowMs() };
    expect(await loadPatientAccountSession(db.prisma, token)).not.toBeNull();
    await advanceClock(db.prisma, null, 12 * HOUR + MIN);
    expect(await loadPatientAccountSession(db.prisma, token)).toBeNull();
  });

  it("a legal representation ends on the 18th birthday, reached by advancing the clock", async () => {
    const today = platformNow();
    const birth = new Date(Date.UTC(today.getUTCFullYear() - 18, today.getUTCMonth(), today.getUTCDate() + 2)).toISOString().slice(0, 10);
    const minorId = await patient(null, birth);
    const rep = await db.prisma.account.create({ data: { loginId: `parent.${n}`, passwordHash: "x", firstName: "Mère", lastName: "Temps" } });
    await db.prisma.legalRepresentation.create({ data: { accountId: rep.id, patientId: minorId, relationship: "Mère" } });
    const actor = { kind: "LEGAL_REPRESENTATIVE" as const, accountId: rep.id, patientId: minorId, name: "Mère Temps" };
    expect((await loadAccessContext(db.prisma, actor, minorId))?.isRepresentative).toBe(true);
    await advanceClock(db.prisma, null, 3 * 24 * HOUR);
    expect((await loadAccessContext(db.prisma, actor, minorId))?.isRepresentative).toBe(false);
  });

  it("a record closed in sandbox time is kept 10 years from that time", async () => {
    await advanceClock(db.prisma, null, 365 * 24 * HOUR);
    const patientId = await patient();
    const account = await db.prisma.account.create({ data: { loginId: `ferme.${n}`, passwordHash: "x", firstName: "Paul", lastName: "Temps", patientId } });
    await closeRecord(db.prisma, { kind: "PATIENT", accountId: account.id, patientId, name: "Paul Temps" }, { confirmation: "FERMER MON DMP" });
    const row = await db.prisma.patient.findUniqueOrThrow({ where: { id: patientId } });
    expect(Math.abs(row.closedAt!.getTime() - (Date.now() + 365 * 24 * HOUR))).toBeLessThan(5000);
    expect(row.deletionPlannedAt!.getUTCFullYear() - row.closedAt!.getUTCFullYear()).toBe(10);
    const trace = await db.prisma.trace.findFirstOrThrow({ where: { patientId, action: "RECORD_CLOSE" } });
    expect(trace.at.getTime()).toBe(row.closedAt!.getTime());
  });

  it("a namespace's clock moves only that namespace's rules", async () => {
    const proA = await doctor("ns-time-a");
    const patientA = await patient("ns-time-a");
    const pro = await doctor();
    const patientDemo = await patient();
    await runInNamespace("ns-time-a", () => openEmergencyAccess(db.prisma, proA, patientA, { mode: "BREAK_GLASS", justification: JUSTIFICATION }));
    await openEmergencyAccess(db.prisma, pro, patientDemo, { mode: "BREAK_GLASS", justification: JUSTIFICATION });
    await advanceClock(db.prisma, "ns-time-a", 2 * HOUR + MIN);
    expect(await runInNamespace("ns-time-a", () => mayOpen(proA, patientA))).toBe(false);
    expect(await mayOpen(pro, patientDemo)).toBe(true);
  });
});
