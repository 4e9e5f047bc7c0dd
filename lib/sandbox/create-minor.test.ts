import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TTestDatabase } from "@/lib/testing/test-database";
import { parsed } from "@/lib/testing/sandbox-input";
import { startLogin } from "@/lib/auth/patient/start-login";
import { completeLogin } from "@/lib/auth/patient/complete-login";
import { parseSandboxInput } from "./parse-input";
import { createSandboxProfessional, professionalInputSchema } from "./create-professional";
import { createSandboxMinor, minorInputSchema } from "./create-minor";

let db: TTestDatabase;
beforeAll(async () => {
  db = await createTestDatabase({ name: "sandbox-minors" });
});
afterAll(async () => db.cleanup());

describe("sandbox minors", () => {
  it("the legal representative signs in with the returned credentials and acts on the minor's record", async () => {
    const doctor = await createSandboxProfessional(db.prisma, parsed(parseSandboxInput(professionalInputSchema, {})));
    const made = await createSandboxMinor(db.prisma, parsed(parseSandboxInput(minorInputSchema, { professionalId: doctor.professionalId, representative: { relationship: "Père", otpChannel: "SMS" } })));
    expect(await db.prisma.legalRepresentation.count({ where: { patientId: made.minor.patientId, relationship: "Père" } })).toBe(1);
    const start = await startLogin(db.prisma, { loginId: made.representative.loginId ?? "", password: made.representative.password ?? "" });
    if (!start.ok) throw new Error(start.message);
    expect(start).toMatchObject({ channel: "SMS", destination: made.representative.phone });
    const done = await completeLogin(db.prisma, { challengeId: start.challengeId, code: start.code });
    expect(done.ok && done.token.actingFor).toBe(made.minor.patientId);
  });

  it("a second child joins the same representative's account, whose credentials are unchanged; an unknown account is refused, nothing written", async () => {
    const doctor = await createSandboxProfessional(db.prisma, parsed(parseSandboxInput(professionalInputSchema, {})));
    const first = await createSandboxMinor(db.prisma, parsed(parseSandboxInput(minorInputSchema, { professionalId: doctor.professionalId })));
    const accountId = first.representative.accountId ?? "";
    const second = await createSandboxMinor(db.prisma, parsed(parseSandboxInput(minorInputSchema, { professionalId: doctor.professionalId, firstName: "Inès", representative: { accountId } })));
    expect(second.representative).toMatchObject({ accountId, loginId: first.representative.loginId });
    expect(await db.prisma.legalRepresentation.count({ where: { accountId } })).toBe(2);
    const start = await startLogin(db.prisma, { loginId: first.representative.loginId ?? "", password: first.representative.password ?? "" });
    expect(start.ok).toBe(true);
    const records = await db.prisma.patient.count();
    await expect(
      createSandboxMinor(db.prisma, parsed(parseSandboxInput(minorInputSchema, { professionalId: doctor.professionalId, representative: { accountId: "inconnu" } }))),
    ).rejects.toMatchObject({ code: "INVALID_INPUT" });
    expect(await db.prisma.patient.count()).toBe(records);
  });

  it("an adult or an unknown professional is refused, and nothing is written", async () => {
    const adult = parseSandboxInput(minorInputSchema, { professionalId: "x", birthDate: "1990-01-01" });
    expect(!adult.ok && adult.issues).toEqual([{ path: "birthDate", message: "Un mineur a moins de 18 ans." }]);
    const before = await db.prisma.beneficiary.count();
    await expect(createSandboxMinor(db.prisma, parsed(parseSandboxInput(minorInputSchema, { professionalId: "inconnu" })))).rejects.toMatchObject({ code: "INVALID_INPUT" });
    expect(await db.prisma.beneficiary.count()).toBe(before);
  });
});
