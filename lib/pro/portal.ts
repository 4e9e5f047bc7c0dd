import "server-only";
import { prisma } from "@/lib/db/client";
import type { TProActor } from "@/lib/auth/pro/pro-actor";
import type { TDocumentFilters } from "@/lib/documents/document-filters";
import { findPatients, searchErrorMessage, ZPatientSearch, type TPatientSearch, type TPatientSearchResult } from "@/lib/records/find-patients";
import { recordConsent, type TConsentInput } from "@/lib/records/record-consent";
import { findCareTeamPresumption, recordCareTeamAccess } from "@/lib/records/care-team-presumption";
import { getIdentityBeforeAccess } from "@/lib/records/get-identity-before-access";
import { getProfessionalRecord, getProfessionalRecordSection, recordHeaderOf, RECORD_PAGE_SIZE, type TRecordHeader, type TRecordSection } from "@/lib/records/get-professional-record";
import { openRecord } from "@/lib/record-door/open-record";
import { readDocument } from "@/lib/documents/read-document";
import { requestIp } from "@/lib/http/request-ip";

import { addDocument } from "@/lib/documents/add-document";
import { replaceDocument } from "@/lib/documents/replace-document";
import { revealDocument } from "@/lib/documents/reveal-document";
import type { TDocumentContentInput, TProfessionalDocumentInput } from "@/lib/documents/professional-document-input";
import { getReplaceableDocument } from "@/lib/documents/replaceable-document";
import { saveAllergy, saveTreatment, type TAllergyInput, type TTreatmentInput } from "@/lib/summary/save-summary-item";
import { findTracesForProfessional } from "@/lib/records/find-traces-for-professional";
import { blockProfessionalForPatient } from "@/lib/records/block-professional-for-patient";
import { createRecordByProfessional, type TCreateRecordByProfessionalInput } from "@/lib/records/create-record-by-professional";
import { createMinorRecordByProfessional, type TCreateMinorRecordInput } from "@/lib/records/create-minor-record";
import { getBeneficiaryForRecordCreation } from "@/lib/records/get-beneficiary-for-record-creation";
import { sendMail } from "@/lib/mail/send-mail";
import { openEmergencyAccess, type TEmergencyMode } from "@/lib/emergency/open-emergency-access";
import { closeEmergencyAccess } from "@/lib/emergency/close-emergency-access";
import { getEmergencySummary } from "@/lib/emergency/get-emergency-summary";
import { getHealthProfileForProfessional } from "@/lib/health-profile/get-health-profile";
import { saveProfessionalEntry, type TProfessionalSection } from "@/lib/health-profile/profile-commands";
import type { TEntryInputs } from "@/lib/health-profile/entry-store";
import { platformNow } from "@/lib/clock/clock";
import { getDocumentVisibility } from "@/lib/documents/document-visibility";
import { AppError, nullWhenNotFound } from "@/lib/errors/app-error";

/**
 * The professional portal's entry points with the server's database and the caller's
 * address bound, so app/ stays free of Prisma. Each one goes through the policy.
 */
export async function searchPatients(actor: TProActor, search: TPatientSearch) {
  return findPatients(prisma, actor, search);
}

type TQuery = Record<string, string | string[] | undefined>;

export type TPatientSearchQuery = {
  mode: "ins" | "name" | null;
  values: Record<"nir" | "birthDate" | "birthRank" | "lastName" | "firstName", string>;
  results: TPatientSearchResult[] | null;
  error: string | null;
};

/** The search of the search page and of the regulator screen, from the query string. */
export async function searchPatientsFromQuery(actor: TProActor, query: TQuery): Promise<TPatientSearchQuery> {
  const one = (v: string | string[] | undefined) => (typeof v === "string" ? v : "");
  const mode = one(query.mode) === "ins" ? "ins" : one(query.mode) === "name" ? "name" : null;
  const values = {
    nir: one(query.nir),
    birthDate: one(query.birthDate),
    birthRank: one(query.birthRank) || "1",
    lastName: one(query.lastName),
    firstName: one(query.firstName),
  };
  if (!mode) return { mode, values, results: null, error: null };
  const parsed = ZPatientSearch.safeParse(
    mode === "ins"
      ? { mode, nir: values.nir, birthDate: values.birthDate, birthRank: values.birthRank }
      : { mode, lastName: values.lastName, firstName: values.firstName || undefined, birthDate: values.birthDate },
  );
  if (!parsed.success) return { mode, values, results: null, error: parsed.error.issues.map((i) => i.message).join(" ") };
  try {
    return { mode, values, results: await findPatients(prisma, actor, parsed.data), error: null };
  } catch (e) {
    const error = searchErrorMessage(e);
    if (!error) throw e;
    return { mode, values, results: null, error };
  }
}

