import "server-only";
/**
 * The patient portal's entry points, bound to the application database: app/patient calls
 * these (and only these) with the actor of the session. Commands return a result with a
 * French message instead of throwing, so forms can show it.
 */
import { cache } from "react";
import { prisma } from "@/lib/db/client";
import { isAppError, nullWhenNotFound } from "@/lib/errors/app-error";
import { userMessageFor } from "@/lib/errors/messages";
import { openRecord } from "@/lib/record-door/open-record";
import type { TPatientSideActor } from "@/lib/record-door/patient-command";
import { getRecordOverview } from "@/lib/records/get-record-overview";
import { closeRecord, reactivateRecord } from "@/lib/records/close-record";
import { updateEmergencySettings } from "@/lib/records/update-emergency-settings";
import { blockProfessional, findCareTeam, setTreatingDoctor, unblockProfessional } from "@/lib/records/care-team";
import {
  addEmergencyContact,
  getContactDetails,
  removeEmergencyContact,
  updateNotificationPreferences,
} from "@/lib/records/contact-details";
import { buildRecordCopy } from "@/lib/records/build-record-copy";
import {
  cancelContactChange,
  confirmContactChange,
  pendingContactChange,
  requestContactChange,
  type TContactChangeInput,
  type TSendNotice,
} from "@/lib/records/contact-change";
import { sendMail } from "@/lib/mail/send-mail";
import { sendSms } from "@/lib/sms/send-sms";
import { sendOtp } from "@/lib/otp/send-otp";
import { setCareTeamPresumption } from "@/lib/records/care-team-presumption";
import { findDocuments } from "@/lib/documents/find-documents";
import { getDocument } from "@/lib/documents/get-document";
import { readDocument } from "@/lib/documents/read-document";
import type { TDocumentFilters } from "@/lib/documents/document-filters";
import {
  addPersonalDocument,
  deletePersonalDocument,
  opposeDocument,
  setDocumentMasked,
  updatePersonalDocument,
  withdrawOpposition,
  type TPersonalDocumentMeta,
} from "@/lib/documents/patient-document-commands";
import { exportTracesCsv, findTraces, type TTraceFilters } from "@/lib/traces/find-traces";
import { findNotifications, markNotificationsRead } from "@/lib/notifications/find-notifications";
import { getHealthProfileForPatientSide } from "@/lib/health-profile/get-health-profile";
import { commentOnEntry, deletePatientSideEntry, saveEmergencyWishes, savePatientSideEntry } from "@/lib/health-profile/profile-commands";
import type { TEntryInputs, TEntrySection } from "@/lib/health-profile/entry-store";
import type { TEmergencyWishesInput, TEntryCommentInput } from "@/lib/health-profile/inputs";

export type TCommandResult<T = undefined> = { ok: true; value: T } | { ok: false; message: string; code: string };

async function attempt<T>(run: () => Promise<T>): Promise<TCommandResult<T>> {
  try {
    return { ok: true, value: await run() };
  } catch (error) {
    if (!isAppError(error)) console.error(error);
    return { ok: false, message: userMessageFor(error), code: isAppError(error) ? error.code : "INTERNAL" };
  }
}

// React cache(): within one page render the layout and the page open the record once
// (the actor object comes from the cached session, so it is the same key). Outside a
// render (server actions, route handlers) every call opens the record again.
const openPortalRecord = cache((actor: TPatientSideActor) => openRecord(prisma, actor, actor.patientId));

export const portalRecordOverview = cache(async (actor: TPatientSideActor) => getRecordOverview(prisma, actor, (await openPortalRecord(actor)).ctx));

/** What every page of the signed-in area shows: whether the record is closed. */
export async function portalRecordStatus(actor: TPatientSideActor) {
  const { ctx } = await openPortalRecord(actor);
  return ctx.recordStatus;
}

export async function portalDocuments(actor: TPatientSideActor, filters: TDocumentFilters) {
  const { ctx } = await openPortalRecord(actor);
  return findDocuments(prisma, actor, ctx, filters);
}

export async function portalDocument(actor: TPatientSideActor, documentId: string) {
  return nullWhenNotFound(async () => {
    const { ctx } = await openPortalRecord(actor);
    const doc = await getDocument(prisma, actor, ctx, documentId);
    if (!doc) return null;
    const extra = await prisma.document.findUniqueOrThrow({ where: { id: doc.id }, select: { oppositionReason: true, opposedAt: true } });
    return { ...doc, oppositionReason: extra.oppositionReason, opposedAt: extra.opposedAt, isRecordClosed: ctx.recordStatus === "CLOSED" };
  });
}

/** Opens a document's content (traced). Null when it is not visible to the actor. */
export async function portalReadDocument(actor: TPatientSideActor, documentId: string, ipAddress: string | null) {
  return nullWhenNotFound(async () => {
    const { ctx } = await openPortalRecord(actor);
    return readDocument(prisma, actor, ctx, documentId, { ipAddress });
  });
}

export const portalSetMasked = (actor: TPatientSideActor, documentId: string, isMasked: boolean) =>
  attempt(() => setDocumentMasked(prisma, actor, documentId, isMasked));
export const portalOppose = (actor: TPatientSideActor, documentId: string, reason: string) => attempt(() => opposeDocument(prisma, actor, documentId, reason));
export const portalWithdrawOpposition = (actor: TPatientSideActor, documentId: string) => attempt(() => withdrawOpposition(prisma, actor, documentId));
export const portalAddPersonalDocument = (
  actor: TPatientSideActor,
  input: TPersonalDocumentMeta & { bytes: Uint8Array; declaredType: string | null },
) => attempt(() => addPersonalDocument(prisma, actor, input));
export const portalUpdatePersonalDocument = (actor: TPatientSideActor, documentId: string, input: TPersonalDocumentMeta) =>
  attempt(() => updatePersonalDocument(prisma, actor, documentId, input));
