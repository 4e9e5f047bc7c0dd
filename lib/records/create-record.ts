import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { OtpChannel } from "@/lib/generated/prisma/enums";
import type { TProfessionalActor } from "@/lib/access/actor";
import { appendTrace } from "@/lib/traces/append-trace";
import { traceActorFields } from "@/lib/traces/actor-fields";
import { notifyPatient } from "@/lib/notifications/notify-patient";
import { AppError, isAppError } from "@/lib/errors/app-error";
import { platformNow } from "@/lib/clock/clock";

const LOGIN_TAKEN = "Cet identifiant est déjà utilisé.";

/** The login chosen before the transaction was taken in the meantime: the caller may try the next free one. */
export function isLoginTakenError(error: unknown): boolean {
  return isAppError(error) && error.code === "CONFLICT" && error.userMessage === LOGIN_TAKEN;
}

/** A portal account to create: login, hashed password, and whether it must be changed at first sign-in. */
export type TNewAccount = { loginId: string; passwordHash: string; mustChangePassword: boolean };

/**
 * The legal representative of a minor whose record is created: an existing portal account
 * (checked by the caller), or a new one without a record of its own (patientId null).
 */
export type TRecordRepresentative = {
  /** "Mère", "Père", "Tuteur ou tutrice". */
  relationship: string;
  account: { existingAccountId: string } | { new: TNewAccount & { firstName: string; lastName: string } };
};

export type TCreateRecordInput = {
  /** The registry row the identity comes from, read again in the transaction: the identity is never typed. */
  beneficiaryId: string;
  /** The record's contact (a minor's is the representative's), also given to any account created here. */
  contact: { email: string | null; phone: string | null; otpChannel: OtpChannel };
  /** The person's own portal account; absent for a minor, who has none. */
  account?: TNewAccount;
  /** A minor's legal representative, who agreed to the creation (requires createdBy). */
  representative?: TRecordRepresentative;
  /** The professional who creates it with the patient's agreement, or null when the person does it online. */
  createdBy: TProfessionalActor | null;
  ipAddress?: string | null;
};

export type TCreatedRecord = {
  patientId: string;
  /** The person's own account, when one was created. */
  accountId: string | null;
  loginId: string | null;
  /** The representative's account (existing or created here), when there is one. */
  representative: { accountId: string; loginId: string; isNewAccount: boolean } | null;
};

/**
 * Opens a record: the patient, their portal account, the registry link, the RECORD_CREATE
 * trace and the creation notification, all in one transaction. The 24-month reimbursement
 * history is loaded afterwards by the background job (reimbursementsLoadedAt stays null).
 * A professional who creates the record is authorized on it.
 *
 * For a minor there is no own account: the legal representative's account (existing, or
 * created here without a record) and the LegalRepresentation row are written in the same
 * transaction, and the trace and notification say who agreed.
 */
