import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TTestDatabase } from "@/lib/testing/test-database";
import type { TLegalRepresentativeActor, TProfessionalActor } from "@/lib/access/actor";
import { canAccessRecord } from "@/lib/access/policy";
import { loadAccessContext } from "@/lib/access/load-access-context";
import { verifyPassword } from "@/lib/auth/password";
import type { TMailSender } from "./create-record-by-professional";
import {
  ADULT_BENEFICIARY,
  createMinorRecordByProfessional,
  NO_MATCHING_ACCOUNT,
  type TCreateMinorRecordInput,
} from "./create-minor-record";

let db: TTestDatabase;
let doctor: TProfessionalActor;
let parentAccountId: string;
const mails: { to: string; subject: string; text: string }[] = [];
const sendMail: TMailSender = async (mail) => {
  mails.push(mail);
};

let nirCounter = 0;
async function beneficiary(data: { firstName: string; lastName: string; birthDate?: string }) {
  nirCounter += 1;
  const nir = `1190375111${String(nirCounter).padStart(3, "0")}12`;
  return db.prisma.beneficiary.create({
    data: { nir, birthDate: "2019-03-08", birthRank: 1, sex: "F", vitaleSerial: `V${nir.slice(0, 9)}`, department: "93", ...data },
  });
}

/** Everything the function may write. */
async function counts() {
  return {
    patients: await db.prisma.patient.count(),
    accounts: await db.prisma.account.count(),
    representations: await db.prisma.legalRepresentation.count(),
    authorizations: await db.prisma.professionalAuthorization.count(),
    traces: await db.prisma.trace.count(),
    notifications: await db.prisma.notification.count(),
    sms: await db.prisma.smsMessage.count(),
    mails: mails.length,
  };
}

function input(data: Partial<TCreateMinorRecordInput> & { beneficiaryId: string }): TCreateMinorRecordInput {
  return {
    relationship: "Père",
    representativeAccount: "EXISTING",
    existingLoginId: null,
    email: null,
    phone: null,
    firstName: null,
    lastName: null,
    hasConsent: true,
    ...data,
  };
}

beforeAll(async () => {
  db = await createTestDatabase({ name: "create-minor-record" });
  const p = await db.prisma.professional.create({
    data: { idNat: "810000009992", title: "Dr", firstName: "Amélie", lastName: "Essai", profession: "10", specialty: "SM40" },
  });
  doctor = { kind: "PROFESSIONAL", professionalId: p.id, name: "Dr Amélie Essai", profession: "10", specialty: "SM40", isSamuRegulator: false };
  const parent = await db.prisma.account.create({
    data: {
      loginId: "karim.parent",
      passwordHash: "not-used",
      firstName: "Karim",
      lastName: "Parent",
      email: "Karim.Parent@Example.test",
      phone: "+33611223344",
      otpChannel: "EMAIL",
    },
  });
  parentAccountId = parent.id;
});

afterAll(async () => {
  await db.cleanup();
});

