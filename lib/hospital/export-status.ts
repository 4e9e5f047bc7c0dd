import type { DmpExportStatus, FeedOutcome, HoldBackReason } from "@/lib/generated/prisma/enums";

/** The deck's reasons for unticking « Envoi DMP » (slide « Confidentialité gérée par les professionnels de santé »), plus « autre » with a text. */
export const HOLD_BACK_REASONS: Readonly<Record<HoldBackReason, string>> = {
  ANNOUNCEMENT_CONSULTATION: "Une consultation d'annonce est nécessaire",
  FRAGILE_PATIENT: "Patient fragile psychologiquement",
  SENSITIVE_DOCUMENT: "Document sensible",
  OTHER: "Autre motif",
};
export const HOLD_BACK_REASON_CODES = Object.keys(HOLD_BACK_REASONS) as [HoldBackReason, ...HoldBackReason[]];

export function holdBackLabel(reason: HoldBackReason | null, text: string | null): string {
  if (!reason) return "";
  return reason === "OTHER" && text ? `Autre motif : ${text}` : HOLD_BACK_REASONS[reason];
}

/** How the « Suivi export » form names each status. */
export const DMP_EXPORT_STATUS_LABELS: Readonly<Record<DmpExportStatus, string>> = {
  NOT_EXPORTABLE: "Non exportable",
  PENDING: "En attente de validation",
  HELD_BACK: "Retenu (non envoyé)",
  NO_NIR: "Retenu : NIR manquant",
  CERTIFICATION_KO: "Certification KO",
  RECORD_NOT_FOUND: "DMP non trouvé",
  RECORD_CLOSED: "DMP fermé",
  REJECTED: "Rejeté",
  FED_OK: "Alimentation OK",
};

/** What the establishment should do next, for each status a document can be left in. */
export const DMP_EXPORT_NEXT_STEP: Partial<Readonly<Record<DmpExportStatus, string>>> = {
  HELD_BACK: "Le médecin auteur peut l'envoyer plus tard (après la consultation d'annonce, par exemple) avec « Renvoyer au DMP ».",
  NO_NIR:
    "Demandez l'ajout du NIR : copie de la carte Vitale et étiquette IPP aux admissions (hospitalisation) ou au traitement externe (consultation). Une fois le NIR confirmé, renvoyez le document.",
  CERTIFICATION_KO:
    "La date ou le rang de naissance du dossier de l'établissement diffère de celui du DMP : faites corriger l'identité par les admissions (pièce d'identité à l'appui), puis renvoyez le document.",
  RECORD_NOT_FOUND: "Le patient n'a pas de DMP ouvert : proposez-lui d'en ouvrir un, puis renvoyez le document — ou envoyez-le par MSSanté.",
  RECORD_CLOSED: "Le DMP du patient est fermé : le document peut être envoyé par MSSanté.",
  REJECTED: "Le DMP a refusé le document : vérifiez son auteur et son type, puis renvoyez-le.",
};

/** The statuses a resend applies to: never a fed document, never one that may not be exported. */
export const RESENDABLE: ReadonlySet<DmpExportStatus> = new Set(["HELD_BACK", "NO_NIR", "CERTIFICATION_KO", "RECORD_NOT_FOUND", "RECORD_CLOSED", "REJECTED"]);

export function statusOfOutcome(outcome: FeedOutcome): DmpExportStatus {
  return outcome;
}