/** The identity on the first-access page; null (an unknown record's page) when the policy would refuse anyway. */
export async function getPatientIdentityForConsent(actor: TProActor, patientId: string) {
  return getIdentityBeforeAccess(prisma, actor, patientId);
}

export async function declareConsent(actor: TProActor, patientId: string, input: TConsentInput) {
  return recordConsent(prisma, actor, patientId, input, { ipAddress: await requestIp() });
}

/** The colleague whose agreement makes this professional a presumed member of the care team, if any. */
export function careTeamPresumptionFor(actor: TProActor, patientId: string) {
  return findCareTeamPresumption(prisma, actor.professionalId, patientId);
}

export async function declareCareTeamAccess(actor: TProActor, patientId: string) {
  return recordCareTeamAccess(prisma, actor, patientId, { ipAddress: await requestIp() });
}

/** The record view; in an emergency mode, with the emergency summary to show first (else null). */
export async function viewRecord(actor: TProActor, patientId: string, filters: TDocumentFilters) {
  const now = platformNow();
  const record = await getProfessionalRecord(prisma, actor, patientId, filters, { ipAddress: await requestIp(), now });
  const emergency = record.access.mode === "NORMAL" ? null : await getEmergencySummary(prisma, actor, patientId, { now });
  return { ...record, emergency };
}

/** Another section of the record view (summary, care team, reimbursements), one page of it; the emergency summary as in viewRecord. */
export async function viewRecordSection(actor: TProActor, patientId: string, section: Exclude<TRecordSection, "documents">, page: number) {
  const now = platformNow();
  const record = await getProfessionalRecordSection(prisma, actor, patientId, section, page, { ipAddress: await requestIp(), now });
  const emergency = record.access.mode === "NORMAL" ? null : await getEmergencySummary(prisma, actor, patientId, { now });
  return { ...record, emergency };
}

/**
 * The record's identity and access for a sub-page (document preview, add, replace, visibility,
 * history): the record door without a RECORD_VIEW trace (the sub-page's own action is traced
 * where it happens); NOT_FOUND when refused, like the record itself.
 */
export async function viewRecordHeader(actor: TProActor, patientId: string): Promise<TRecordHeader> {
  return recordHeaderOf(actor, await openRecord(prisma, actor, patientId, { traceView: false }));
}

/** SAMU-Centre 15 regulation (no justification) or break-the-glass (justification): traced, notified. */
export async function declareEmergencyAccess(actor: TProActor, patientId: string, input: { mode: TEmergencyMode; justification?: string }) {
  return openEmergencyAccess(prisma, actor, patientId, input, { ipAddress: await requestIp() });
}

/** The professional ends their own emergency access on this record now. */
export async function endEmergencyAccess(actor: TProActor, patientId: string) {
  return closeEmergencyAccess(prisma, actor, patientId, { ipAddress: await requestIp() });
}

export type TOpenedDocument = Awaited<ReturnType<typeof readDocument>> & { record: TRecordHeader };

/**
 * Opens a document's content (DOCUMENT_READ trace). Refused or unknown: no document, and
 * whether the record itself is open to the professional, which only chooses the refusal
 * page's way back (the refusal is the same whatever the reason).
 */
export async function openDocument(
  actor: TProActor,
  patientId: string,
  documentId: string,
): Promise<{ doc: TOpenedDocument } | { doc: null; recordReadable: boolean }> {
  const ipAddress = await requestIp();
  const opened = await nullWhenNotFound(() => openRecord(prisma, actor, patientId, { ipAddress, traceView: false }));
  if (!opened) return { doc: null, recordReadable: false };
  const doc = await nullWhenNotFound(() => readDocument(prisma, actor, opened.ctx, documentId, { ipAddress }));
  return doc ? { doc: { ...doc, record: recordHeaderOf(actor, opened) } } : { doc: null, recordReadable: true };
}

