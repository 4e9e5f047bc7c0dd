import type { OtpPurpose } from "@/lib/generated/prisma/enums";

/** The `motif` filter of /dev/codes, in the words of the README, and back. */
export const CODE_PURPOSE_BY_MOTIF = {
  connexion: "LOGIN",
  reinitialisation: "PASSWORD_RESET",
  coordonnees: "CONTACT_CHANGE",
  ouverture: "SIGNUP",
} as const satisfies Record<string, OtpPurpose>;

export type TCodeMotif = keyof typeof CODE_PURPOSE_BY_MOTIF;

export function purposeOfMotif(motif: string): OtpPurpose | null {
  return Object.hasOwn(CODE_PURPOSE_BY_MOTIF, motif) ? CODE_PURPOSE_BY_MOTIF[motif as TCodeMotif] : null;
}

export function motifOfPurpose(purpose: OtpPurpose): TCodeMotif {
  return (Object.keys(CODE_PURPOSE_BY_MOTIF) as TCodeMotif[]).find((m) => CODE_PURPOSE_BY_MOTIF[m] === purpose) ?? "connexion";
}
