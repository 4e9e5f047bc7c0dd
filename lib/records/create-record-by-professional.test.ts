import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TTestDatabase } from "@/lib/testing/test-database";
import type { TProfessionalActor } from "@/lib/access/actor";
import { passwordPolicyErrors, verifyPassword } from "@/lib/auth/password";
import { openRecord } from "@/lib/record-door/open-record";
import {
  createRecordByProfessional,
  generateTemporaryPassword,
  type TCreateRecordByProfessionalInput,
  type TMailSender,
} from "./create-record-by-professional";
import { getBeneficiaryForRecordCreation } from "./get-beneficiary-for-record-creation";

let db: TTestDatabase;
let doctor: TProfessionalActor;
const mails: { to: string; subject: string; text: string }[] = [];
const sendMail: TMailSender = async (mail) => {
  mails.push(mail);
};

async function beneficiary(data: { nir: string; firstName: string; lastName: string; birthDate?: string }) {
  return db.prisma.beneficiary.create({
    data: { birthDate: "1985-04-12", birthRank: 1, sex: "F", vitaleSerial: `V${data.nir.slice(0, 9)}`, department: "75", ...data },
  });
}

async function counts() {
  return {
    patients: await db.prisma.patient.count(),
    accounts: await db.prisma.account.count(),
    authorizations: await db.prisma.professionalAuthorization.count(),
    traces: await db.prisma.trace.count(),
    notifications: await db.prisma.notification.count(),
    sms: await db.prisma.smsMessage.count(),
    mails: mails.length,
  };
}

beforeAll(async () => {
  db = await createTestDatabase({ name: "create-by-pro" });
  const p = await db.prisma.professional.create({
    data: { idNat: "810000009991", title: "Dr", firstName: "Claire", lastName: "Essai", profession: "10", specialty: "SM54" },
  });
  doctor = { kind: "PROFESSIONAL", professionalId: p.id, name: "Dr Claire Essai", profession: "10", specialty: "SM54", isSamuRegulator: false };
});

afterAll(async () => {
  await db.cleanup();
});

describe("generateTemporaryPassword", () => {
  it("meets the password policy and never looks like a one-time code", () => {
    for (let i = 0; i < 200; i += 1) {
      const secret = generateTemporaryPassword();
      expect(passwordPolicyErrors(secret)).toEqual([]);
      expect(secret).not.toMatch(/\d{6}/);
    }
  });
});