export async function addDocumentToRecord(actor: TProActor, patientId: string, input: TProfessionalDocumentInput, content: TDocumentContentInput) {
  return addDocument(prisma, actor, patientId, input, content, { ipAddress: await requestIp() });
}

export async function replaceDocumentInRecord(
  actor: TProActor,
  patientId: string,
  documentId: string,
  input: TProfessionalDocumentInput,
  content: TDocumentContentInput,
) {
  return replaceDocument(prisma, actor, patientId, documentId, input, content, { ipAddress: await requestIp() });
}

export async function revealDocumentToPatient(actor: TProActor, patientId: string, documentId: string) {
  return revealDocument(prisma, actor, patientId, documentId, { ipAddress: await requestIp() });
}

/** The document for the replacement form, when this professional may replace it (else null: not found). */
export async function getDocumentForReplacement(actor: TProActor, patientId: string, documentId: string) {
  const opened = await openRecord(prisma, actor, patientId, { traceView: false });
  const doc = await getReplaceableDocument(prisma, actor, opened.ctx, documentId);
  return doc ? { ...doc, record: recordHeaderOf(actor, opened) } : null;
}

export async function saveAllergyInRecord(actor: TProActor, patientId: string, input: TAllergyInput) {
  return saveAllergy(prisma, actor, patientId, input, { ipAddress: await requestIp() });
}

export async function saveTreatmentInRecord(actor: TProActor, patientId: string, input: TTreatmentInput) {
  return saveTreatment(prisma, actor, patientId, input, { ipAddress: await requestIp() });
}

/** The health profile (HEALTH_PROFILE_VIEW trace, allowed or refused by the matrix row PROFIL_MEDICAL). */
export async function healthProfileInRecord(actor: TProActor, patientId: string) {
  return getHealthProfileForProfessional(prisma, actor, patientId, { ipAddress: await requestIp() });
}

/** A professional adds or corrects history, allergies, treatments or vaccinations (HEALTH_PROFILE). */
export async function saveHealthProfileEntryInRecord<S extends TProfessionalSection>(actor: TProActor, patientId: string, section: S, input: TEntryInputs[S]) {
  return saveProfessionalEntry(prisma, actor, patientId, section, input, { ipAddress: await requestIp() });
}

/** The record's « Historique » tab: one page of 20 rows, like the record's other tabs. */
export async function tracesForTreatingDoctor(actor: TProActor, patientId: string, page: number) {
  return findTracesForProfessional(prisma, actor, patientId, { page, pageSize: RECORD_PAGE_SIZE }, { ipAddress: await requestIp() });
}

export async function blockProfessionalAtPatientRequest(actor: TProActor, patientId: string, professionalId: string) {
  return blockProfessionalForPatient(prisma, actor, patientId, professionalId, { ipAddress: await requestIp() });
}

/** The registry identity shown on the record creation form (null for an unknown id). */
export async function beneficiaryForRecordCreation(actor: TProActor, beneficiaryId: string) {
  return getBeneficiaryForRecordCreation(prisma, actor, beneficiaryId);
}

/** Creates the record of a beneficiary who agrees and sends them the initial secret. */
export async function createRecordForPatient(actor: TProActor, input: TCreateRecordByProfessionalInput) {
  return createRecordByProfessional(prisma, actor, input, { sendMail, ipAddress: await requestIp() });
}

/** Creates a minor's record with a legal representative's agreement; a new representative account gets its initial secret. */
export async function createMinorRecordForPatient(actor: TProActor, input: TCreateMinorRecordInput) {
  return createMinorRecordByProfessional(prisma, actor, input, { sendMail, ipAddress: await requestIp() });
}

/** "Qui peut voir ce document ?" for its author (anyone else: NOT_FOUND). Opening the record is traced as usual. */
export async function documentVisibilityForAuthor(actor: TProActor, patientId: string, documentId: string) {
  const opened = await openRecord(prisma, actor, patientId, { ipAddress: await requestIp() });
  const page = await getDocumentVisibility(prisma, actor, opened.ctx, documentId);
  if (!page) throw new AppError("NOT_FOUND");
  return { ...page, record: recordHeaderOf(actor, opened) };
}
