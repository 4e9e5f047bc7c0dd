import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TTestDatabase } from "@/lib/testing/test-database";
import { parsed } from "@/lib/testing/sandbox-input";
import { openCard } from "@/lib/testing/open-card";
import { startLogin } from "@/lib/auth/patient/start-login";
import { completeLogin } from "@/lib/auth/patient/complete-login";
import { isValidNir } from "@/lib/identity/nir";
import { parseSandboxInput } from "./parse-input";
import { beneficiaryInputSchema, createSandboxBeneficiary } from "./create-beneficiary";
import { createSandboxPatient, patientInputSchema } from "./create-patient";
import { createSandboxProfessional, professionalInputSchema } from "./create-professional";
import { createSandboxStructure, structureInputSchema } from "./create-structure";
import { EC_KEY_ALGORITHM, EC_SIGNING_ALGORITHM, importSigningKey, subtle, x509 } from "@/lib/pki/x509";

let db: TTestDatabase;
beforeAll(async () => {
  db = await createTestDatabase({ name: "sandbox-factories" });
});
afterAll(async () => db.cleanup());

async function counts() {
  return {
    beneficiaries: await db.prisma.beneficiary.count(),
    patients: await db.prisma.patient.count(),
    accounts: await db.prisma.account.count(),
    professionals: await db.prisma.professional.count(),
    cards: await db.prisma.cpsCard.count(),
    structures: await db.prisma.structure.count(),
  };
}

