import type { Db } from "@/lib/db/types";

/** One answer for "unknown" and "data mismatch": it must reveal nothing about anyone. */
export const IDENTITY_NOT_RECOGNIZED =
  "Nous n'avons pas pu vérifier votre identité. Vérifiez votre numéro de sécurité sociale, votre date de naissance, " +
  "votre rang de naissance et le numéro de série de votre carte Vitale, puis réessayez.";

export type TBeneficiaryQuery = { nir: string; birthDate: string; birthRank: number; vitaleSerial: string };

export function normalizeVitaleSerial(input: string): string {
  return input.replace(/[\s.\-]/g, "").toUpperCase();
}

/**
 * The registry row matching all four traits (NIR, birth date, birth rank, Vitale card
 * serial), or null. Callers show IDENTITY_NOT_RECOGNIZED for null, whatever the cause.
 */
export async function checkBeneficiary(db: Db, query: TBeneficiaryQuery) {
  const row = await db.beneficiary.findUnique({
    where: { nir_birthDate_birthRank: { nir: query.nir, birthDate: query.birthDate, birthRank: query.birthRank } },
  });
  if (!row || normalizeVitaleSerial(row.vitaleSerial) !== normalizeVitaleSerial(query.vitaleSerial)) return null;
  return row;
}
