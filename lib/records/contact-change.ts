import { z } from "zod";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { OtpChannel } from "@/lib/generated/prisma/enums";
import { AppError } from "@/lib/errors/app-error";
import { otpFailureMessage } from "@/lib/auth/patient/complete-login";
import { issueOtp } from "@/lib/otp/issue-otp";
import { maskDestination } from "@/lib/otp/otp-rules";
import { verifyOtp } from "@/lib/otp/verify-otp";
import { normalizePhone } from "@/lib/sms/send-sms";
import { openRecord } from "./open-record";
import { updateContactDetails, type TContactDetailsInput } from "./contact-details";
import type { TPatientSideActor } from "./patient-command";

/*
 * A new e-mail address or mobile number receives sign-in codes and notifications, so it
 * is saved only once a code sent to it comes back (as when the record was opened):
 * someone holding a session cannot divert the codes to themselves. Removing one of the
 * two, or saving them unchanged, needs no code.
 */

export type TSendCode = (channel: OtpChannel, destination: string, code: string) => Promise<void>;

export type TContactChangeResult = { status: "SAVED" } | { status: "CODE_SENT"; destinationHint: string };

const ZPending = z.object({ patientId: z.string(), email: z.string().nullable(), phone: z.string().nullable() });

function normalized(input: TContactDetailsInput): TContactDetailsInput {
  return { email: input.email?.toLowerCase() ?? null, phone: input.phone ? normalizePhone(input.phone) : null };
}

/** Saves the contact details, or sends a code to the new address or number and keeps the change pending. */
export async function requestContactChange(
  prisma: PrismaClient,
  actor: TPatientSideActor,
  input: TContactDetailsInput,
  sendCode: TSendCode,
  now: Date = new Date(),
): Promise<TContactChangeResult> {
  const { ctx } = await openRecord(prisma, actor, actor.patientId);
  const next = normalized(input);
  const current = await prisma.patient.findUniqueOrThrow({ where: { id: ctx.patientId }, select: { email: true, phone: true } });
  const newEmail = next.email !== null && next.email !== current.email;
  const newPhone = next.phone !== null && next.phone !== current.phone;
  if (newEmail && newPhone) {
    throw new AppError(
      "INVALID_INPUT",
      "Modifiez l'adresse électronique puis le numéro de mobile, l'un après l'autre : chacun est confirmé par un code qui lui est envoyé.",
    );
  }
  if (!newEmail && !newPhone) {
    await updateContactDetails(prisma, actor, next);
    return { status: "SAVED" };
  }
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
  await sendCode(channel, destination, code);
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
export async function pendingContactChange(prisma: PrismaClient, actor: TPatientSideActor, now: Date = new Date()) {
  const found = await pendingChallenge(prisma, actor, now);
  return found ? { destinationHint: maskDestination(found.challenge.destination) } : null;
}

/** Checks the code sent to the new address or number, then saves the pending change. */
export async function confirmContactChange(
  prisma: PrismaClient,
  actor: TPatientSideActor,
  code: string,
  request: { ipAddress?: string | null; now?: Date } = {},
): Promise<void> {
  const now = request.now ?? new Date();
  const found = await pendingChallenge(prisma, actor, now);
  if (!found) throw new AppError("INVALID_INPUT", "Aucune modification n'attend de code : saisissez à nouveau vos coordonnées.");
  const result = await verifyOtp(prisma, { challengeId: found.challenge.id, code, purpose: "CONTACT_CHANGE", now, ipAddress: request.ipAddress });
  if (!result.ok) throw new AppError("INVALID_INPUT", otpFailureMessage(result));
  await updateContactDetails(prisma, actor, { email: found.pending.email, phone: found.pending.phone });
}

/** Drops the pending change (its code no longer works). */
export async function cancelContactChange(prisma: PrismaClient, actor: TPatientSideActor, now: Date = new Date()): Promise<void> {
  await prisma.otpChallenge.updateMany({
    where: { accountId: actor.accountId, purpose: "CONTACT_CHANGE", consumedAt: null, voidedAt: null },
    data: { voidedAt: now },
  });
}