describe("createRecordByProfessional", () => {
  it("creates the record, authorizes the creator, traces, notifies and sends the secret by SMS", async () => {
    const b = await beneficiary({ nir: "285047511101234", firstName: "Élodie", lastName: "Le Marchal" });
    const result = await createRecordByProfessional(
      db.prisma,
      doctor,
      { beneficiaryId: b.id, email: "elodie@example.test", phone: "06 98 76 54 32", hasConsent: true },
      { sendMail },
    );
    expect(result).toMatchObject({ loginId: "elodie.le-marchal", name: "Élodie Le Marchal", channel: "SMS", isSecretSent: true });

    const patient = await db.prisma.patient.findUniqueOrThrow({ where: { id: result.patientId }, include: { account: true, beneficiary: true } });
    expect(patient).toMatchObject({ nir: b.nir, birthDate: b.birthDate, firstName: "Élodie", reimbursementsLoadedAt: null, phone: "+33698765432" });
    expect(patient.beneficiary?.id).toBe(b.id);
    expect(patient.account).toMatchObject({ loginId: "elodie.le-marchal", mustChangePassword: true, otpChannel: "SMS" });

    const auth = await db.prisma.professionalAuthorization.findUniqueOrThrow({
      where: { patientId_professionalId: { patientId: patient.id, professionalId: doctor.professionalId } },
    });
    expect(auth.method).toBe("RECORD_CREATION");
    await expect(openRecord(db.prisma, doctor, patient.id)).resolves.toMatchObject({ decision: { allowed: true } });

    const trace = await db.prisma.trace.findFirstOrThrow({ where: { patientId: patient.id, action: "RECORD_CREATE" } });
    expect(trace).toMatchObject({ actorId: doctor.professionalId, outcome: "ALLOWED" });
    expect(await db.prisma.notification.count({ where: { patientId: patient.id, kind: "RECORD_CREATED" } })).toBe(1);

    const sms = await db.prisma.smsMessage.findFirstOrThrow({ where: { recipient: "+33698765432" } });
    expect(sms.body).toContain("Identifiant : elodie.le-marchal");
    expect(sms.body).toContain("/patient/connexion");
    const secret = /mot de passe provisoire : (\S+) ;/.exec(sms.body)?.[1] ?? "";
    expect(await verifyPassword(secret, patient.account?.passwordHash ?? "")).toBe(true);
    expect(mails).toHaveLength(0);
  });

  it("sends the secret by e-mail when no mobile is given, and deduplicates the login", async () => {
    const b = await beneficiary({ nir: "285047511101999", firstName: "Elodie", lastName: "Le Marchal", birthDate: "1990-01-01" });
    const result = await createRecordByProfessional(db.prisma, doctor, { beneficiaryId: b.id, email: "Elodie2@Example.test", phone: null, hasConsent: true }, { sendMail });
    expect(result).toMatchObject({ loginId: "elodie.le-marchal2", channel: "EMAIL", isSecretSent: true });
    expect(mails).toHaveLength(1);
    expect(mails[0]?.to).toBe("elodie2@example.test");
    expect(mails[0]?.text).toContain("Identifiant : elodie.le-marchal2");
    expect(mails[0]?.text).toMatch(/Mot de passe provisoire : \S+/);
    expect(mails[0]?.text).toContain("choisir un nouveau mot de passe");
    const account = await db.prisma.account.findUniqueOrThrow({ where: { loginId: "elodie.le-marchal2" } });
    expect(account.otpChannel).toBe("EMAIL");
  });

  it("refuses a second creation for the same person, and changes nothing", async () => {
    const b = await beneficiary({ nir: "185047511102345", firstName: "Marc", lastName: "Double" });
    await createRecordByProfessional(db.prisma, doctor, { beneficiaryId: b.id, email: "marc@example.test", phone: null, hasConsent: true }, { sendMail });
    const before = await counts();
    await expect(
      createRecordByProfessional(db.prisma, doctor, { beneficiaryId: b.id, email: "marc@example.test", phone: null, hasConsent: true }, { sendMail }),
    ).rejects.toMatchObject({ code: "CONFLICT" });
    expect(await counts()).toEqual(before);
    expect((await getBeneficiaryForRecordCreation(db.prisma, doctor, b.id))?.hasRecord).toBe(true);
  });

  it("refuses bad input with a French message and changes nothing", async () => {
    const b = await beneficiary({ nir: "185047511103456", firstName: "Nina", lastName: "Sans" });
    const before = await counts();
    const bad: [Partial<TCreateRecordByProfessionalInput>, string, RegExp][] = [
      [{ email: null, phone: null, hasConsent: true }, "INVALID_INPUT", /adresse électronique et\/ou un numéro de mobile/],
      [{ email: "pas-une-adresse", phone: null, hasConsent: true }, "INVALID_INPUT", /Adresse électronique invalide/],
      [{ email: null, phone: "0123", hasConsent: true }, "INVALID_INPUT", /Numéro de mobile invalide/],
      [{ email: "nina@example.test", phone: null, hasConsent: false as unknown as true }, "INVALID_INPUT", /accord/],
      [{ beneficiaryId: "inconnu", email: "nina@example.test", phone: null, hasConsent: true }, "NOT_FOUND", /introuvable/],
    ];
    for (const [input, code, message] of bad) {
      const error = await createRecordByProfessional(db.prisma, doctor, { beneficiaryId: b.id, ...input } as TCreateRecordByProfessionalInput, { sendMail }).catch(
        (e: unknown) => e,
      );
      expect(error).toMatchObject({ code });
      expect((error as { userMessage?: string }).userMessage).toMatch(message);
    }
    expect(await counts()).toEqual(before);
  });

  it("refuses a minor, and shows the registry identity read-only beforehand", async () => {
    const b = await beneficiary({ nir: "185047511104567", firstName: "Léo", lastName: "Petit", birthDate: "2019-03-08" });
    const preview = await getBeneficiaryForRecordCreation(db.prisma, doctor, b.id);
    expect(preview).toMatchObject({ firstName: "Léo", nir: b.nir, birthRank: 1, hasRecord: false, isMinor: true });
    expect(await getBeneficiaryForRecordCreation(db.prisma, doctor, "inconnu")).toBeNull();
    const before = await counts();
    await expect(
      createRecordByProfessional(db.prisma, doctor, { beneficiaryId: b.id, email: "leo@example.test", phone: null, hasConsent: true }, { sendMail }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await counts()).toEqual(before);
  });
});
