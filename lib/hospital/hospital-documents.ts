import { z } from "zod";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { DmpExportStatus, HospitalDocumentOrigin } from "@/lib/generated/prisma/enums";
import type { Db } from "@/lib/db/types";
import type { TProActor } from "@/lib/auth/pro/pro-actor";
import { feedAuthorship } from "@/lib/access/feed-rules";
import { validationDecision, ESTABLISHMENT_RULES } from "@/lib/access/establishment-roles";
import { AppError } from "@/lib/errors/app-error";
import { appendTrace } from "@/lib/traces/append-trace";
import { traceActorFields } from "@/lib/traces/actor-fields";
import { platformNow } from "@/lib/clock/clock";
import { authorshipMessage, personName, sendLetterToDmp, LETTER_FORMATS, type TLetterFormat } from "@/lib/feed/submit-hospital-letter";
import { CATALOGUE_TYPE_CODES, structureCatalogue, UNKNOWN_TYPE_MESSAGE } from "./catalogue";
import { establishmentOf, loadEstablishmentUser, type TEstablishmentUser } from "./establishment-person";
import { HOSPITAL_MASKINGS, maskingLabel } from "./masking";
import { DMP_EXPORT_STATUS_LABELS, HOLD_BACK_REASON_CODES, holdBackLabel, RESENDABLE } from "./export-status";
import { ZRowId } from "@/lib/http/row-id";

type TRequest = { ipAddress?: string | null; now?: Date };

const id = ZRowId;

export const ZDraftInput = z.object({
  structurePatientId: id,
  catalogueEntryId: z.string().min(1, "Choisissez le document dans le catalogue de l'établissement.").max(64),
  title: z.string().trim().min(3, "Saisissez un titre (3 caractères au moins).").max(200),
  body: z.string().trim().min(10, "Rédigez le contenu du document.").max(20_000, "Le document dépasse 20 000 caractères."),
  authorId: z.string().min(1, "Choisissez le médecin auteur.").max(64),
  serviceDate: z.iso.date("Date au format AAAA-MM-JJ."),
});
export type TDraftInput = z.infer<typeof ZDraftInput>;

export const ZValidationInput = z
  .object({
    documentId: id,
    sendToDmp: z.boolean(),
    holdReason: z.enum(HOLD_BACK_REASON_CODES, "Motif inconnu.").optional(),
    holdText: z.string().trim().max(300, "Motif trop long (300 caractères au plus).").optional(),
    masking: z.enum(HOSPITAL_MASKINGS, "Choisissez le masquage parmi les quatre proposés."),
    format: z.enum(Object.keys(LETTER_FORMATS) as [TLetterFormat, ...TLetterFormat[]], "Choisissez le format : PDF ou CDA R2.").default("PDF"),
  })
  .refine((v) => v.holdReason !== "OTHER" || (v.holdText ?? "").length >= 3, { path: ["holdText"], message: "Précisez l'autre motif (3 caractères au moins)." });
export type TValidationInput = z.input<typeof ZValidationInput>;

export const MISSING_REASON_MESSAGE =
  "Indiquez pourquoi le document n'est pas envoyé au DMP : consultation d'annonce nécessaire, patient fragile psychologiquement, document sensible ou autre motif précisé.";

export const ZImportInput = z.object({
  structurePatientId: id,
  origin: z.enum(["SCANNED_IMPORT", "OTHER_SOFTWARE"], "Origine du document inconnue."),
  originLabel: z.string().trim().min(2, "Indiquez d'où vient le document.").max(80),
  title: z.string().trim().min(3, "Saisissez un titre (3 caractères au moins).").max(200),
  typeCode: z.string().refine((code) => CATALOGUE_TYPE_CODES.includes(code), UNKNOWN_TYPE_MESSAGE),
  serviceDate: z.iso.date("Date au format AAAA-MM-JJ."),
});
export type TImportInput = z.infer<typeof ZImportInput>;

