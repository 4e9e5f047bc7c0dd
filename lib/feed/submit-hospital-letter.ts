import { randomUUID } from "node:crypto";
import { z } from "zod";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { FeedOutcome } from "@/lib/generated/prisma/enums";
import { AppError } from "@/lib/errors/app-error";
import { feedAuthorship, mayAuthorType, type TFeedDenyRule } from "@/lib/access/feed-rules";
import { documentTypeLabel } from "@/lib/reference/document-types";
import { buildProvideBundle } from "@/lib/fhir/build-provide-bundle";
import { isFhirError } from "@/lib/fhir/operation-outcome";
import { ingestBundle } from "./ingest-bundle";
import { getLetterTemplate, LETTER_TEMPLATES } from "./letter-templates";
import { renderLetterPdf } from "./render-letter-pdf";
import { FEED_OUTCOME_LABELS } from "./feed-outcomes";
import { buildCda } from "@/lib/cda/build-cda";
import { CDA_FORMATS, CDA_MEDIA_TYPE, cdaFormatCoding } from "@/lib/cda/constants";
import { platformNow } from "@/lib/clock/clock";
import { agree, bornOn, type TSex } from "@/lib/text/french";
import { ZRowId } from "@/lib/http/row-id";

export const MASKING_CHOICES = {
  NONE: "Non masqué",
  MASQUE_PS: "Masqué aux professionnels de santé",
  INVISIBLE_PATIENT: "Invisible au patient (en attente de la consultation d'annonce)",
  INVISIBLE_REPRESENTANTS_LEGAUX: "Invisible aux représentants légaux",
} as const;
export type TMaskingChoice = keyof typeof MASKING_CHOICES;

/** The format the letter is sent in: the PDF itself, or a CDA R2 carrying it (CI-SIS structuration minimale). */
export const LETTER_FORMATS = {
  PDF: "PDF",
  CDA: "CDA R2 (structuration minimale, PDF dans le corps non structuré)",
} as const;
export type TLetterFormat = keyof typeof LETTER_FORMATS;
const CDA_PDF_FORMAT = CDA_FORMATS.find((f) => f.body === "pdf") as (typeof CDA_FORMATS)[number];

export const ZHospitalLetterInput = z.object({
  structurePatientId: ZRowId,
  templateId: z.string().min(1).max(40),
  title: z.string().trim().min(3, "Saisissez un titre (3 caractères au moins).").max(200),
  body: z.string().trim().min(10, "Rédigez le contenu du document.").max(20_000, "Le document dépasse 20 000 caractères."),
  authorId: z.string().min(1, "Choisissez le médecin auteur.").max(64),
  serviceDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "Date au format AAAA-MM-JJ.").refine((s) => !Number.isNaN(Date.parse(s)), "Date invalide."),
  masking: z.enum(Object.keys(MASKING_CHOICES) as [TMaskingChoice, ...TMaskingChoice[]]).default("NONE"),
  sendToDmp: z.boolean(),
  format: z.enum(Object.keys(LETTER_FORMATS) as [TLetterFormat, ...TLetterFormat[]], "Choisissez le format : PDF ou CDA R2.").optional(),
});
export type THospitalLetterInput = z.infer<typeof ZHospitalLetterInput>;

export type THospitalLetterResult =
  | { sent: false; reason: string }
  | { sent: true; outcome: FeedOutcome; outcomeLabel: string; message: string; documentId: string | null };

/** The hospital user's own structure, which must be a hospital. */
export async function hospitalOfProfessional(db: PrismaClient, professionalId: string) {
  const p = await db.professional.findUnique({ where: { id: professionalId }, select: { structure: { select: { id: true, name: true, finess: true, kind: true } } } });
  if (!p?.structure || p.structure.kind !== "HOSPITAL") return null;
  return p.structure;
}

const PERSON_SELECT = { id: true, kind: true, title: true, firstName: true, lastName: true, profession: true, specialty: true, structureId: true, idNat: true, rpps: true } as const;

export function personName(p: { title: string | null; firstName: string; lastName: string }): string {
  return [p.title, p.firstName, p.lastName].filter(Boolean).join(" ");
}

/**
 * The authors the letter form offers the signed-in user: a health professional signs in
 * their own name; staff (a medical secretary) chooses among the structure's health
 * professionals who may author at least one letter type (the type itself is checked on
 * validation, lib/access/feed-rules).
 */
