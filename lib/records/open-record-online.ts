import { enterNamespace, openNamespaceScope } from "@/lib/clock/namespace-scope";
import { z } from "zod";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { AppError } from "@/lib/errors/app-error";
import { isValidNir, normalizeNirInput } from "@/lib/identity/nir";
import { hashPassword } from "@/lib/auth/password";
import { newPasswordErrors } from "@/lib/auth/patient/change-password";
import { issueOtp } from "@/lib/otp/issue-otp";
import { verifyOtp } from "@/lib/otp/verify-otp";
import { otpFailureMessage } from "@/lib/auth/patient/complete-login";
import { normalizePhone } from "@/lib/sms/send-sms";
import { checkBeneficiary, IDENTITY_NOT_RECOGNIZED, normalizeVitaleSerial } from "@/lib/registry/check-beneficiary";
import { isMinorOn } from "@/lib/access/representation";
import { appendTrace } from "@/lib/traces/append-trace";
import { notifyPatient } from "@/lib/notifications/notify-patient";
import { clearThrottledTries, countThrottledTry } from "@/lib/auth/patient/password-attempts";
import { createRecord } from "./create-record";
import { platformNow } from "@/lib/clock/clock";

/** A minor does not open their record online: a professional does, with a representative's agreement. */
export const MINOR_ONLINE_OPENING =
  "Vous avez moins de 18 ans : votre DMP est ouvert par un professionnel de santé, avec l'accord de votre représentant légal. Vous pourrez ouvrir votre propre accès en ligne à vos 18 ans.";

const ALREADY_OPEN = "Vous avez déjà un DMP. Connectez-vous, ou utilisez « Mot de passe oublié » si besoin.";

const blankToNull = (v: unknown) => (typeof v === "string" && v.trim() === "" ? null : typeof v === "string" ? v.trim() : v);

export const ZOpeningIdentity = z
  .object({
    nir: z
      .string()
      .transform(normalizeNirInput)
      .refine(isValidNir, "Numéro de sécurité sociale invalide : 15 caractères, clé comprise."),
    birthDate: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/, "Date de naissance attendue au format JJ/MM/AAAA.")
      .refine((d) => !Number.isNaN(Date.parse(d)), "Date de naissance invalide."),
    birthRank: z.coerce.number().int("Rang de naissance : un nombre entier.").min(1, "Le rang de naissance vaut 1 au moins.").max(9, "Rang de naissance invalide."),
    vitaleSerial: z
      .string()
      .transform(normalizeVitaleSerial)
      .refine((v) => /^[0-9A-Z]{6,20}$/.test(v), "Numéro de série de la carte Vitale invalide."),
    email: z.preprocess(blankToNull, z.string().max(200).pipe(z.email("Adresse électronique invalide.")).nullable()),
    phone: z.preprocess(
      blankToNull,
      z.string().refine((v) => normalizePhone(v) !== null, "Numéro de mobile invalide (06 ou 07 suivi de 8 chiffres).").nullable(),
    ),
    channel: z.enum(["EMAIL", "SMS"], { error: "Choisissez comment recevoir le code." }),
  })
  .superRefine((v, ctx) => {
    if (!v.email && !v.phone) ctx.addIssue({ code: "custom", path: ["email"], message: "Indiquez une adresse électronique et/ou un numéro de mobile." });
    if (v.channel === "EMAIL" && !v.email) ctx.addIssue({ code: "custom", path: ["email"], message: "Indiquez l'adresse électronique qui recevra le code." });
    if (v.channel === "SMS" && !v.phone) ctx.addIssue({ code: "custom", path: ["phone"], message: "Indiquez le numéro de mobile qui recevra le code." });
  });

export type TOpeningIdentity = z.infer<typeof ZOpeningIdentity>;

type TPayload = { beneficiaryId: string; email: string | null; phone: string | null; channel: "EMAIL" | "SMS" };