/** Why a document may not go to the DMP (slide « Alimentation du DMP depuis ORBIS »), or null when it may. */
export function notExportableReason(doc: { origin: HospitalDocumentOrigin; originLabel: string | null }, entry: { exported: boolean; name: string } | null): string | null {
  if (doc.origin === "SCANNED_IMPORT") return "Document numérisé importé : seul un document produit par le logiciel de l'établissement peut alimenter le DMP.";
  if (doc.origin === "OTHER_SOFTWARE") {
    return `Compte rendu produit par un autre logiciel (${doc.originLabel ?? "logiciel externe"}) : seul un document produit par le logiciel de l'établissement peut alimenter le DMP.`;
  }
  if (!entry) return "Ce document ne figure pas au catalogue des documents exportés de l'établissement.";
  if (!entry.exported) return `« ${entry.name} » n'est pas paramétré pour l'envoi au DMP dans le catalogue de l'établissement.`;
  return null;
}

export function hasNir(p: { nir: string | null; identityStatus: string }): p is { nir: string; identityStatus: "QUALIFIED" } {
  return Boolean(p.nir) && p.identityStatus === "QUALIFIED";
}

async function userOfHospital(db: Db, actor: TProActor): Promise<{ user: TEstablishmentUser; structure: NonNullable<ReturnType<typeof establishmentOf>> }> {
  const user = await loadEstablishmentUser(db, actor.professionalId);
  const structure = establishmentOf(user);
  if (!user || !structure) throw new AppError("FORBIDDEN", "Le simulateur hospitalier est réservé au personnel d'un établissement de santé.");
  return { user, structure };
}

function traceBase(actor: TProActor, structureName: string, request: TRequest, now: Date) {
  return { patientId: null, ...traceActorFields({ ...actor, structureName }), ipAddress: request.ipAddress ?? null, at: now };
}

const patientLine = (p: { localId: string; firstName: string; lastName: string }) => `IPP ${p.localId} (${p.firstName} ${p.lastName.toUpperCase()})`;

/**
 * « Enregistrer »: the document typed in the establishment's software, saved as a draft
 * (new, or the same draft saved again). From then on the « Envoi DMP » box shows, ticked
 * when the catalogue exports the document and the patient has a NIR. The author must be a
 * health professional of the establishment allowed the type (FEED's rule, the same one
 * the DMP applies at validation); a secretary types for a doctor.
 */
export async function saveDraft(db: PrismaClient, actor: TProActor, input: TDraftInput & { documentId?: string }, request: TRequest = {}): Promise<{ documentId: string }> {
  const parsed = ZDraftInput.safeParse(input);
  if (!parsed.success) throw new AppError("INVALID_INPUT", parsed.error.issues[0]?.message);
  const draft = parsed.data;
  const now = request.now ?? platformNow();
  if (draft.serviceDate > now.toISOString().slice(0, 10)) throw new AppError("INVALID_INPUT", "La date de l'acte ne peut pas être dans le futur.");
  return db.$transaction(async (tx) => {
    const { user, structure } = await userOfHospital(tx, actor);
    const patient = await tx.structurePatient.findFirst({ where: { id: draft.structurePatientId, structureId: structure.id } });
    if (!patient) throw new AppError("NOT_FOUND", "Patient introuvable dans cet établissement.");
    const entry = (await structureCatalogue(tx, structure.id)).find((e) => e.id === draft.catalogueEntryId);
    if (!entry) throw new AppError("INVALID_INPUT", "Type de document inconnu : choisissez un document du catalogue de l'établissement.");
    const author = await tx.professional.findUnique({ where: { id: draft.authorId }, select: { id: true, kind: true, title: true, firstName: true, lastName: true, profession: true, specialty: true, structureId: true } });
    const authorship = feedAuthorship({ mode: "INDIRECT", structureId: structure.id, submitter: user, author, typeCode: entry.typeCode });
    if (!authorship.allowed || !author) {
      throw new AppError("INVALID_INPUT", authorshipMessage(authorship.allowed ? "AUTHOR_NOT_OF_STRUCTURE" : authorship.rule, author ? personName(author) : "", entry.typeCode));
    }
    const fields = {
      catalogueEntryId: entry.id,
      typeCode: entry.typeCode,
      title: draft.title,
      body: draft.body,
      authorId: author.id,
      serviceDate: draft.serviceDate,
      masking: entry.defaultMasking,
      sendToDmp: entry.exported && hasNir(patient),
      updatedAt: now,
    };
    let documentId: string;
    if (input.documentId) {
      const existing = await tx.hospitalDocument.findFirst({ where: { id: input.documentId, structureId: structure.id, structurePatientId: patient.id }, select: { id: true, status: true } });
      if (!existing) throw new AppError("NOT_FOUND", "Document introuvable.");
      if (existing.status !== "DRAFT") throw new AppError("CONFLICT", "Ce document est déjà validé : il ne se modifie plus.");
      documentId = (await tx.hospitalDocument.update({ where: { id: existing.id }, data: fields, select: { id: true } })).id;
    } else {
      documentId = (
        await tx.hospitalDocument.create({
          data: { ...fields, structureId: structure.id, structurePatientId: patient.id, origin: "CLINICAL_SOFTWARE", createdById: user.id, createdAt: now },
          select: { id: true },
        })
      ).id;
    }
    await appendTrace(tx, {
      ...traceBase(actor, structure.name, request, now),
      action: "HOSPITAL_DRAFT_SAVE",
      reason: authorship.rule === "ON_BEHALF_OF_AUTHOR" ? `Saisi pour ${personName(author)}` : "Auteur du document",
      detail: `${structure.name} — ${patientLine(patient)} : « ${draft.title} » (${entry.name}, ${entry.typeCode}), brouillon ${documentId}`,
    });
    return { documentId };
  });
}

