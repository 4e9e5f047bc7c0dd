import "server-only";
import { prisma } from "@/lib/db/client";
import type { TProActor } from "@/lib/auth/pro/pro-actor";
import { admissionsDecision, catalogueAdminDecision } from "@/lib/access/establishment-roles";
import { requestIp } from "@/lib/http/request-ip";
import { sendMail } from "@/lib/mail/send-mail";
import { letterAuthorChoices } from "@/lib/feed/submit-hospital-letter";
import { addCatalogueEntry, catalogueForAdmin, structureCatalogue, updateCatalogueEntry, type TCatalogueAddition, type TCatalogueChange } from "./catalogue";
import { establishmentOf, loadEstablishmentUser } from "./establishment-person";
import { hasNir, importExternalDocument, notExportableReason, resendDocument, saveDraft, validateDocument, type TDraftInput, type TImportInput, type TValidationInput } from "./hospital-documents";
import { admissionsDesk, confirmNir, correctIdentity, requestNir } from "./nir-requests";
import { exportFollowUp, sendByMssante } from "./export-follow-up";
import { orderByPriority, priorityTypesFor } from "./priority-types";
import { isWellFormedId } from "@/lib/http/row-id";

/**
 * The hospital workflow's entry points with the server's database and the request's
 * address bound, so app/ stays free of Prisma (issue 16).
 */

/** What the signed-in user may open in the establishment (links of the home page). */
export async function establishmentMenu(actor: TProActor) {
  const user = await loadEstablishmentUser(prisma, actor.professionalId);
  const structure = establishmentOf(user);
  if (!structure) return null;
  return { structure, isAdmin: catalogueAdminDecision(user, structure.id).allowed, isAdmissions: admissionsDecision(user, structure.id).allowed };
}

export const getCatalogueForAdmin = (actor: TProActor) => catalogueForAdmin(prisma, actor);
export const changeCatalogueEntry = async (actor: TProActor, input: TCatalogueChange) => updateCatalogueEntry(prisma, actor, input, { ipAddress: await requestIp() });
export const addToCatalogue = async (actor: TProActor, input: TCatalogueAddition) => addCatalogueEntry(prisma, actor, input, { ipAddress: await requestIp() });

/** The write form: the patient, the catalogue (the user's priority types first), the authors the user may choose. */
export async function getWriteForm(actor: TProActor, structurePatientId: string) {
  const user = await loadEstablishmentUser(prisma, actor.professionalId);
  const structure = establishmentOf(user);
  if (!user || !structure || !isWellFormedId(structurePatientId)) return null;
  const patient = await prisma.structurePatient.findFirst({
    where: { id: structurePatientId, structureId: structure.id },
    select: { id: true, localId: true, firstName: true, lastName: true, sex: true, birthDate: true, birthRank: true, nir: true, identityStatus: true },
  });
  if (!patient) return null;
  const [catalogue, authors, pendingNir] = await Promise.all([
    structureCatalogue(prisma, structure.id),
    letterAuthorChoices(prisma, actor.professionalId),
    prisma.nirRequest.findFirst({ where: { structurePatientId: patient.id, status: "PENDING" }, select: { desk: true, requestedAt: true } }),
  ]);
  const priority = priorityTypesFor(user, structure.kind);
  const ordered = orderByPriority(catalogue, priority.typeCodes);
  const priorityIds = ordered.filter((e) => priority.typeCodes.includes(e.typeCode)).map((e) => e.id);
  return { structure, patient, hasNir: hasNir(patient), pendingNir, priority, catalogue: ordered, priorityIds, authors };
}

/** One document of the establishment as the validation page shows it. */
export async function getHospitalDocument(actor: TProActor, structurePatientId: string, documentId: string) {
  const user = await loadEstablishmentUser(prisma, actor.professionalId);
  const structure = establishmentOf(user);
  if (!user || !structure) return null;
  const doc = await prisma.hospitalDocument.findFirst({ where: { id: documentId.slice(0, 64), structureId: structure.id, structurePatientId: structurePatientId.slice(0, 64) } });
  if (!doc) return null;
  const [patient, entry, author] = await Promise.all([
    prisma.structurePatient.findUniqueOrThrow({ where: { id: doc.structurePatientId }, select: { id: true, localId: true, firstName: true, lastName: true, birthDate: true, nir: true, identityStatus: true } }),
    doc.catalogueEntryId ? prisma.documentCatalogueEntry.findUnique({ where: { id: doc.catalogueEntryId } }) : null,
    prisma.professional.findUnique({ where: { id: doc.authorId }, select: { title: true, firstName: true, lastName: true } }),
  ]);
  return {
    structure,
    doc,
    patient,
    entry,
    authorName: author ? [author.title, author.firstName, author.lastName].filter(Boolean).join(" ") : "",
    notExportable: notExportableReason(doc, entry),
    hasNir: hasNir(patient),
    mayValidate: user.id === doc.authorId && user.kind === "HEALTH_PROFESSIONAL",
  };
}

export const saveHospitalDraft = async (actor: TProActor, input: TDraftInput) => saveDraft(prisma, actor, input, { ipAddress: await requestIp() });
export const importHospitalDocument = async (actor: TProActor, input: TImportInput) => importExternalDocument(prisma, actor, input, { ipAddress: await requestIp() });
export const validateHospitalDocument = async (actor: TProActor, input: TValidationInput) => validateDocument(prisma, actor, input, { ipAddress: await requestIp() });
export const resendHospitalDocument = async (actor: TProActor, documentId: string) => resendDocument(prisma, actor, documentId, { ipAddress: await requestIp() });
export const getExportFollowUp = (actor: TProActor, structurePatientId: string) => exportFollowUp(prisma, actor, structurePatientId);
export const sendHospitalDocumentByMssante = async (actor: TProActor, input: { documentId: string; recipient: string }) =>
  sendByMssante(prisma, actor, input, sendMail, { ipAddress: await requestIp() });

export const askNir = async (actor: TProActor, input: { structurePatientId: string; desk: string; note?: string }) =>
  requestNir(prisma, actor, input as Parameters<typeof requestNir>[2], { ipAddress: await requestIp() });
export const getAdmissionsDesk = (actor: TProActor) => admissionsDesk(prisma, actor);
export const confirmPatientNir = async (actor: TProActor, input: { requestId: string; nir: string; birthRank: unknown }) =>
  confirmNir(prisma, actor, input as Parameters<typeof confirmNir>[2], { ipAddress: await requestIp() });
export const correctPatientIdentity = async (actor: TProActor, input: { structurePatientId: string; birthDate: string; birthRank: unknown }) =>
  correctIdentity(prisma, actor, input as Parameters<typeof correctIdentity>[2], { ipAddress: await requestIp() });
