import { z } from "zod";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { OtpChannel } from "@/lib/generated/prisma/enums";
import { AppError } from "@/lib/errors/app-error";
import { otpFailureMessage } from "@/lib/auth/patient/complete-login";
import { checkCurrentPassword } from "@/lib/auth/patient/change-password";
import { endPatientSessions } from "@/lib/auth/patient/session-account";
import { issueOtp } from "@/lib/otp/issue-otp";
import { maskDestination } from "@/lib/otp/otp-rules";
import { verifyOtp } from "@/lib/otp/verify-otp";
import { normalizePhone } from "@/lib/sms/send-sms";
import { openRecord } from "@/lib/record-door/open-record";
import { updateContactDetails, type TContactDetailsInput } from "./contact-details";
import type { TPatientSideActor } from "@/lib/record-door/patient-command";
import { platformNow } from "@/lib/clock/clock";

/*
 * A new e-mail address or mobile number receives sign-in codes and notifications, so:
 * - every change asks for the account's current password (counted like a sign-in try):
 *   a copied session cookie alone cannot divert the codes, then reset the password;
 * - a new address or number is saved only once a code sent to it comes back (as when the
 *   record was opened). Removing one of the two needs no code;
 * - once saved, the previous address and number are told (a notice, no link), and for the
 *   account's own contact every other session of the account ends.
 */

export type TSendCode = (channel: OtpChannel, destination: string, code: string) => Promise<void>;
export type TSendNotice = (channel: OtpChannel, destination: string, text: string) => Promise<void>;
export type TContactSenders = { code: TSendCode; notice: TSendNotice };

/** sessionVersion: the account's new one when its sessions were ended (the caller's carries on), else null. */
export type TContactChangeResult = { status: "SAVED"; sessionVersion: number | null } | { status: "CODE_SENT"; destinationHint: string };
export type TContactChangeInput = TContactDetailsInput & { currentPassword: string };

const ZPending = z.object({ patientId: z.string(), email: z.string().nullable(), phone: z.string().nullable() });

function normalized(input: TContactDetailsInput): TContactDetailsInput {
  return { email: input.email?.toLowerCase() ?? null, phone: input.phone ? normalizePhone(input.phone) : null };
}

/** The notice to the previous address and number, what changed (masked), or nothing when neither changed. */
export function contactChangeNotices(before: TContactDetailsInput, after: TContactDetailsInput): { channel: OtpChannel; destination: string; text: string }[] {
  const tail = " Si vous n'êtes pas à l'origine de cette modification, changez votre mot de passe et signalez-le au service d'assistance.";
  const notices: { channel: OtpChannel; destination: string; text: string }[] = [];
  if (before.email && before.email !== after.email) {
    const what = after.email ? `remplacée par ${maskDestination(after.email)}` : "supprimée";
    notices.push({ channel: "EMAIL", destination: before.email, text: `L'adresse électronique de votre DMP a été ${what}.${tail}` });
  }
  if (before.phone && before.phone !== after.phone) {
    const what = after.phone ? `remplacé par ${maskDestination(after.phone)}` : "supprimé";
    notices.push({ channel: "SMS", destination: before.phone, text: `Le numéro de mobile de votre DMP a été ${what}.${tail}` });
  }
  return notices;
}

/** Saves the details, tells the previous contact, ends the account's other sessions when its own contact changed. */
async function saveContactChange(
  prisma: PrismaClient,
  actor: TPatientSideActor,
  before: TContactDetailsInput,
  after: TContactDetailsInput,
  sendNotice: TSendNotice,
): Promise<number | null> {
  await updateContactDetails(prisma, actor, after);
  const notices = contactChangeNotices(before, after);
  for (const notice of notices) {
    // The change is saved: a notice that cannot be delivered must not undo it.
    await sendNotice(notice.channel, notice.destination, notice.text).catch((error: unknown) => console.error(error));
  }
  return notices.length > 0 && actor.kind === "PATIENT" ? endPatientSessions(prisma, actor.accountId) : null;
}

