import { AppError, type TAppErrorCode } from "@/lib/errors/app-error";

/** Why a card was refused, with the French message the professional reads. */
export const CARD_REFUSALS = {
  INVALID_CARD_FILE: { code: "INVALID_INPUT", message: "Ce fichier n'est pas une carte CPS du simulateur (fichier .cps.json attendu)." },
  INVALID_PIN_FORMAT: { code: "INVALID_INPUT", message: "Le code porteur (PIN) comporte 4 chiffres." },
  INVALID_PUK_FORMAT: { code: "INVALID_INPUT", message: "Le code de déblocage (PUK) comporte 8 chiffres." },
  UNKNOWN_CARD: { code: "UNAUTHORIZED", message: "Carte inconnue : ce fichier ne correspond à aucune carte CPS émise." },
  WRONG_PIN: { code: "UNAUTHORIZED", message: "Code porteur incorrect." },
  BLOCKED: { code: "LOCKED", message: "Carte bloquée : saisissez le code de déblocage." },
  OPPOSED: { code: "FORBIDDEN", message: "Carte en opposition : cette carte a été déclarée perdue ou volée et ne peut plus être utilisée." },
  EXPIRED: { code: "EXPIRED", message: "Carte expirée : sa date de fin de validité est dépassée." },
  NOT_YET_VALID: { code: "UNAUTHORIZED", message: "Carte pas encore valide : sa date de début de validité n'est pas atteinte." },
  FOREIGN_CA: {
    code: "UNAUTHORIZED",
    message: "Carte refusée : son certificat n'est pas émis par l'autorité de certification IGC-Santé de test du simulateur.",
  },
  CERTIFICATE_MISMATCH: { code: "UNAUTHORIZED", message: "Carte refusée : le certificat présenté ne correspond pas à la carte émise." },
  BAD_SIGNATURE: { code: "UNAUTHORIZED", message: "Carte refusée : la signature du défi est invalide (carte altérée)." },
  CHALLENGE_INVALID: { code: "UNAUTHORIZED", message: "Défi de connexion invalide, expiré ou déjà utilisé : recommencez la connexion." },
  WRONG_PUK: { code: "UNAUTHORIZED", message: "Code de déblocage incorrect." },
  PUK_LOCKED: { code: "LOCKED", message: "Trop de codes de déblocage incorrects : réessayez dans 24 heures." },
  NOT_BLOCKED: { code: "CONFLICT", message: "Cette carte n'est pas bloquée." },
  INVALID_NEW_PIN_FORMAT: { code: "INVALID_INPUT", message: "Le nouveau code porteur comporte exactement 4 chiffres." },
  SAME_PIN: { code: "INVALID_INPUT", message: "Le nouveau code porteur doit être différent du code porteur actuel." },
  RETIRED_FILE: {
    code: "UNAUTHORIZED",
    message:
      "Ce fichier de carte n'est plus valide : le code porteur a été changé depuis. Choisissez le dernier fichier de votre carte (celui téléchargé lors du dernier changement de code).",
  },
} as const satisfies Record<string, { code: TAppErrorCode; message: string }>;

export type TCardRefusal = keyof typeof CARD_REFUSALS;

export class CardError extends AppError {
  readonly refusal: TCardRefusal;

  constructor(refusal: TCardRefusal, message?: string) {
    super(CARD_REFUSALS[refusal].code, message ?? CARD_REFUSALS[refusal].message);
    this.name = "CardError";
    this.refusal = refusal;
  }
}

export function isCardError(error: unknown): error is CardError {
  return error instanceof CardError;
}