export const IDENTITY_CHECK_LOCKED =
  "Vérification bloquée après 5 tentatives infructueuses pour cette identité. Vous pourrez réessayer dans 15 minutes.";

/**
 * Step 1 of opening a record online: the identity is checked against the beneficiary
 * registry (one message for unknown and mismatching data), then a SIGNUP code is issued
 * to the chosen contact. The caller sends the code. Each check is counted first, per
 * identity typed (NIR, birth date, rank), whether it exists or not: 5 wrong in a row lock
 * it 15 minutes, so the Vitale serial cannot be guessed by sending many checks at once.
 * A minor is refused (no code sent). A young adult whose record was opened while a minor,
 * and who has no account of their own, opens their own access to that record the same way.
 */
export async function startRecordOpening(prisma: PrismaClient, input: TOpeningIdentity, given?: Date) {
  // The person is the request's actor: their namespace (sandbox) is known once the registry answers.
  openNamespaceScope();
  let now = given ?? platformNow();
  const key = `identity:${input.nir}|${input.birthDate}|${input.birthRank}`;
  const attempt = await countThrottledTry(prisma, key, now);
  if (attempt.locked) throw new AppError("LOCKED", IDENTITY_CHECK_LOCKED);
  const beneficiary = await checkBeneficiary(prisma, input);
  if (!beneficiary) throw new AppError("IDENTITY_MISMATCH", IDENTITY_NOT_RECOGNIZED);
  enterNamespace(beneficiary.namespaceId);
  // From here on, the person's own clock (their sandbox namespace's).
  now = given ?? platformNow();
  await clearThrottledTries(prisma, key);
  if (isMinorOn(beneficiary.birthDate, now)) throw new AppError("FORBIDDEN", MINOR_ONLINE_OPENING);
  if (beneficiary.patientId && (await hasOwnAccount(prisma, beneficiary.patientId))) throw new AppError("CONFLICT", ALREADY_OPEN);
  const email = input.email?.toLowerCase() ?? null;
  const phone = input.phone ? normalizePhone(input.phone) : null;
  const destination = input.channel === "SMS" ? (phone as string) : (email as string);
  const payload: TPayload = { beneficiaryId: beneficiary.id, email, phone, channel: input.channel };
  const { challengeId, code } = await issueOtp(prisma, { accountId: null, purpose: "SIGNUP", channel: input.channel, destination, payload: JSON.stringify(payload) });
  return { challengeId, code, channel: input.channel, destination, firstName: beneficiary.firstName };
}

export const ZOpeningConfirmation = z.object({
  code: z.string().trim().regex(/^\d{6}$/, "Le code comporte 6 chiffres."),
  acceptNotice: z.literal(true, { error: "Vous devez lire et accepter la note d'information pour ouvrir votre DMP." }),
  loginId: z
    .string()
    .trim()
    .min(6, "L'identifiant comporte 6 caractères au moins.")
    .max(60, "L'identifiant ne doit pas dépasser 60 caractères.")
    .regex(/^[a-zA-Z0-9._@-]+$/, "L'identifiant ne peut contenir que des lettres sans accent, des chiffres et . _ - @"),
  newPassword: z.string().max(200),
  confirmPassword: z.string().max(200),
});

export type TOpeningConfirmation = z.infer<typeof ZOpeningConfirmation>;

export type TOpeningResult =
  | { ok: true; patientId: string; accountId: string; loginId: string; name: string }
  | { ok: false; fieldErrors: Record<string, string[]>; message?: string };

/**
 * Step 2: the code confirms the contact; the notice is accepted; the password is chosen.
 * The record is created (trace + creation notification in the same transaction); the
 * reimbursement history follows in the background.
 */