export async function letterAuthorChoices(db: PrismaClient, userId: string) {
  const user = await db.professional.findUnique({ where: { id: userId }, select: PERSON_SELECT });
  if (!user?.structureId) return [];
  const candidates =
    user.kind === "HEALTH_PROFESSIONAL"
      ? [user]
      : await db.professional.findMany({ where: { structureId: user.structureId, kind: "HEALTH_PROFESSIONAL" }, orderBy: [{ lastName: "asc" }], select: PERSON_SELECT });
  return candidates
    .filter((p) => LETTER_TEMPLATES.some((t) => mayAuthorType(p, t.typeCode)))
    .map(({ id, title, firstName, lastName, profession, specialty }) => ({ id, title, firstName, lastName, profession, specialty }));
}

/** The form's French message for each authorship refusal. */
export function authorshipMessage(rule: TFeedDenyRule, authorName: string, typeCode: string): string {
  switch (rule) {
    case "HEALTH_PROFESSIONAL_SIGNS_FOR_COLLEAGUE":
    case "CARD_HOLDER_NOT_AUTHOR":
      return "Vous signez les documents en votre nom : choisissez-vous comme auteur.";
    case "TYPE_NOT_AUTHORABLE":
      return `${authorName} ne peut pas être l'auteur d'un document « ${documentTypeLabel(typeCode)} » : choisissez un professionnel habilité.`;
    default:
      return "Le médecin auteur doit être un professionnel de santé de l'établissement.";
  }
}

/**
 * The hospital simulator's "Valider": renders the letter as PDF and, when "Envoi DMP" is
 * ticked and the patient has a qualified identity with a NIR, builds an ITI-65 bundle
 * (lib/fhir) and submits it through the SAME ingestion as POST /api/fhir, as the
 * structure in indirect mode with the signed-in user named as the submitter. Who may sign
 * is decided here from the database, whatever author the form sent (lib/access/feed-rules).
 */
export async function submitHospitalLetter(db: PrismaClient, userId: string, input: THospitalLetterInput, request: { ipAddress?: string | null; now?: Date } = {}): Promise<THospitalLetterResult> {
  const now = request.now ?? platformNow();
  const structure = await hospitalOfProfessional(db, userId);
  if (!structure) throw new AppError("FORBIDDEN", "Le simulateur hospitalier est réservé au personnel d'un établissement de santé.");
  const patient = await db.structurePatient.findFirst({ where: { id: input.structurePatientId, structureId: structure.id } });
  if (!patient) throw new AppError("NOT_FOUND", "Patient introuvable dans cet établissement.");
  const template = getLetterTemplate(input.templateId);
  if (!template) throw new AppError("INVALID_INPUT", "Modèle de courrier inconnu.");
  const [user, author] = await Promise.all([
    db.professional.findUniqueOrThrow({ where: { id: userId }, select: PERSON_SELECT }),
    db.professional.findUnique({ where: { id: input.authorId }, select: PERSON_SELECT }),
  ]);
  const authorship = feedAuthorship({ mode: "INDIRECT", structureId: structure.id, submitter: user, author, typeCode: template.typeCode });
  if (!authorship.allowed || !author) {
    throw new AppError("INVALID_INPUT", authorshipMessage(authorship.allowed ? "AUTHOR_NOT_OF_STRUCTURE" : authorship.rule, author ? personName(author) : "", template.typeCode));
  }
  if (input.serviceDate > now.toISOString().slice(0, 10)) throw new AppError("INVALID_INPUT", "La date de l'acte ne peut pas être dans le futur.");

  if (!input.sendToDmp) return { sent: false, reason: "Document validé sans envoi au DMP (case « Envoi DMP » décochée)." };
  if (!patient.nir || patient.identityStatus !== "QUALIFIED") {
    return { sent: false, reason: "Document validé sans envoi au DMP : l'identité du patient n'est pas qualifiée (pas de NIR)." };
  }
  return sendLetterToDmp(
    db,
    { structure, patient: { ...patient, nir: patient.nir }, author, submitterId: userId, typeCode: template.typeCode, title: input.title, body: input.body, serviceDate: input.serviceDate, masking: input.masking, format: input.format ?? "PDF" },
    { ipAddress: request.ipAddress, now },
  );
}