export async function createRecord(
  prisma: PrismaClient,
  input: TCreateRecordInput & { account: TNewAccount },
): Promise<TCreatedRecord & { accountId: string; loginId: string }>;
export async function createRecord(prisma: PrismaClient, input: TCreateRecordInput): Promise<TCreatedRecord>;
export async function createRecord(prisma: PrismaClient, input: TCreateRecordInput): Promise<TCreatedRecord> {
  const rep = input.representative;
  // Exactly one way in: the person's own account, or a representative a professional met.
  if (Boolean(input.account) === Boolean(rep) || (rep && !input.createdBy)) throw new AppError("INTERNAL");
  const newRepAccount = rep && "new" in rep.account ? rep.account.new : null;
  return prisma.$transaction(async (tx) => {
    const beneficiary = await tx.beneficiary.findUnique({ where: { id: input.beneficiaryId } });
    if (!beneficiary) throw new AppError("NOT_FOUND");
    if (beneficiary.patientId) throw new AppError("CONFLICT", "Un dossier existe déjà pour cette personne.");
    const newLoginId = input.account?.loginId ?? newRepAccount?.loginId;
    if (newLoginId) {
      const loginTaken = await tx.account.findUnique({ where: { loginId: newLoginId }, select: { id: true } });
      if (loginTaken) throw new AppError("CONFLICT", LOGIN_TAKEN);
    }
    let representative: TCreatedRecord["representative"] = null;
    if (rep && "existingAccountId" in rep.account) {
      const existing = await tx.account.findUnique({ where: { id: rep.account.existingAccountId }, select: { id: true, loginId: true } });
      if (!existing) throw new AppError("NOT_FOUND");
      representative = { accountId: existing.id, loginId: existing.loginId, isNewAccount: false };
    }

    const identity = {
      nir: beneficiary.nir,
      birthDate: beneficiary.birthDate,
      birthRank: beneficiary.birthRank,
      firstName: beneficiary.firstName,
      lastName: beneficiary.lastName,
      birthName: beneficiary.birthName,
      sex: beneficiary.sex,
      department: beneficiary.department,
    };
    const now = platformNow();
    const patient = await tx.patient.create({
      data: {
        ...identity,
        // A minor's notifications go to the representatives' own, current contact (deliver-notifications): no copy here to go stale.
        email: rep ? null : input.contact.email,
        phone: rep ? null : input.contact.phone,
        notifyByEmail: Boolean(input.contact.email),
        notifyBySms: !input.contact.email && Boolean(input.contact.phone),
        recordOpenedAt: now,
        // A record, and the accounts opened with it, belong to the registry row's sandbox namespace (issue 12).
        namespaceId: beneficiary.namespaceId,
      },
    });
    await tx.beneficiary.update({ where: { id: beneficiary.id }, data: { patientId: patient.id } });
    const account = input.account
      ? await tx.account.create({
          data: {
            loginId: input.account.loginId,
            passwordHash: input.account.passwordHash,
            mustChangePassword: input.account.mustChangePassword,
            firstName: identity.firstName,
            lastName: identity.lastName,
            email: input.contact.email,
            phone: input.contact.phone,
            otpChannel: input.contact.otpChannel,
            patientId: patient.id,
            namespaceId: beneficiary.namespaceId,
          },
        })
      : null;
    if (newRepAccount) {
      const created = await tx.account.create({
        data: {
          loginId: newRepAccount.loginId,
          passwordHash: newRepAccount.passwordHash,
          mustChangePassword: newRepAccount.mustChangePassword,
          firstName: newRepAccount.firstName,
          lastName: newRepAccount.lastName,
          email: input.contact.email,
          phone: input.contact.phone,
          otpChannel: input.contact.otpChannel,
          patientId: null,
          namespaceId: beneficiary.namespaceId,
        },
      });
      representative = { accountId: created.id, loginId: created.loginId, isNewAccount: true };
    }
    if (rep && representative) {
      await tx.legalRepresentation.create({ data: { accountId: representative.accountId, patientId: patient.id, relationship: rep.relationship } });
    }
    if (input.createdBy) {
      await tx.professionalAuthorization.create({
        data: {
          patientId: patient.id,
          professionalId: input.createdBy.professionalId,
          method: "RECORD_CREATION",
          consentAt: now,
          recordedById: input.createdBy.professionalId,
        },
      });
    }
    const name = `${identity.firstName} ${identity.lastName}`;
    await appendTrace(tx, {
      patientId: patient.id,
      ...(input.createdBy
        ? traceActorFields(input.createdBy)
        : { actorKind: "PATIENT" as const, actorId: account?.id ?? null, actorName: name }),
      action: "RECORD_CREATE",
      reason: rep
        ? `Création avec l'accord du représentant légal (${rep.relationship})`
        : input.createdBy
          ? "Création avec l'accord du patient"
          : "Ouverture en ligne par le titulaire",
      ipAddress: input.ipAddress ?? null,
      at: now,
    });
    await notifyPatient(tx, {
      patientId: patient.id,
      message:
        rep && input.createdBy
          ? { kind: "RECORD_CREATED", opening: "FOR_MINOR", at: now, by: input.createdBy.name, patientName: name, relationship: rep.relationship }
          : input.createdBy
            ? { kind: "RECORD_CREATED", opening: "WITH_CONSENT", at: now, by: input.createdBy.name }
            : { kind: "RECORD_CREATED", opening: "SELF", at: now },
    });
    return { patientId: patient.id, accountId: account?.id ?? null, loginId: account?.loginId ?? null, representative };
  });
}