/** Saves the contact details, or sends a code to the new address or number and keeps the change pending. */
export async function requestContactChange(
  prisma: PrismaClient,
  actor: TPatientSideActor,
  input: TContactChangeInput,
  send: TContactSenders,
  now: Date = platformNow(),
): Promise<TContactChangeResult> {
  const { ctx } = await openRecord(prisma, actor, actor.patientId);
  const account = await prisma.account.findUniqueOrThrow({ where: { id: actor.accountId }, select: { id: true, passwordHash: true } });
  const refused = await checkCurrentPassword(prisma, account, input.currentPassword, now);
  if (refused) throw new AppError("INVALID_INPUT", refused);
  const next = normalized({ email: input.email, phone: input.phone });
  const current = await prisma.patient.findUniqueOrThrow({ where: { id: ctx.patientId }, select: { email: true, phone: true } });
  const newEmail = next.email !== null && next.email !== current.email;
  const newPhone = next.phone !== null && next.phone !== current.phone;
  if (newEmail && newPhone) {
    throw new AppError(
      "INVALID_INPUT",
      "Modifiez l'adresse électronique puis le numéro de mobile, l'un après l'autre : chacun est confirmé par un code qui lui est envoyé.",
    );
  }
  if (!newEmail && !newPhone) return { status: "SAVED", sessionVersion: await saveContactChange(prisma, actor, current, next, send.notice) };
  const channel: OtpChannel = newEmail ? "EMAIL" : "SMS";
  const destination = (newEmail ? next.email : next.phone) as string;
  const { code } = await issueOtp(prisma, {
    accountId: actor.accountId,
    purpose: "CONTACT_CHANGE",
    channel,
    destination,
    payload: JSON.stringify({ patientId: ctx.patientId, ...next }),
    now,
  });
  await send.code(channel, destination, code);
  return { status: "CODE_SENT", destinationHint: maskDestination(destination) };
}

async function pendingChallenge(prisma: PrismaClient, actor: TPatientSideActor, now: Date) {
  const challenge = await prisma.otpChallenge.findFirst({
    where: { accountId: actor.accountId, purpose: "CONTACT_CHANGE", consumedAt: null, voidedAt: null, expiresAt: { gt: now } },
    orderBy: { createdAt: "desc" },
  });
  if (!challenge) return null;
  const pending = ZPending.safeParse(JSON.parse(challenge.payload ?? "null"));
  // A change started on another record (a representative switching child) stays there.
  if (!pending.success || pending.data.patientId !== actor.patientId) return null;
  return { challenge, pending: pending.data };
}

/** The change waiting for its code on this record, for the profile page (null when none). */
export async function pendingContactChange(prisma: PrismaClient, actor: TPatientSideActor, now: Date = platformNow()) {
  const found = await pendingChallenge(prisma, actor, now);
  return found ? { destinationHint: maskDestination(found.challenge.destination) } : null;
}

/** Checks the code sent to the new address or number, then saves the pending change. Returns saveContactChange's session version. */
export async function confirmContactChange(
  prisma: PrismaClient,
  actor: TPatientSideActor,
  code: string,
  request: { sendNotice: TSendNotice; ipAddress?: string | null; now?: Date },
): Promise<{ sessionVersion: number | null }> {
  const now = request.now ?? platformNow();
  const found = await pendingChallenge(prisma, actor, now);
  if (!found) throw new AppError("INVALID_INPUT", "Aucune modification n'attend de code : saisissez à nouveau vos coordonnées.");
  const result = await verifyOtp(prisma, { challengeId: found.challenge.id, code, purpose: "CONTACT_CHANGE", now, ipAddress: request.ipAddress });
  if (!result.ok) throw new AppError("INVALID_INPUT", otpFailureMessage(result));
  const current = await prisma.patient.findUniqueOrThrow({ where: { id: found.pending.patientId }, select: { email: true, phone: true } });
  const sessionVersion = await saveContactChange(prisma, actor, current, { email: found.pending.email, phone: found.pending.phone }, request.sendNotice);
  return { sessionVersion };
}

/** Drops the pending change (its code no longer works). */
export async function cancelContactChange(prisma: PrismaClient, actor: TPatientSideActor, now: Date = platformNow()): Promise<void> {
  await prisma.otpChallenge.updateMany({
    where: { accountId: actor.accountId, purpose: "CONTACT_CHANGE", consumedAt: null, voidedAt: null },
    data: { voidedAt: now },
  });
}
