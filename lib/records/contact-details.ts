import { z } from "zod";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { AppError } from "@/lib/errors/app-error";
import { appendTrace } from "@/lib/traces/append-trace";
import { traceActorFields } from "@/lib/traces/actor-fields";
import { normalizePhone } from "@/lib/sms/send-sms";
import { openRecord } from "@/lib/record-door/open-record";
import { runPatientCommand, type TPatientSideActor } from "@/lib/record-door/patient-command";

export type TContactDetails = {
  email: string | null;
  phone: string | null;
  notifyByEmail: boolean;
  notifyBySms: boolean;
  otpChannel: "EMAIL" | "SMS";
  accountEmail: string | null;
  accountPhone: string | null;
  emergencyContacts: { id: string; name: string; relationship: string; phone: string }[];
};

export async function getContactDetails(prisma: PrismaClient, actor: TPatientSideActor): Promise<TContactDetails> {
  const { ctx } = await openRecord(prisma, actor, actor.patientId);
  const [patient, account] = await Promise.all([
    prisma.patient.findUniqueOrThrow({
      where: { id: ctx.patientId },
      select: {
        email: true,
        phone: true,
        notifyByEmail: true,
        notifyBySms: true,
        emergencyContacts: { orderBy: { createdAt: "asc" }, select: { id: true, name: true, relationship: true, phone: true } },
      },
    }),
    prisma.account.findUniqueOrThrow({ where: { id: actor.accountId }, select: { otpChannel: true, email: true, phone: true } }),
  ]);
  // Account.otpChannel is EMAIL or SMS: the authenticator app is Account.totpEnabledAt.
  const otpChannel = account.otpChannel === "SMS" ? ("SMS" as const) : ("EMAIL" as const);
  return { ...patient, otpChannel, accountEmail: account.email, accountPhone: account.phone };
}

const optional = (schema: z.ZodType<string>) =>
  z.preprocess((v) => (typeof v === "string" && v.trim() === "" ? null : typeof v === "string" ? v.trim() : v), schema.nullable());

export const ZContactDetails = z
  .object({
    email: optional(z.string().max(200).pipe(z.email("Adresse électronique invalide."))),
    phone: optional(z.string().refine((v) => normalizePhone(v) !== null, "Numéro de mobile invalide (06 ou 07 suivi de 8 chiffres).")),
  })
  .refine((v) => v.email !== null || v.phone !== null, { message: "Indiquez au moins une adresse électronique ou un numéro de mobile.", path: ["email"] });

export type TContactDetailsInput = z.infer<typeof ZContactDetails>;

/**
 * Corrects the contact details of the record (notifications go there). For the patient
 * themselves, the sign-in account uses the same details; a channel that disappears is
 * turned off.
 */
export async function updateContactDetails(prisma: PrismaClient, actor: TPatientSideActor, input: TContactDetailsInput) {
  const email = input.email?.toLowerCase() ?? null;
  const phone = input.phone ? normalizePhone(input.phone) : null;
  return runPatientCommand(
    prisma,
    actor,
    async (tx, ctx) => {
      const before = await tx.patient.findUniqueOrThrow({ where: { id: ctx.patientId }, select: { notifyByEmail: true, notifyBySms: true } });
      await tx.patient.update({
        where: { id: ctx.patientId },
        data: {
          email,
          phone,
          notifyByEmail: before.notifyByEmail && email !== null,
          notifyBySms: before.notifyBySms && phone !== null,
        },
      });
      if (actor.kind === "PATIENT") {
        const account = await tx.account.findUniqueOrThrow({ where: { id: actor.accountId }, select: { otpChannel: true } });
        const otpChannel = account.otpChannel === "SMS" && !phone ? "EMAIL" : account.otpChannel === "EMAIL" && !email ? "SMS" : account.otpChannel;
        await tx.account.update({ where: { id: actor.accountId }, data: { email, phone, otpChannel } });
      }
      await appendTrace(tx, { patientId: ctx.patientId, ...traceActorFields(actor), action: "CONTACT_UPDATE", detail: "Coordonnées" });
    },
    { allowClosed: true },
  );
}