/**
 * A document the establishment's software did not produce (a scanned paper, a report of
 * the imaging, laboratory or emergency software): kept in the patient's file, never
 * exportable, shown without the « Envoi DMP » box. Traced like a draft.
 */
export async function importExternalDocument(db: PrismaClient, actor: TProActor, input: TImportInput, request: TRequest = {}): Promise<{ documentId: string }> {
  const parsed = ZImportInput.safeParse(input);
  if (!parsed.success) throw new AppError("INVALID_INPUT", parsed.error.issues[0]?.message);
  const doc = parsed.data;
  const now = request.now ?? platformNow();
  return db.$transaction(async (tx) => {
    const { user, structure } = await userOfHospital(tx, actor);
    const patient = await tx.structurePatient.findFirst({ where: { id: doc.structurePatientId, structureId: structure.id } });
    if (!patient) throw new AppError("NOT_FOUND", "Patient introuvable dans cet établissement.");
    const created = await tx.hospitalDocument.create({
      data: {
        structureId: structure.id,
        structurePatientId: patient.id,
        origin: doc.origin,
        originLabel: doc.originLabel,
        typeCode: doc.typeCode,
        title: doc.title,
        body: `Document importé (${doc.originLabel}).`,
        authorId: user.id,
        createdById: user.id,
        serviceDate: doc.serviceDate,
        status: "VALIDATED",
        sendToDmp: false,
        validatedById: user.id,
        validatedAt: now,
        dmpStatus: "NOT_EXPORTABLE",
        dmpMessage: notExportableReason({ origin: doc.origin, originLabel: doc.originLabel }, null),
        createdAt: now,
        updatedAt: now,
      },
      select: { id: true },
    });
    await appendTrace(tx, {
      ...traceBase(actor, structure.name, request, now),
      action: "HOSPITAL_DRAFT_SAVE",
      reason: "Import d'un document non exportable",
      detail: `${structure.name} — ${patientLine(patient)} : « ${doc.title} » importé (${doc.originLabel}), ${created.id}`,
    });
    return { documentId: created.id };
  });
}

export type TValidationResult = { status: DmpExportStatus; statusLabel: string; message: string };

/**
 * « Valider »: the author validates the draft; sending to the DMP is automatic at
 * validation for a catalogue document with « Envoi DMP » ticked and a patient with a NIR.
 * Unticking needs one of the deck's reasons (recorded, reported in the « Suivi export »
 * form); the masking is the one chosen here, proposed from the catalogue's default.
 * The validation and its trace commit together, before the sending; the sending's
 * outcome and its trace commit together after it (the feed has its own transaction and
 * traces on the record).
 */
