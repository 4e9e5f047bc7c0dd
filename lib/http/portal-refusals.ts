import type { TRefusal } from "./refusal-page";

/**
 * The refusals the portals' route handlers answer (lib/http/refusal-page.ts renders them).
 * A refused document and an unknown one get the same refusal: nothing in it depends on the
 * document, only on where the reader can go back to.
 */

export const PATIENT_SIGN_IN_REQUIRED: TRefusal = {
  status: 401,
  title: "Connexion requise",
  message: "Vous n'êtes pas connecté(e) ou votre session a pris fin : identifiez-vous pour continuer.",
  wayBack: [{ href: "/patient/connexion", label: "Se connecter" }],
};

export const PATIENT_DOCUMENT_NOT_FOUND: TRefusal = {
  status: 404,
  title: "Document introuvable",
  message: "Ce document n'existe pas ou ne fait pas partie des documents que vous pouvez consulter.",
  wayBack: [{ href: "/patient/documents", label: "Retour à mes documents" }],
};

export const PATIENT_HISTORY_NOT_FOUND: TRefusal = {
  status: 404,
  title: "Historique indisponible",
  message: "L'historique des accès de ce dossier ne peut pas être exporté depuis votre compte.",
  wayBack: [{ href: "/patient/historique", label: "Retour à l'historique" }],
};

/** A CDA without an embedded PDF: it can only be downloaded. */
export function patientCdaWithoutPdf(documentId: string): TRefusal {
  return {
    status: 404,
    title: "Aperçu indisponible",
    message: "Ce document structuré (CDA) ne contient pas de PDF : téléchargez-le depuis sa fiche pour le lire.",
    wayBack: [{ href: `/patient/documents/${encodeURIComponent(documentId)}`, label: "Retour au document" }],
  };
}

export const PRO_SIGN_IN_REQUIRED: TRefusal = {
  status: 401,
  title: "Connexion requise",
  message: "Vous devez vous identifier avec votre carte CPS pour ouvrir ce document.",
  wayBack: [{ href: "/pro/connexion", label: "Se connecter avec la carte CPS" }],
};

/**
 * A document the professional may not open, or that does not exist. « Retour au dossier »
 * only when the record itself is open to them: the record page already says whether it is,
 * so the link tells nothing new about the document.
 */
export function proDocumentNotFound(record: { patientId: string; readable: boolean }): TRefusal {
  const message = "Ce document n'existe pas ou vous n'êtes pas autorisé à le consulter.";
  if (!record.readable) {
    return { status: 404, title: "Document introuvable", message, wayBack: [{ href: "/pro", label: "Rechercher un patient" }] };
  }
  return {
    status: 404,
    title: "Document introuvable",
    message,
    wayBack: [
      { href: `/pro/patients/${encodeURIComponent(record.patientId)}`, label: "Retour au dossier" },
      { href: "/pro", label: "Rechercher un patient" },
    ],
  };
}