export const portalDeletePersonalDocument = (actor: TPatientSideActor, documentId: string) => attempt(() => deletePersonalDocument(prisma, actor, documentId));

export async function portalTraces(actor: TPatientSideActor, filters: TTraceFilters) {
  const { ctx } = await openPortalRecord(actor);
  return findTraces(prisma, actor, ctx, filters);
}

export async function portalTracesCsv(actor: TPatientSideActor, filters: TTraceFilters) {
  return nullWhenNotFound(async () => {
    const { ctx } = await openPortalRecord(actor);
    return exportTracesCsv(prisma, actor, ctx, filters);
  });
}

export const portalCareTeam = (actor: TPatientSideActor) => findCareTeam(prisma, actor);
export const portalBlock = (actor: TPatientSideActor, professionalId: string) => attempt(() => blockProfessional(prisma, actor, professionalId));
export const portalUnblock = (actor: TPatientSideActor, professionalId: string) => attempt(() => unblockProfessional(prisma, actor, professionalId));
export const portalSetTreatingDoctor = (actor: TPatientSideActor, input: { professionalId?: string | null; rppsOrIdNat?: string | null }) =>
  attempt(() => setTreatingDoctor(prisma, actor, input));
export const portalUpdateEmergencySettings = (actor: TPatientSideActor, input: { breakGlassAllowed: boolean; samuAllowed: boolean }) =>
  attempt(() => updateEmergencySettings(prisma, actor, input));
export const portalSetCareTeamPresumption = (actor: TPatientSideActor, isAllowed: boolean) => attempt(() => setCareTeamPresumption(prisma, actor, isAllowed));

export const portalNotifications = (actor: TPatientSideActor, page: number) => findNotifications(prisma, actor, page);
export const portalMarkNotificationsRead = (actor: TPatientSideActor) => attempt(() => markNotificationsRead(prisma, actor));
export const portalContactDetails = (actor: TPatientSideActor) => getContactDetails(prisma, actor);
/** Saves the details, or sends a code to a new address or number (the change waits for it). */
/** The notice of a contact change, to the previous address (mail) or number (SMS outbox). */
const sendContactNotice: TSendNotice = async (channel, destination, text) => {
  if (channel === "SMS") {
    await sendSms(prisma, { to: destination, body: `Mon espace santé (simulateur). ${text}` });
    return;
  }
  await sendMail({ to: destination, subject: "Modification de vos coordonnées", text: `Bonjour,\n\n${text}\n\nMon espace santé (simulateur)` });
};
export const portalRequestContactChange = (actor: TPatientSideActor, input: TContactChangeInput) =>
  attempt(() =>
    requestContactChange(prisma, actor, input, {
      code: (channel, destination, code) => sendOtp(channel, destination, code, "CONTACT_CHANGE"),
      notice: sendContactNotice,
    }),
  );
export const portalPendingContactChange = (actor: TPatientSideActor) => pendingContactChange(prisma, actor);
export const portalConfirmContactChange = (actor: TPatientSideActor, code: string) =>
  attempt(() => confirmContactChange(prisma, actor, code, { sendNotice: sendContactNotice }));
export const portalCancelContactChange = (actor: TPatientSideActor) => attempt(() => cancelContactChange(prisma, actor));
export const portalUpdateNotificationPreferences = (
  actor: TPatientSideActor,
  input: { notifyByEmail: boolean; notifyBySms: boolean; otpChannel: "EMAIL" | "SMS" },
) => attempt(() => updateNotificationPreferences(prisma, actor, input));
export const portalAddEmergencyContact = (actor: TPatientSideActor, input: { name: string; relationship: string; phone: string }) =>
  attempt(() => addEmergencyContact(prisma, actor, input));
export const portalRemoveEmergencyContact = (actor: TPatientSideActor, contactId: string) => attempt(() => removeEmergencyContact(prisma, actor, contactId));

export const portalCloseRecord = (actor: TPatientSideActor, input: { confirmation: string; reason?: string | null }) =>
  attempt(() => closeRecord(prisma, actor, input));
export const portalReactivateRecord = (actor: TPatientSideActor) => attempt(() => reactivateRecord(prisma, actor));
export const portalRecordCopy = (actor: TPatientSideActor) => buildRecordCopy(prisma, actor);

// Health profile (profil médical, issue 17).
export const portalHealthProfile = (actor: TPatientSideActor) => getHealthProfileForPatientSide(prisma, actor);
export const portalSaveProfileEntry = <S extends TEntrySection>(actor: TPatientSideActor, section: S, input: TEntryInputs[S]) =>
  attempt(() => savePatientSideEntry(prisma, actor, section, input));
export const portalDeleteProfileEntry = (actor: TPatientSideActor, section: TEntrySection, id: string) => attempt(() => deletePatientSideEntry(prisma, actor, section, id));
export const portalCommentProfileEntry = (actor: TPatientSideActor, input: TEntryCommentInput) => attempt(() => commentOnEntry(prisma, actor, input));
export const portalSaveEmergencyWishes = (actor: TPatientSideActor, input: TEmergencyWishesInput) => attempt(() => saveEmergencyWishes(prisma, actor, input));