describe("createMinorRecordByProfessional with an existing representative account", () => {
  it("creates the child's record without an account, links the representative, authorizes the creator, traces and notifies", async () => {
    const b = await beneficiary({ firstName: "Inès", lastName: "Essai" });
    const before = await counts();
    const result = await createMinorRecordByProfessional(
      db.prisma,
      doctor,
      input({ beneficiaryId: b.id, existingLoginId: "karim.parent", email: "karim.parent@example.test" }),
      { sendMail },
    );
    expect(result).toEqual({
      patientId: expect.any(String),
      name: "Inès Essai",
      representative: { isNewAccount: false, channel: null, isSecretSent: false },
    });

    const patient = await db.prisma.patient.findUniqueOrThrow({ where: { id: result.patientId }, include: { account: true, beneficiary: true } });
    expect(patient).toMatchObject({ nir: b.nir, birthDate: "2019-03-08", firstName: "Inès", reimbursementsLoadedAt: null });
    expect(patient.beneficiary?.id).toBe(b.id);
    // No account of her own and no contact copied: notifications go to her representative's own contact.
    expect(patient.account).toBeNull();
    expect(patient).toMatchObject({ email: null, phone: null, notifyByEmail: true, notifyBySms: false });

    const representation = await db.prisma.legalRepresentation.findUniqueOrThrow({
      where: { accountId_patientId: { accountId: parentAccountId, patientId: patient.id } },
    });
    expect(representation.relationship).toBe("Père");
    const representative: TLegalRepresentativeActor = { kind: "LEGAL_REPRESENTATIVE", accountId: parentAccountId, patientId: patient.id, name: "Karim Parent" };
    const repContext = await loadAccessContext(db.prisma, representative, patient.id);
    expect(repContext && canAccessRecord(representative, repContext)).toMatchObject({ allowed: true, rule: "LEGAL_REPRESENTATIVE" });

    const proContext = await loadAccessContext(db.prisma, doctor, patient.id);
    expect(proContext?.authorizationMethod).toBe("RECORD_CREATION");
    expect(proContext && canAccessRecord(doctor, proContext)).toMatchObject({ allowed: true });

    const trace = await db.prisma.trace.findFirstOrThrow({ where: { patientId: patient.id, action: "RECORD_CREATE" } });
    expect(trace).toMatchObject({ actorId: doctor.professionalId, outcome: "ALLOWED" });
    expect(trace.reason).toBe("Création avec l'accord du représentant légal (Père)");
    const notice = await db.prisma.notification.findFirstOrThrow({ where: { patientId: patient.id, kind: "RECORD_CREATED" } });
    expect(notice.body).toContain("avec l'accord de son représentant légal (Père)");
    expect(notice.body).toContain("Dr Amélie Essai");

    // One patient, one representation, one authorization, one trace, one notification; no account, nothing sent.
    expect(await counts()).toEqual({
      ...before,
      patients: before.patients + 1,
      representations: before.representations + 1,
      authorizations: before.authorizations + 1,
      traces: before.traces + 1,
      notifications: before.notifications + 1,
    });
  });

  it("accepts the account's mobile instead of its e-mail, whatever its spelling", async () => {
    const b = await beneficiary({ firstName: "Adam", lastName: "Essai" });
    const result = await createMinorRecordByProfessional(
      db.prisma,
      doctor,
      input({ beneficiaryId: b.id, existingLoginId: " karim.parent ", phone: "06.11.22.33.44", relationship: "Tuteur ou tutrice" }),
      { sendMail },
    );
    expect(result.representative.isNewAccount).toBe(false);
    const representation = await db.prisma.legalRepresentation.findFirstOrThrow({ where: { patientId: result.patientId } });
    expect(representation).toMatchObject({ accountId: parentAccountId, relationship: "Tuteur ou tutrice" });
  });

  it("gives the same neutral refusal for an unknown login and for a contact that does not match, and writes nothing", async () => {
    const b = await beneficiary({ firstName: "Lina", lastName: "Essai" });
    const before = await counts();
    const attempts: Partial<TCreateMinorRecordInput>[] = [
      { existingLoginId: "personne.inconnue", email: "karim.parent@example.test" },
      { existingLoginId: "karim.parent", email: "autre@example.test" },
      { existingLoginId: "karim.parent", phone: "0699999999" },
      // Both given: both must be the account's.
      { existingLoginId: "karim.parent", email: "karim.parent@example.test", phone: "0699999999" },
    ];
    for (const attempt of attempts) {
      const error = await createMinorRecordByProfessional(db.prisma, doctor, input({ beneficiaryId: b.id, ...attempt }), { sendMail }).catch((e: unknown) => e);
      expect(error).toMatchObject({ code: "NOT_FOUND", userMessage: NO_MATCHING_ACCOUNT });
    }
    expect(await counts()).toEqual(before);
    expect((await db.prisma.beneficiary.findUniqueOrThrow({ where: { id: b.id } })).patientId).toBeNull();
  });
});