/** Notification channels, and the channel of the sign-in code (the account's). */
export async function updateNotificationPreferences(
  prisma: PrismaClient,
  actor: TPatientSideActor,
  input: { notifyByEmail: boolean; notifyBySms: boolean; otpChannel: "EMAIL" | "SMS" },
) {
  return runPatientCommand(
    prisma,
    actor,
    async (tx, ctx) => {
      const account = await tx.account.findUniqueOrThrow({ where: { id: actor.accountId }, select: { email: true, phone: true } });
      // A minor's notifications go to the representatives' own contact (deliver-notifications).
      const recipient =
        actor.kind === "LEGAL_REPRESENTATIVE" ? account : await tx.patient.findUniqueOrThrow({ where: { id: ctx.patientId }, select: { email: true, phone: true } });
      if (input.notifyByEmail && !recipient.email) throw new AppError("INVALID_INPUT", "Ajoutez d'abord une adresse électronique dans votre profil.");
      if (input.notifyBySms && !recipient.phone) throw new AppError("INVALID_INPUT", "Ajoutez d'abord un numéro de mobile dans votre profil.");
      if (input.otpChannel === "SMS" && !account.phone) throw new AppError("INVALID_INPUT", "Aucun numéro de mobile n'est associé à votre compte.");
      if (input.otpChannel === "EMAIL" && !account.email) throw new AppError("INVALID_INPUT", "Aucune adresse électronique n'est associée à votre compte.");
      await tx.patient.update({ where: { id: ctx.patientId }, data: { notifyByEmail: input.notifyByEmail, notifyBySms: input.notifyBySms } });
      await tx.account.update({ where: { id: actor.accountId }, data: { otpChannel: input.otpChannel } });
      await appendTrace(tx, {
        patientId: ctx.patientId,
        ...traceActorFields(actor),
        action: "CONTACT_UPDATE",
        detail: `Préférences : courriel ${input.notifyByEmail ? "oui" : "non"}, SMS ${input.notifyBySms ? "oui" : "non"}, code de connexion par ${input.otpChannel === "SMS" ? "SMS" : "courriel"}`,
      });
    },
    { allowClosed: true },
  );
}

export const ZEmergencyContact = z.object({
  name: z.string().trim().min(2, "Indiquez le nom de la personne.").max(100),
  relationship: z.string().trim().min(2, "Indiquez le lien (conjoint, parent, ami…).").max(60),
  phone: z.string().trim().refine((v) => /^(?:\+33|0)[1-9](?:[\s.\-]?\d{2}){4}$/.test(v), "Numéro de téléphone invalide."),
});

export async function addEmergencyContact(prisma: PrismaClient, actor: TPatientSideActor, input: z.infer<typeof ZEmergencyContact>) {
  return runPatientCommand(prisma, actor, async (tx, ctx) => {
    const count = await tx.emergencyContact.count({ where: { patientId: ctx.patientId } });
    if (count >= 5) throw new AppError("CONFLICT", "Vous pouvez enregistrer au plus 5 personnes à prévenir.");
    await tx.emergencyContact.create({ data: { patientId: ctx.patientId, ...input } });
    await appendTrace(tx, { patientId: ctx.patientId, ...traceActorFields(actor), action: "CONTACT_UPDATE", detail: `Personne à prévenir ajoutée : ${input.name}` });
  });
}

export async function removeEmergencyContact(prisma: PrismaClient, actor: TPatientSideActor, contactId: string) {
  return runPatientCommand(prisma, actor, async (tx, ctx) => {
    const contact = await tx.emergencyContact.findFirst({ where: { id: contactId, patientId: ctx.patientId } });
    if (!contact) throw new AppError("NOT_FOUND");
    await tx.emergencyContact.delete({ where: { id: contact.id } });
    await appendTrace(tx, { patientId: ctx.patientId, ...traceActorFields(actor), action: "CONTACT_UPDATE", detail: `Personne à prévenir retirée : ${contact.name}` });
  });
}
