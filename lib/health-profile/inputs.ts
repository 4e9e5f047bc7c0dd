import { z } from "zod";
import { parisDay } from "@/lib/access/representation";
import { platformNow } from "@/lib/clock/clock";

/**
 * What the health profile's forms and factories accept (zod, French messages). A refused
 * input changes nothing: the commands parse before they open a transaction.
 */

const blankToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);
const optionalText = (max: number, tooLong: string) => z.preprocess(blankToUndefined, z.string().trim().max(max, tooLong).optional());
const optionalId = z.preprocess(blankToUndefined, z.string().trim().min(1).max(64).optional());

function isRealDay(v: string): boolean {
  const d = new Date(`${v}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === v;
}

/** A calendar day (YYYY-MM-DD, what <input type="date"> sends) that exists. */
export const ZDay = z
  .string({ error: "Indiquez une date." })
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "Date attendue au format JJ/MM/AAAA.")
  .refine(isRealDay, "Cette date n'existe pas.");

/** A day not after today (French calendar, platform clock): vaccinations, measurements. */
const pastDay = (futureMessage: string) => ZDay.refine((d) => d <= parisDay(platformNow()), futureMessage).refine((d) => d >= "1900-01-01", "Date trop ancienne.");

/** French decimal numbers ("72,5") as well as "72.5". */
const number = (label: string) =>
  z.preprocess(
    (v) => (typeof v === "string" ? (v.trim() === "" ? undefined : Number(v.trim().replace(",", "."))) : v),
    z.number({ error: `Indiquez ${label} en chiffres.` }).refine(Number.isFinite, `Indiquez ${label} en chiffres.`),
  );

export const HISTORY_CATEGORIES = { MEDICAL: "Antécédent médical", SURGICAL: "Antécédent chirurgical" } as const;

export const ZHistoryInput = z.object({
  id: optionalId,
  category: z.enum(["MEDICAL", "SURGICAL"], { error: "Choisissez médical ou chirurgical." }),
  label: z.string({ error: "Indiquez l'antécédent." }).trim().min(2, "Indiquez l'antécédent.").max(160, "160 caractères au plus."),
  since: z.preprocess(
    blankToUndefined,
    z
      .string()
      .trim()
      .regex(/^\d{4}$/, "Année attendue sur 4 chiffres (par exemple 2015).")
      .refine((y) => y >= "1900" && y <= parisDay(platformNow()).slice(0, 4), "Cette année n'est pas possible.")
      .optional(),
  ),
  note: optionalText(300, "300 caractères au plus."),
});

export const ALLERGY_SEVERITIES = ["légère", "modérée", "sévère"] as const;

export const ZAllergyInput = z.object({
  id: optionalId,
  substance: z.string({ error: "Indiquez la substance." }).trim().min(2, "Indiquez la substance.").max(120, "120 caractères au plus."),
  reaction: optionalText(200, "200 caractères au plus."),
  severity: z.preprocess(blankToUndefined, z.enum(ALLERGY_SEVERITIES, { error: "Gravité inconnue." }).optional()),
});

export const ZTreatmentInput = z
  .object({
    id: optionalId,
    medication: z.string({ error: "Indiquez le médicament." }).trim().min(2, "Indiquez le médicament.").max(160, "160 caractères au plus."),
    dosage: z.string({ error: "Indiquez la posologie." }).trim().min(1, "Indiquez la posologie.").max(200, "200 caractères au plus."),
    startDate: ZDay,
    endDate: z.preprocess(blankToUndefined, ZDay.optional()),
  })
  .refine((t) => !t.endDate || t.endDate >= t.startDate, { message: "La date de fin précède la date de début.", path: ["endDate"] });

/** ATC class J07 (vaccines): J07 + two letters + two digits, e.g. J07BB02 (grippe). */
export const ATC_VACCINE_PATTERN = /^J07[A-Z]{2}\d{2}$/;

export const ZVaccinationInput = z.object({
  id: optionalId,
  vaccine: z.string({ error: "Indiquez le vaccin." }).trim().min(2, "Indiquez le vaccin.").max(120, "120 caractères au plus."),
  atcCode: z.preprocess(
    (v) => (typeof v === "string" ? (v.trim() === "" ? undefined : v.trim().toUpperCase()) : v),
    z.string().regex(ATC_VACCINE_PATTERN, "Code ATC de vaccin invalide : J07 suivi de deux lettres et deux chiffres (par exemple J07BB02).").optional(),
  ),
  date: pastDay("La date de vaccination ne peut pas être dans le futur."),
  dose: optionalText(60, "60 caractères au plus."),
  lot: z.preprocess(blankToUndefined, z.string().trim().max(40, "40 caractères au plus.").regex(/^[A-Za-z0-9-]+$/, "Numéro de lot : lettres, chiffres et tirets seulement.").optional()),
  administeredBy: optionalText(120, "120 caractères au plus."),
});

/** Measurements the patient enters, with their unit and the range a human value can take. */
export const MEASUREMENT_KINDS = {
  WEIGHT: { label: "Poids", unit: "kg", min: 0.5, max: 400 },
  HEIGHT: { label: "Taille", unit: "cm", min: 20, max: 250 },
  BLOOD_PRESSURE: { label: "Tension artérielle", unit: "mmHg", min: 50, max: 300 },
  BLOOD_GLUCOSE: { label: "Glycémie", unit: "g/L", min: 0.2, max: 6 },
} as const;
export type TMeasurementKind = keyof typeof MEASUREMENT_KINDS;

const FR = new Intl.NumberFormat("fr-FR", { maximumFractionDigits: 2 });

export const ZMeasurementInput = z
  .object({
    id: optionalId,
    kind: z.enum(["WEIGHT", "HEIGHT", "BLOOD_PRESSURE", "BLOOD_GLUCOSE"], { error: "Choisissez la mesure." }),
    value: number("la valeur"),
    secondValue: z.preprocess(
      (v) => (typeof v === "string" ? (v.trim() === "" ? undefined : Number(v.trim().replace(",", "."))) : v),
      z.number({ error: "Indiquez la tension diastolique en chiffres." }).refine(Number.isFinite, "Indiquez la tension diastolique en chiffres.").optional(),
    ),
    measuredOn: pastDay("La date de la mesure ne peut pas être dans le futur."),
  })
  .superRefine((m, issue) => {
    const k = MEASUREMENT_KINDS[m.kind];
    if (m.value < k.min || m.value > k.max) {
      issue.addIssue({
        code: "custom",
        path: ["value"],
        message: `${k.label} : la valeur doit être comprise entre ${FR.format(k.min)} et ${FR.format(k.max)} ${k.unit}.`,
      });
    }
    if (m.kind === "BLOOD_PRESSURE") {
      if (m.secondValue === undefined) issue.addIssue({ code: "custom", path: ["secondValue"], message: "Indiquez la tension diastolique (le second chiffre)." });
      else if (m.secondValue < 20 || m.secondValue > 200) issue.addIssue({ code: "custom", path: ["secondValue"], message: "Tension diastolique : la valeur doit être comprise entre 20 et 200 mmHg." });
      else if (m.secondValue >= m.value) issue.addIssue({ code: "custom", path: ["secondValue"], message: "La tension diastolique doit être inférieure à la systolique." });
    }
  })
  .transform((m) => ({ ...m, secondValue: m.kind === "BLOOD_PRESSURE" ? m.secondValue : undefined, unit: MEASUREMENT_KINDS[m.kind].unit }));

export const ORGAN_DONATION_CHOICES = {
  ACCEPTS: "Je suis favorable au don de mes organes et tissus",
  REFUSES: "Je refuse le don de mes organes (à inscrire aussi au registre national des refus)",
  UNDECIDED: "Je ne me prononce pas",
} as const;

export const ZEmergencyWishesInput = z
  .object({
    directivesLocation: optionalText(300, "300 caractères au plus."),
    trustedPersonName: optionalText(100, "100 caractères au plus."),
    trustedPersonRelationship: optionalText(60, "60 caractères au plus."),
    trustedPersonPhone: z.preprocess(
      blankToUndefined,
      z.string().trim().refine((v) => /^(?:\+33|0)[1-9](?:[\s.\-]?\d{2}){4}$/.test(v), "Numéro de téléphone invalide (par exemple 06 12 34 56 78).").optional(),
    ),
    organDonation: z.preprocess(blankToUndefined, z.enum(["ACCEPTS", "REFUSES", "UNDECIDED"], { error: "Choix inconnu." }).optional()),
  })
  .refine((w) => !w.trustedPersonPhone || w.trustedPersonName, { message: "Indiquez le nom de la personne de confiance.", path: ["trustedPersonName"] });

/** The entries the patient side may comment on or contest (a professional's). */
export const COMMENTABLE_ENTRY_KINDS = ["HISTORY", "ALLERGY", "TREATMENT", "VACCINATION"] as const;

export const ZEntryCommentInput = z.object({
  entryKind: z.enum(COMMENTABLE_ENTRY_KINDS, { error: "Information introuvable." }),
  entryId: z.string().trim().min(1, "Information introuvable.").max(64, "Information introuvable."),
  isContest: z.preprocess((v) => v === true || v === "true" || v === "on", z.boolean()),
  text: z.string({ error: "Écrivez votre commentaire." }).trim().min(3, "Écrivez votre commentaire (3 caractères au moins).").max(500, "500 caractères au plus."),
});

export type THistoryInput = z.infer<typeof ZHistoryInput>;
export type TAllergyInput = z.infer<typeof ZAllergyInput>;
export type TTreatmentInput = z.infer<typeof ZTreatmentInput>;
export type TVaccinationInput = z.infer<typeof ZVaccinationInput>;
export type TMeasurementInput = z.output<typeof ZMeasurementInput>;
export type TEmergencyWishesInput = z.infer<typeof ZEmergencyWishesInput>;
export type TEntryCommentInput = z.infer<typeof ZEntryCommentInput>;