describe("createMinorRecordByProfessional with a new representative account", () => {
  it("creates the representative's account without a record and sends the secret by SMS, never returning it", async () => {
    const b = await beneficiary({ firstName: "Jade", lastName: "Zerrouki" });
    const before = await counts();
    const result = await createMinorRecordByProfessional(
      db.prisma,
      doctor,
      input({
        beneficiaryId: b.id,
        relationship: "Mère",
        representativeAccount: "NEW",
        firstName: "Fatima",
        lastName: "Zerrouki",
        email: "Fatima.Z@Example.test",
        phone: "07 12 34 56 78",
      }),
      { sendMail },
    );
    expect(result).toEqual({
      patientId: expect.any(String),
      name: "Jade Zerrouki",
      representative: { isNewAccount: true, loginId: "fatima.zerrouki", channel: "SMS", isSecretSent: true },
    });

    const account = await db.prisma.account.findUniqueOrThrow({ where: { loginId: "fatima.zerrouki" } });
    expect(account).toMatchObject({
      patientId: null,
      mustChangePassword: true,
      firstName: "Fatima",
      lastName: "Zerrouki",
      email: "fatima.z@example.test",
      phone: "+33712345678",
      otpChannel: "SMS",
    });
    const patient = await db.prisma.patient.findUniqueOrThrow({ where: { id: result.patientId }, include: { account: true, representations: true } });
    expect(patient.account).toBeNull();
    expect(patient).toMatchObject({ email: null, phone: null });
    expect(patient.representations).toEqual([expect.objectContaining({ accountId: account.id, relationship: "Mère" })]);

    const sms = await db.prisma.smsMessage.findFirstOrThrow({ where: { recipient: "+33712345678" } });
    expect(sms.body).toContain("Le DMP de Jade Zerrouki a été créé par Dr Amélie Essai");
    expect(sms.body).toContain("Identifiant : fatima.zerrouki");
    const secret = /mot de passe provisoire : (\S+) ;/.exec(sms.body)?.[1] ?? "";
    expect(await verifyPassword(secret, account.passwordHash)).toBe(true);
    expect(JSON.stringify(result)).not.toContain(secret);
    expect(mails).toHaveLength(before.mails);

    const trace = await db.prisma.trace.findFirstOrThrow({ where: { patientId: patient.id, action: "RECORD_CREATE" } });
    expect(trace.reason).toBe("Création avec l'accord du représentant légal (Mère)");
    expect(await counts()).toEqual({
      ...before,
      patients: before.patients + 1,
      accounts: before.accounts + 1,
      representations: before.representations + 1,
      authorizations: before.authorizations + 1,
      traces: before.traces + 1,
      notifications: before.notifications + 1,
      sms: before.sms + 1,
    });

    const representative: TLegalRepresentativeActor = { kind: "LEGAL_REPRESENTATIVE", accountId: account.id, patientId: patient.id, name: "Fatima Zerrouki" };
    const ctx = await loadAccessContext(db.prisma, representative, patient.id);
    expect(ctx && canAccessRecord(representative, ctx)).toMatchObject({ allowed: true, rule: "LEGAL_REPRESENTATIVE" });
  });

  it("sends the secret by e-mail when no mobile is given, with the next free login", async () => {
    const b = await beneficiary({ firstName: "Sami", lastName: "Zerrouki", birthDate: "2020-01-01" });
    const sentBefore = mails.length;
    const result = await createMinorRecordByProfessional(
      db.prisma,
      doctor,
      input({ beneficiaryId: b.id, relationship: "Mère", representativeAccount: "NEW", firstName: "Fatima", lastName: "Zerrouki", email: "Fatima2@Example.test" }),
      { sendMail },
    );
    expect(result.representative).toEqual({ isNewAccount: true, loginId: "fatima.zerrouki2", channel: "EMAIL", isSecretSent: true });
    expect(mails).toHaveLength(sentBefore + 1);
    const mail = mails[mails.length - 1];
    expect(mail?.to).toBe("fatima2@example.test");
    expect(mail?.subject).toContain("Sami Zerrouki");
    expect(mail?.text).toContain("Identifiant : fatima.zerrouki2");
    expect(mail?.text).toContain("avec votre accord de représentant légal");
    const secret = /Mot de passe provisoire : (\S+)/.exec(mail?.text ?? "")?.[1] ?? "";
    const account = await db.prisma.account.findUniqueOrThrow({ where: { loginId: "fatima.zerrouki2" } });
    expect(account).toMatchObject({ otpChannel: "EMAIL", patientId: null, mustChangePassword: true });
    expect(await verifyPassword(secret, account.passwordHash)).toBe(true);
    const patient = await db.prisma.patient.findUniqueOrThrow({ where: { id: result.patientId } });
    expect(patient).toMatchObject({ email: null, phone: null, notifyByEmail: true });
  });
});

