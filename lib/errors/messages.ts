import { AppError, type TAppErrorCode } from "./app-error";

const MESSAGES: Record<TAppErrorCode, string> = {
  INVALID_INPUT: "Les informations saisies ne sont pas valides. Vérifiez les champs signalés.",
  NOT_FOUND: "Élément introuvable.",
  UNAUTHORIZED: "Vous devez vous identifier pour accéder à cette page.",
  FORBIDDEN: "Action non autorisée.",
  LOCKED: "Trop de tentatives infructueuses. Réessayez plus tard.",
  CONFLICT: "Cette action a déjà été effectuée ou entre en conflit avec une autre.",
  EXPIRED: "Ce code a expiré. Demandez-en un nouveau.",
  TOO_LARGE: "Le fichier dépasse la taille autorisée.",
  UNSUPPORTED_MEDIA_TYPE: "Ce type de fichier n'est pas accepté.",
  INVALID_NIR: "Le numéro de sécurité sociale (NIR) n'est pas valide.",
  IDENTITY_MISMATCH: "Les informations d'identité ne correspondent pas.",
  RECORD_CLOSED: "Ce dossier est fermé.",
  INTERNAL: "Une erreur inattendue est survenue. Réessayez dans un instant.",
};

/** The French message for any thrown value: an AppError's own, or a generic one. */
export function userMessageFor(error: unknown): string {
  if (error instanceof AppError) return error.userMessage ?? MESSAGES[error.code];
  return MESSAGES.INTERNAL;
}

export function messageForCode(code: TAppErrorCode): string {
  return MESSAGES[code];
}
