import { randomUUID } from "node:crypto";
import { z } from "zod";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { FeedOutcome } from "@/lib/generated/prisma/enums";
import { AppError } from "@/lib/errors/app-error";
import { buildProvideBundle } from "@/lib/fhir/build-provide-bundle";
import { isFhirError } from "@/lib/fhir/operation-outcome";
import { ingestBundle } from "./ingest-bundle";
import { getLetterTemplate } from "./letter-templates";
import { renderLetterPdf } from "./render-letter-pdf";
import { FEED_OUTCOME_LABELS } from "./feed-outcomes";

export const MASKING_CHOICES = {
  NONE: "Non masqué",
  MASQUE_PS: "Masqué aux professionnels de santé",
  INVISIBLE_PATIENT: "Invisible au patient (en attente de la consultation d'annonce)",
  INVISIBLE_REPRESENTANTS_LEGAUX: "Invisible aux représentants légaux",
} as const;
export type TMaskingChoice = keyof typeof MASKING_CHOICES;

export const ZHospitalLetterInput = z.object({
  structurePatientId: z.string().min(1).max(64),
  templateId: z.string().min(1).max(40),
  title: z.string().trim().min(3, "Saisissez un titre (3 caractères au moins).").max(200),
  body: z.string().trim().min(10, "Rédigez le contenu du document.").max(20_000, "Le document dépasse 20 000 caractères."),
  authorId: z.string().min(1, "Choisissez le médecin auteur.").max(64),
  serviceDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "Date au format AAAA-MM-JJ.").refine((s) => !Number.isNaN(Date.parse(s)), "Date invalide."),
  masking: z.enum(Object.keys(MASKING_CHOICES) as [TMaskingChoice, ...TMaskingChoice[]]).default("NONE"),
  sendToDmp: z.boolean(),
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

/**
 * The hospital simulator's "Valider": renders the letter as PDF and, when "Envoi DMP" is
 * ticked and the patient has a qualified identity with a NIR, builds an ITI-65 bundle
 * (lib/fhir) and submits it through the SAME ingestion as POST /api/fhir, as the
 * structure in indirect mode with the signed-in user named as the submitter.
 */
export async function submitHospitalLetter(db: PrismaClient, userId: string, input: THospitalLetterInput, request: { ipAddress?: string | null; now?: Date } = {}): Promise<THospitalLetterResult> {
  const now = request.now ?? new Date();
  const structure = await hospitalOfProfessional(db, userId);
  if (!structure) throw new AppError("FORBIDDEN", "Le simulateur hospitalier est réservé au personnel d'un établissement de santé.");
  const patient = await db.structurePatient.findFirst({ where: { id: input.structurePatientId, structureId: structure.id } });
  if (!patient) throw new AppError("NOT_FOUND", "Patient introuvable dans cet établissement.");
  const template = getLetterTemplate(input.templateId);
  if (!template) throw new AppError("INVALID_INPUT", "Modèle de courrier inconnu.");
  const author = await db.professional.findFirst({ where: { id: input.authorId, structureId: structure.id, kind: "HEALTH_PROFESSIONAL" } });
  if (!author) throw new AppError("INVALID_INPUT", "Le médecin auteur doit être un professionnel de santé de l'établissement.");
  if (input.serviceDate > now.toISOString().slice(0, 10)) throw new AppError("INVALID_INPUT", "La date de l'acte ne peut pas être dans le futur.");

  if (!input.sendToDmp) return { sent: false, reason: "Document validé sans envoi au DMP (case « Envoi DMP » décochée)." };
  if (!patient.nir || patient.identityStatus !== "QUALIFIED") {
    return { sent: false, reason: "Document validé sans envoi au DMP : l'identité du patient n'est pas qualifiée (pas de NIR)." };
  }
  const authorName = [author.title, author.firstName, author.lastName].filter(Boolean).join(" ");
  const bytes = await renderLetterPdf({
    structureName: `${structure.name} — FINESS ${structure.finess}`,
    title: input.title,
    patientLine: `Patient : ${patient.firstName} ${patient.lastName.toUpperCase()}, né(e) le ${patient.birthDate.split("-").reverse().join("/")} — IPP ${patient.localId}`,
    authorLine: `Auteur : ${authorName} — RPPS ${author.rpps ?? author.idNat}`,
    body: input.body,
    date: now,
  });
  const masking = {
    hiddenFromPros: input.masking === "MASQUE_PS",
    hiddenFromPatient: input.masking === "INVISIBLE_PATIENT",
    hiddenFromLegalReps: input.masking === "INVISIBLE_REPRESENTANTS_LEGAUX",
  };
  const bundle = buildProvideBundle(
    [
      {
        uniqueId: `urn:uuid:${randomUUID()}`,
        patient: { nir: patient.nir, birthDate: patient.birthDate, birthRank: patient.birthRank, family: patient.lastName, given: patient.firstName },
        typeCode: template.typeCode,
        title: input.title,
        authorIdNat: author.idNat,
        custodianFiness: structure.finess,
        masking,
        serviceDate: input.serviceDate,
        content: { bytes, contentType: "application/pdf" },
      },
    ],
    { sourceFiness: structure.finess, now },
  );
  try {
    const result = await ingestBundle(db, { mode: "INDIRECT", structureId: structure.id, professionalId: userId }, bundle, { ipAddress: request.ipAddress, now });
    const first = result.results[0];
    if (!first) return { sent: true, outcome: "REJECTED", outcomeLabel: FEED_OUTCOME_LABELS.REJECTED, message: "Aucun document traité.", documentId: null };
    return { sent: true, outcome: first.outcome, outcomeLabel: FEED_OUTCOME_LABELS[first.outcome], message: first.message, documentId: first.documentId };
  } catch (error) {
    if (isFhirError(error)) return { sent: true, outcome: "REJECTED", outcomeLabel: FEED_OUTCOME_LABELS.REJECTED, message: error.message, documentId: null };
    throw error;
  }
}