describe("sandbox factories", () => {
  it("a beneficiary has a valid NIR and no record", async () => {
    const b = await createSandboxBeneficiary(db.prisma, parsed(parseSandboxInput(beneficiaryInputSchema, { sex: "M", birthDate: "1984-02-10" })));
    expect(isValidNir(b.nir)).toBe(true);
    expect(b.nir.slice(0, 5)).toBe("18402");
    expect((await db.prisma.beneficiary.findUniqueOrThrow({ where: { id: b.beneficiaryId } })).patientId).toBeNull();
  });

  it("two calls with the same input never collide (NIR, login, address, mobile)", async () => {
    const input = parsed(parseSandboxInput(patientInputSchema, {}));
    const [a, b] = await Promise.all([createSandboxPatient(db.prisma, input), createSandboxPatient(db.prisma, input)]);
    expect(a.nir).not.toBe(b.nir);
    expect(a.loginId).not.toBe(b.loginId);
    expect(a.email).not.toBe(b.email);
    expect(a.phone).not.toBe(b.phone);
    expect(a.password).not.toBe(b.password);
  });

  it.each(["EMAIL", "SMS"] as const)("the created patient signs in with the returned credentials, the code going by %s", async (otpChannel) => {
    const p = await createSandboxPatient(db.prisma, parsed(parseSandboxInput(patientInputSchema, { firstName: "Lou", otpChannel })));
    const start = await startLogin(db.prisma, { loginId: p.loginId, password: p.password });
    if (!start.ok) throw new Error(start.message);
    expect(start.channel).toBe(otpChannel);
    expect(start.destination).toBe(otpChannel === "EMAIL" ? p.email : p.phone);
    const done = await completeLogin(db.prisma, { challengeId: start.challengeId, code: start.code });
    expect(done.ok && done.token.actingFor).toBe(p.patientId);
    expect(done.ok && done.mustChangePassword).toBe(false);
  });

  it("the patient's record is what the product writes: registry link, creation trace and notification", async () => {
    const p = await createSandboxPatient(db.prisma, parsed(parseSandboxInput(patientInputSchema, {})));
    expect((await db.prisma.beneficiary.findUniqueOrThrow({ where: { id: p.beneficiaryId } })).patientId).toBe(p.patientId);
    expect(await db.prisma.trace.count({ where: { patientId: p.patientId, action: "RECORD_CREATE" } })).toBe(1);
    expect(await db.prisma.notification.count({ where: { patientId: p.patientId, kind: "RECORD_CREATED" } })).toBe(1);
  });

  it("the created professional's card opens with the returned PIN, and not with another", async () => {
    const pro = await createSandboxProfessional(db.prisma, parsed(parseSandboxInput(professionalInputSchema, { profession: "60", specialty: null, title: null })));
    const other = await createSandboxProfessional(db.prisma, parsed(parseSandboxInput(professionalInputSchema, { pin: "4321" })));
    expect(pro.idNat).not.toBe(other.idNat);
    expect(other.card.pin).toBe("4321");
    expect(pro.card.file.holder?.idNat).toBe(pro.idNat);
    await expect(openCard(db.prisma, pro.card.file, pro.card.pin)).resolves.toMatchObject({ nonce: expect.any(String) });
    await expect(openCard(db.prisma, other.card.file, other.card.pin === "0000" ? "1111" : "0000")).rejects.toThrow();
    const row = await db.prisma.professional.findUniqueOrThrow({ where: { id: pro.professionalId } });
    expect(row).toMatchObject({ profession: "60", specialty: null, rpps: pro.rpps });
  });

  it("a structure comes with a certificate on its IdNat_Struct and the private key that goes with it", async () => {
    const [a, b] = await Promise.all([0, 1].map(() => createSandboxStructure(db.prisma, parsed(parseSandboxInput(structureInputSchema, { kind: "PRACTICE" })))));
    if (!a || !b) throw new Error("structures manquantes");
    expect(a.finess).not.toBe(b.finess);
    const certificate = new x509.X509Certificate(a.certificate.certificatePem);
    // ANS idNat_Struct (TRE_G07): "1" + FINESS, in the subject as in the answer.
    expect(a.idNat).toBe(`1${a.finess}`);
    expect(certificate.subject).toContain(`2.5.4.5=${a.idNat}`);
    const data = new TextEncoder().encode("preuve de possession");
    const signature = await subtle().sign(EC_SIGNING_ALGORITHM, await importSigningKey(a.certificate.privateKeyPem), data);
    const publicKey = await certificate.publicKey.export(EC_KEY_ALGORITHM, ["verify"]);
    expect(await subtle().verify(EC_SIGNING_ALGORITHM, publicKey, signature, data)).toBe(true);
    expect(await db.prisma.structureCertificate.count({ where: { structureId: a.structureId, serial: a.certificate.serial } })).toBe(1);

    const pro = await createSandboxProfessional(db.prisma, parsed(parseSandboxInput(professionalInputSchema, { structureId: a.structureId })));
    expect((await db.prisma.professional.findUniqueOrThrow({ where: { id: pro.professionalId } })).structureId).toBe(a.structureId);
    const before = await counts();
    await expect(createSandboxProfessional(db.prisma, parsed(parseSandboxInput(professionalInputSchema, { structureId: "inexistante" })))).rejects.toThrow(/Structure introuvable/);
    expect(await counts()).toEqual(before);
  });

  it("bad input is refused with French issues, and nothing is written", async () => {
    const before = await counts();
    const patient = parseSandboxInput(patientInputSchema, { otpChannel: "PIGEON", birthDate: "14/05/1990", extra: 1 });
    const pro = parseSandboxInput(professionalInputSchema, { profession: "99", pin: "12" });
    expect(patient.ok).toBe(false);
    expect(pro.ok).toBe(false);
    const messages = [...(patient.ok ? [] : patient.issues), ...(pro.ok ? [] : pro.issues)];
    expect(messages.map((i) => i.path)).toEqual(expect.arrayContaining(["otpChannel", "birthDate", "profession", "pin"]));
    expect(messages.find((i) => i.path === "otpChannel")?.message).toBe("Valeur invalide : il faut l'une des valeurs « EMAIL », « SMS ».");
    expect(messages.find((i) => i.path === "profession")?.message).toMatch(/^Profession inconnue/);
    expect(await counts()).toEqual(before);
  });
});

describe("sandbox factories never write half a scenario", () => {
  it("a patient whose record fails leaves no registry row behind", async () => {
    const before = await counts();
    const input = { ...parsed(parseSandboxInput(patientInputSchema, {})), otpChannel: "PIGEON" as "SMS" };
    await expect(createSandboxPatient(db.prisma, input)).rejects.toThrow();
    expect(await counts()).toEqual(before);
  });

  it("a professional whose card fails leaves no professional behind", async () => {
    const before = await counts();
    const input = { ...parsed(parseSandboxInput(professionalInputSchema, {})), pin: "12" };
    await expect(createSandboxProfessional(db.prisma, input)).rejects.toThrow();
    expect(await counts()).toEqual(before);
  });
});