export type TLetterToSend = {
  structure: { id: string; name: string; finess: string };
  patient: { nir: string; birthDate: string; birthRank: number; firstName: string; lastName: string; localId: string; sex?: TSex };
  author: { idNat: string; rpps: string | null; title: string | null; firstName: string; lastName: string };
  /** The signed-in user who submits (indirect mode, lib/access/feed-rules). */
  submitterId: string;
  typeCode: string;
  title: string;
  body: string;
  serviceDate: string;
  masking: TMaskingChoice;
  format: TLetterFormat;
};

export type TLetterSendResult = { sent: true; outcome: FeedOutcome; outcomeLabel: string; message: string; documentId: string | null };

/**
 * Renders a checked letter (PDF, or CDA R2 carrying it) and submits it through the SAME
 * ingestion as POST /api/fhir (ITI-65 bundle built by lib/fhir), as the structure in
 * indirect mode. Authorship must have been checked by the caller.
 */
export async function sendLetterToDmp(db: PrismaClient, letter: TLetterToSend, request: { ipAddress?: string | null; now: Date }): Promise<TLetterSendResult> {
  const { structure, patient, author } = letter;
  const now = request.now;
  const authorName = personName(author);
  const bytes = await renderLetterPdf({
    structureName: `${structure.name} — FINESS ${structure.finess}`,
    title: letter.title,
    patientLine: `${agree(patient.sex, "Patient", "Patiente")} : ${patient.firstName} ${patient.lastName.toUpperCase()}, ${bornOn(patient.sex, patient.birthDate)} — IPP ${patient.localId}`,
    authorLine: `Auteur : ${authorName} — RPPS ${author.rpps ?? author.idNat}`,
    body: letter.body,
    date: now,
  });
  const masking = {
    hiddenFromPros: letter.masking === "MASQUE_PS",
    hiddenFromPatient: letter.masking === "INVISIBLE_PATIENT",
    hiddenFromLegalReps: letter.masking === "INVISIBLE_REPRESENTANTS_LEGAUX",
  };
  const uniqueId = `urn:uuid:${randomUUID()}`;
  const content =
    letter.format === "CDA"
      ? {
          contentType: CDA_MEDIA_TYPE,
          bytes: new TextEncoder().encode(
            buildCda({
              uniqueId,
              typeCode: letter.typeCode,
              title: letter.title,
              createdAt: now,
              serviceDate: letter.serviceDate,
              patient: { nir: patient.nir, birthDate: patient.birthDate, family: patient.lastName, given: patient.firstName },
              author: { idNat: author.idNat, family: author.lastName, given: author.firstName, ...(author.title ? { prefix: author.title } : {}) },
              custodian: { finess: structure.finess, name: structure.name },
              body: { kind: "pdf", pdf: bytes },
            }),
          ),
        }
      : { bytes, contentType: "application/pdf" };
  const bundle = buildProvideBundle(
    [
      {
        uniqueId,
        patient: { nir: patient.nir, birthDate: patient.birthDate, birthRank: patient.birthRank, family: patient.lastName, given: patient.firstName },
        typeCode: letter.typeCode,
        title: letter.title,
        authorIdNat: author.idNat,
        custodianFiness: structure.finess,
        masking,
        serviceDate: letter.serviceDate,
        content,
        ...(letter.format === "CDA" ? { format: cdaFormatCoding(CDA_PDF_FORMAT) } : {}),
      },
    ],
    { sourceFiness: structure.finess, now },
  );
  try {
    const result = await ingestBundle(db, { mode: "INDIRECT", structureId: structure.id, professionalId: letter.submitterId }, bundle, { ipAddress: request.ipAddress ?? null, now });
    const first = result.results[0];
    if (!first) return { sent: true, outcome: "REJECTED", outcomeLabel: FEED_OUTCOME_LABELS.REJECTED, message: "Aucun document traité.", documentId: null };
    return { sent: true, outcome: first.outcome, outcomeLabel: FEED_OUTCOME_LABELS[first.outcome], message: first.message, documentId: first.documentId };
  } catch (error) {
    if (isFhirError(error)) return { sent: true, outcome: "REJECTED", outcomeLabel: FEED_OUTCOME_LABELS.REJECTED, message: error.message, documentId: null };
    throw error;
  }
}
