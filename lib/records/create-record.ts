import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { OtpChannel, Sex } from "@/lib/generated/prisma/enums";
import type { TProfessionalActor } from "@/lib/access/actor";
import { appendTrace } from "@/lib/traces/append-trace";
import { traceActorFields } from "@/lib/traces/actor-fields";
import { notifyPatient } from "@/lib/notifications/notify-patient";
import { AppError } from "@/lib/errors/app-error";

export type TCreateRecordInput = {
  /** The registry row the identity comes from (checked by the caller). */
  beneficiaryId: string;
  identity: {
    nir: string;
    birthDate: string;
    birthRank: number;
    firstName: string;
    lastName: string;
    birthName?: string | null;
    sex: Sex;
    department: string;
  };
  contact: { email: string | null; phone: string | null; otpChannel: OtpChannel };
  account: { loginId: string; passwordHash: string; mustChangePassword: boolean };
  /** The professional who creates it with the patient's agreement, or null when the person does it online. */
  createdBy: TProfessionalActor | null;
  ipAddress?: string | null;
};

/**
 * Opens a record: the patient, their portal account, the registry link, the RECORD_CREATE
 * trace and the creation notification, all in one transaction. The 24-month reimbursement
 * history is loaded afterwards by the background job (reimbursementsLoadedAt stays null).
 * A professional who creates the record is authorized on it.
 */
export async function createRecord(prisma: PrismaClient, input: TCreateRecordInput) {
  return prisma.$transaction(async (tx) => {
    const beneficiary = await tx.beneficiary.findUnique({ where: { id: input.beneficiaryId } });
    if (!beneficiary) throw new AppError("NOT_FOUND");
    if (beneficiary.patientId) throw new AppError("CONFLICT", "Un dossier existe déjà pour cette personne.");
    const loginTaken = await tx.account.findUnique({ where: { loginId: input.account.loginId }, select: { id: true } });
    if (loginTaken) throw new AppError("CONFLICT", "Cet identifiant est déjà utilisé.");

    const now = new Date();
    const patient = await tx.patient.create({
      data: {
        ...input.identity,
        email: input.contact.email,
        phone: input.contact.phone,
        notifyByEmail: Boolean(input.contact.email),
        notifyBySms: !input.contact.email && Boolean(input.contact.phone),
        recordOpenedAt: now,
      },
    });
    await tx.beneficiary.update({ where: { id: beneficiary.id }, data: { patientId: patient.id } });
    const account = await tx.account.create({
      data: {
        loginId: input.account.loginId,
        passwordHash: input.account.passwordHash,
        mustChangePassword: input.account.mustChangePassword,
        firstName: input.identity.firstName,
        lastName: input.identity.lastName,
        email: input.contact.email,
        phone: input.contact.phone,
        otpChannel: input.contact.otpChannel,
        patientId: patient.id,
      },
    });
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
    await appendTrace(tx, {
      patientId: patient.id,
      ...(input.createdBy
        ? traceActorFields(input.createdBy)
        : { actorKind: "PATIENT" as const, actorId: account.id, actorName: `${input.identity.firstName} ${input.identity.lastName}` }),
      action: "RECORD_CREATE",
      reason: input.createdBy ? "Création avec l'accord du patient" : "Ouverture en ligne par le titulaire",
      ipAddress: input.ipAddress ?? null,
      at: now,
    });
    await notifyPatient(tx, {
      patientId: patient.id,
      kind: "RECORD_CREATED",
      title: "Votre dossier médical partagé est ouvert",
      body: input.createdBy
        ? `Votre DMP a été créé le ${now.toLocaleDateString("fr-FR")} par ${input.createdBy.name}, avec votre accord.`
        : `Vous avez ouvert votre DMP le ${now.toLocaleDateString("fr-FR")}.`,
    });
    return { patientId: patient.id, accountId: account.id, loginId: account.loginId };
  });
}