export async function validateDocument(db: PrismaClient, actor: TProActor, input: TValidationInput, request: TRequest = {}): Promise<TValidationResult> {
  const parsed = ZValidationInput.safeParse(input);
  if (!parsed.success) throw new AppError("INVALID_INPUT", parsed.error.issues[0]?.message);
  const choice = parsed.data;
  const now = request.now ?? platformNow();
  const validated = await db.$transaction(async (tx) => {
    const { user, structure } = await userOfHospital(tx, actor);
    const doc = await tx.hospitalDocument.findFirst({ where: { id: choice.documentId, structureId: structure.id } });
    if (!doc) throw new AppError("NOT_FOUND", "Document introuvable.");
    if (doc.status !== "DRAFT") throw new AppError("CONFLICT", "Ce document est déjà validé.");
    const decision = validationDecision(user, doc);
    if (!decision.allowed) throw new AppError("FORBIDDEN", `${ESTABLISHMENT_RULES[decision.rule]}.`);
    const patient = await tx.structurePatient.findUniqueOrThrow({ where: { id: doc.structurePatientId } });
    const entry = doc.catalogueEntryId ? await tx.documentCatalogueEntry.findUnique({ where: { id: doc.catalogueEntryId } }) : null;
    const refusal = notExportableReason(doc, entry);
    const sendable = refusal === null && hasNir(patient);
    if (sendable && !choice.sendToDmp && !choice.holdReason) throw new AppError("INVALID_INPUT", MISSING_REASON_MESSAGE);
    const held = sendable && !choice.sendToDmp;
    const status: DmpExportStatus = refusal !== null ? "NOT_EXPORTABLE" : !hasNir(patient) ? "NO_NIR" : held ? "HELD_BACK" : "PENDING";
    const message =
      status === "NOT_EXPORTABLE"
        ? (refusal as string)
        : status === "NO_NIR"
          ? "Document validé sans envoi au DMP : le NIR du patient n'est pas renseigné (identité non qualifiée)."
          : status === "HELD_BACK"
            ? `Document validé sans envoi au DMP — ${holdBackLabel(choice.holdReason ?? null, choice.holdText ?? null)}.`
            : "Document validé : envoi au DMP en cours.";
    await tx.hospitalDocument.update({
      where: { id: doc.id },
      data: {
        status: "VALIDATED",
        validatedById: user.id,
        validatedAt: now,
        masking: choice.masking,
        format: choice.format,
        sendToDmp: sendable && choice.sendToDmp,
        holdReason: held ? (choice.holdReason ?? null) : null,
        holdText: held && choice.holdReason === "OTHER" ? (choice.holdText ?? null) : null,
        dmpStatus: status,
        dmpMessage: status === "PENDING" ? null : message,
        updatedAt: now,
      },
    });
    await appendTrace(tx, {
      ...traceBase(actor, structure.name, request, now),
      action: "HOSPITAL_DOCUMENT_VALIDATE",
      reason: ESTABLISHMENT_RULES[decision.rule],
      detail: `${structure.name} — ${patientLine(patient)} : « ${doc.title} » validé, masquage « ${maskingLabel(choice.masking)} » ; ${DMP_EXPORT_STATUS_LABELS[status]}${held ? ` (${holdBackLabel(choice.holdReason ?? null, choice.holdText ?? null)})` : ""}`,
    });
    return { status, message };
  });
  if (validated.status !== "PENDING") return { status: validated.status, statusLabel: DMP_EXPORT_STATUS_LABELS[validated.status], message: validated.message };
  return sendToDmp(db, actor, choice.documentId, "Envoi automatique à la validation", request);
}