describe("createMinorRecordByProfessional refusals", () => {
  it("refuses an adult beneficiary and changes nothing", async () => {
    const b = await beneficiary({ firstName: "Paul", lastName: "Majeur", birthDate: "1985-04-12" });
    const before = await counts();
    await expect(
      createMinorRecordByProfessional(db.prisma, doctor, input({ beneficiaryId: b.id, existingLoginId: "karim.parent", email: "karim.parent@example.test" }), { sendMail }),
    ).rejects.toMatchObject({ code: "FORBIDDEN", userMessage: ADULT_BENEFICIARY });
    expect(await counts()).toEqual(before);
  });

  it("refuses a second creation for the same child and changes nothing", async () => {
    const b = await beneficiary({ firstName: "Léa", lastName: "Double" });
    const payload = input({ beneficiaryId: b.id, existingLoginId: "karim.parent", email: "karim.parent@example.test" });
    await createMinorRecordByProfessional(db.prisma, doctor, payload, { sendMail });
    const before = await counts();
    await expect(createMinorRecordByProfessional(db.prisma, doctor, payload, { sendMail })).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(
      createMinorRecordByProfessional(
        db.prisma,
        doctor,
        input({ beneficiaryId: b.id, representativeAccount: "NEW", firstName: "Nora", lastName: "Double", email: "nora@example.test" }),
        { sendMail },
      ),
    ).rejects.toMatchObject({ code: "CONFLICT" });
    expect(await counts()).toEqual(before);
  });

  it("refuses bad input with a French message and changes nothing", async () => {
    const b = await beneficiary({ firstName: "Nina", lastName: "Sans" });
    const before = await counts();
    const newAccount = { representativeAccount: "NEW" as const, firstName: "Nadia", lastName: "Sans", email: "nadia@example.test" };
    const bad: [Partial<TCreateMinorRecordInput>, string, RegExp][] = [
      [{ ...newAccount, hasConsent: false as unknown as true }, "INVALID_INPUT", /le représentant légal doit avoir donné son accord/],
      [{ ...newAccount, email: null, phone: null }, "INVALID_INPUT", /adresse électronique et\/ou un numéro de mobile du représentant/],
      [{ ...newAccount, firstName: null }, "INVALID_INPUT", /Indiquez le prénom du représentant/],
      [{ ...newAccount, lastName: "S4ns" }, "INVALID_INPUT", /Nom du représentant invalide/],
      [{ ...newAccount, phone: "0123" }, "INVALID_INPUT", /Numéro de mobile invalide/],
      [{ ...newAccount, relationship: "Oncle" as "Père" }, "INVALID_INPUT", /lien du représentant avec l'enfant/],
      // Every missing field is named at once, even when another one is already wrong.
      [{ ...newAccount, relationship: undefined, firstName: null }, "INVALID_INPUT", /lien du représentant avec l'enfant\..*Indiquez le prénom du représentant/],
      [{ representativeAccount: "AUTRE" as "NEW" }, "INVALID_INPUT", /déjà un compte Mon espace santé/],
      [{ existingLoginId: null, email: "karim.parent@example.test" }, "INVALID_INPUT", /identifiant Mon espace santé du représentant/],
      [{ existingLoginId: "karim.parent" }, "INVALID_INPUT", /enregistré dans le compte du représentant/],
      [{ ...newAccount, beneficiaryId: "inconnu" }, "NOT_FOUND", /introuvable/],
    ];
    for (const [data, code, message] of bad) {
      const error = await createMinorRecordByProfessional(db.prisma, doctor, input({ beneficiaryId: b.id, ...data }), { sendMail }).catch((e: unknown) => e);
      expect(error).toMatchObject({ code });
      expect((error as { userMessage?: string }).userMessage).toMatch(message);
    }
    expect(await counts()).toEqual(before);
  });
});