export async function confirmRecordOpening(prisma: PrismaClient, challengeId: string, input: TOpeningConfirmation): Promise<TOpeningResult> {
  openNamespaceScope();
  const errors: Record<string, string[]> = { ...newPasswordErrors(input.newPassword, input.confirmPassword) } as Record<string, string[]>;
  const taken = await prisma.account.findUnique({ where: { loginId: input.loginId }, select: { id: true } });
  if (taken) errors.loginId = ["Cet identifiant est déjà utilisé : choisissez-en un autre."];
  if (Object.keys(errors).length > 0) return { ok: false, fieldErrors: errors };

  const result = await verifyOtp(prisma, { challengeId, code: input.code, purpose: "SIGNUP" });
  if (!result.ok) return { ok: false, fieldErrors: { code: [otpFailureMessage(result)] } };
  const payload = JSON.parse(result.challenge.payload ?? "null") as TPayload | null;
  if (!payload) return { ok: false, fieldErrors: {}, message: "Cette demande n'est plus valable. Recommencez." };
  const beneficiary = await prisma.beneficiary.findUnique({ where: { id: payload.beneficiaryId } });
  enterNamespace(beneficiary?.namespaceId ?? null);
  if (!beneficiary) return { ok: false, fieldErrors: {}, message: IDENTITY_NOT_RECOGNIZED };
  if (isMinorOn(beneficiary.birthDate, platformNow())) return { ok: false, fieldErrors: {}, message: MINOR_ONLINE_OPENING };
  if (beneficiary.patientId) {
    const opened = await openOwnAccess(prisma, beneficiary.patientId, payload, { loginId: input.loginId, passwordHash: await hashPassword(input.newPassword) });
    return { ok: true, ...opened, name: `${beneficiary.firstName} ${beneficiary.lastName}` };
  }

  const created = await createRecord(prisma, {
    beneficiaryId: beneficiary.id,
    contact: { email: payload.email, phone: payload.phone, otpChannel: payload.channel },
    account: { loginId: input.loginId, passwordHash: await hashPassword(input.newPassword), mustChangePassword: false },
    createdBy: null,
  });
  return { ok: true, ...created, name: `${beneficiary.firstName} ${beneficiary.lastName}` };
}

async function hasOwnAccount(prisma: PrismaClient, patientId: string): Promise<boolean> {
  return (await prisma.account.count({ where: { patientId } })) > 0;
}

/**
 * A young adult's own access to the record opened for them while a minor: their account,
 * their contact for the record's notifications, the trace and a notification, in one
 * transaction (their former representatives lost access on their 18th birthday).
 */
async function openOwnAccess(
  prisma: PrismaClient,
  patientId: string,
  contact: Pick<TPayload, "email" | "phone" | "channel">,
  login: { loginId: string; passwordHash: string },
): Promise<{ patientId: string; accountId: string; loginId: string }> {
  return prisma.$transaction(async (tx) => {
    if ((await tx.account.count({ where: { patientId } })) > 0) throw new AppError("CONFLICT", ALREADY_OPEN);
    if ((await tx.account.count({ where: { loginId: login.loginId } })) > 0) throw new AppError("CONFLICT", "Cet identifiant est déjà utilisé.");
    const patient = await tx.patient.update({
      where: { id: patientId },
      data: { email: contact.email, phone: contact.phone, notifyByEmail: Boolean(contact.email), notifyBySms: !contact.email && Boolean(contact.phone) },
      select: { firstName: true, lastName: true },
    });
    const account = await tx.account.create({
      data: {
        loginId: login.loginId,
        passwordHash: login.passwordHash,
        firstName: patient.firstName,
        lastName: patient.lastName,
        email: contact.email,
        phone: contact.phone,
        otpChannel: contact.channel,
        patientId,
      },
    });
    await appendTrace(tx, {
      patientId,
      actorKind: "PATIENT",
      actorId: account.id,
      actorName: `${patient.firstName} ${patient.lastName}`,
      action: "ACCOUNT_OPEN",
      reason: "Ouverture en ligne par le titulaire devenu majeur",
    });
    await notifyPatient(tx, {
      patientId,
      message: { kind: "RECORD_CREATED", opening: "ONLINE_AT_ADULTHOOD", at: platformNow() },
    });
    return { patientId, accountId: account.id, loginId: account.loginId };
  });
}