/** Submits a validated document to the DMP as it stands now (the patient's identity re-read), then records the outcome with its trace. */
async function sendToDmp(db: PrismaClient, actor: TProActor, documentId: string, why: string, request: TRequest): Promise<TValidationResult> {
  const now = request.now ?? platformNow();
  const { user, structure } = await userOfHospital(db, actor);
  const doc = await db.hospitalDocument.findUniqueOrThrow({ where: { id: documentId } });
  const patient = await db.structurePatient.findUniqueOrThrow({ where: { id: doc.structurePatientId } });
  const author = await db.professional.findUniqueOrThrow({ where: { id: doc.authorId }, select: { id: true, kind: true, idNat: true, rpps: true, title: true, firstName: true, lastName: true, profession: true, specialty: true, structureId: true } });
  if (!patient.nir) throw new AppError("INVALID_INPUT", "Le NIR du patient n'est pas renseigné : le document ne peut pas être envoyé au DMP.");
  const authorship = feedAuthorship({ mode: "INDIRECT", structureId: structure.id, submitter: user, author, typeCode: doc.typeCode });
  if (!authorship.allowed) throw new AppError("INVALID_INPUT", authorshipMessage(authorship.rule, personName(author), doc.typeCode));
  const result = await sendLetterToDmp(
    db,
    {
      structure,
      patient: { nir: patient.nir, birthDate: patient.birthDate, birthRank: patient.birthRank, firstName: patient.firstName, lastName: patient.lastName, localId: patient.localId, sex: patient.sex },
      author,
      submitterId: user.id,
      typeCode: doc.typeCode,
      title: doc.title,
      body: doc.body,
      serviceDate: doc.serviceDate,
      masking: doc.masking,
      format: doc.format === "CDA" ? "CDA" : "PDF",
    },
    { ipAddress: request.ipAddress ?? null, now },
  );
  const status: DmpExportStatus = result.outcome;
  await db.$transaction(async (tx) => {
    await tx.hospitalDocument.update({
      where: { id: doc.id },
      data: { dmpStatus: status, dmpMessage: result.message, dmpDocumentId: result.documentId, dmpSentAt: now, dmpAttempts: { increment: 1 }, updatedAt: now },
    });
    await appendTrace(tx, {
      ...traceBase(actor, structure.name, request, now),
      action: "HOSPITAL_DMP_SEND",
      reason: why,
      detail: `${structure.name} — ${patientLine(patient)} : « ${doc.title} » → ${DMP_EXPORT_STATUS_LABELS[status]} (${result.message})`,
    });
  });
  return { status, statusLabel: DMP_EXPORT_STATUS_LABELS[status], message: result.message };
}

/**
 * « Renvoyer au DMP » from the « Suivi export » form: a document held back (by its author
 * only: it was their decision), waiting for a NIR, or refused (certification KO, no
 * record…) after the identity was corrected. A fed document is never sent twice, a
 * non-exportable one never: the refusal says so and changes nothing.
 */
export async function resendDocument(db: PrismaClient, actor: TProActor, documentId: string, request: TRequest = {}): Promise<TValidationResult> {
  const { user, structure } = await userOfHospital(db, actor);
  const doc = await db.hospitalDocument.findFirst({ where: { id: documentId.slice(0, 64), structureId: structure.id } });
  if (!doc) throw new AppError("NOT_FOUND", "Document introuvable.");
  if (doc.status !== "VALIDATED") throw new AppError("CONFLICT", "Ce document n'est pas encore validé : validez-le, l'envoi se fait alors automatiquement.");
  if (doc.dmpStatus === "FED_OK") throw new AppError("CONFLICT", "Ce document a déjà alimenté le DMP : il n'est pas renvoyé.");
  if (!RESENDABLE.has(doc.dmpStatus)) throw new AppError("CONFLICT", doc.dmpMessage ?? "Ce document n'est pas exportable vers le DMP.");
  if (doc.dmpStatus === "HELD_BACK") {
    const decision = validationDecision(user, doc);
    if (!decision.allowed) throw new AppError("FORBIDDEN", "Seul le médecin auteur envoie un document qu'il a retenu.");
  }
  const patient = await db.structurePatient.findUniqueOrThrow({ where: { id: doc.structurePatientId } });
  if (!hasNir(patient)) throw new AppError("INVALID_INPUT", "Le NIR du patient n'est toujours pas renseigné : demandez-le aux admissions avant de renvoyer le document.");
  return sendToDmp(db, actor, doc.id, doc.dmpStatus === "HELD_BACK" ? "Envoi d'un document retenu" : "Renvoi après correction", request);
}
