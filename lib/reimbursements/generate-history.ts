import { createRandom, type TRandom } from "@/lib/random/prng";
import {
  ACUTE_MEDICINES,
  ACUTE_STAYS,
  CHRONIC_MEDICINES,
  GP_ACTS,
  HOSPITAL_MEDICINES,
  IMAGING_ACTS,
  PARAMEDICAL_ACTS,
  PROFILE_IMAGING,
  PROFILE_STAYS,
  SPECIALIST_ACTS,
  SUPPLIES,
  type TAct,
  type TMedicine,
  type TStay,
} from "./catalog";

/**
 * A plausible Assurance Maladie history for a patient (the simulator has no real SNIIRAM
 * feed). Each calendar month is generated on its own, from a generator seeded by the patient
 * and the month: a month's lines are the same whenever they are generated, so the monthly job
 * can bring the new months in as time passes and a re-run adds nothing twice.
 */

export type TReimbursementCategory = "PHARMACY" | "HOSPITAL_STAY" | "CARE" | "RADIOLOGY";

/** One line of the statement, in the columns of its section. */
export type TStatementLine = {
  category: TReimbursementCategory;
  /** YYYY-MM-DD: delivery, admission or performance date. */
  date: string;
  /** CIP13 / LPP code (pharmacy), NGAP letter or CCAM code (care, imaging), GHM (stays). */
  actCode: string;
  /** Medicine or supply, act label, or the nature of the stay. */
  label: string;
  /** The performer's specialty (care and imaging), null elsewhere. */
  specialty: string | null;
  /** Quantity delivered; negative for a return. 1 outside the pharmacy. */
  quantity: number;
  activeIngredients: string | null;
  /** The statement's « H »: delivered or performed in a hospital or establishment. */
  deliveredInHospital: boolean;
  /** Hospital stays: length in days. */
  stayDays: number | null;
};

export const CARE_PROFILES = ["GENERAL", "CARDIOVASCULAR", "DIABETES", "HEART_FAILURE", "CANCER"] as const;
export type TCareProfile = (typeof CARE_PROFILES)[number];

/** The key a patient's history is seeded by: their identity (INS), the same in the seed, the job and the tests. */
export function reimbursementSeedKey(p: { nir: string; birthDate: string; birthRank: number }): string {
  return `${p.nir}:${p.birthDate}:${p.birthRank}`;
}

/** The care profile a patient's history follows: the one stored on the record, else one drawn from the seed key. */
export function careProfileFor(seedKey: string, stored: string | null): TCareProfile {
  if (stored && (CARE_PROFILES as readonly string[]).includes(stored)) return stored as TCareProfile;
  const draw = createRandom(`remboursements:${seedKey}:profil`).next();
  if (draw < 0.45) return "GENERAL";
  if (draw < 0.65) return "CARDIOVASCULAR";
  if (draw < 0.8) return "DIABETES";
  if (draw < 0.9) return "HEART_FAILURE";
  return "CANCER";
}

export function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** The first day of the statement's 24 rolling months ending on `today` (same day, 24 months before). */
export function statementStart(today: string, months = 24): string {
  const [y, m, d] = today.split("-").map(Number) as [number, number, number];
  const first = new Date(Date.UTC(y, m - 1 - months, 1));
  const lastDay = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  return isoDay(new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth(), Math.min(d, lastDay))));
}

const SPECIALTIES_BY_PROFILE: Record<TCareProfile, string[]> = {
  GENERAL: [],
  CARDIOVASCULAR: ["CARDIOLOGIE"],
  DIABETES: ["ENDOCRINOLOGIE", "OPHTALMOLOGIE"],
  HEART_FAILURE: ["CARDIOLOGIE"],
  CANCER: ["ONCOLOGIE MEDICALE"],
};

const OCCASIONAL_SPECIALTIES = ["PNEUMOLOGIE", "OPHTALMOLOGIE", "DERMATOLOGIE", "GASTRO-ENTEROLOGIE", "CARDIOLOGIE"];

type TMonth = { year: number; month: number; days: number };

function day(rng: TRandom, m: TMonth, from = 1): string {
  const d = rng.int(Math.min(from, m.days), m.days);
  return `${m.year}-${String(m.month + 1).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}

const dayOfMonth = (date: string) => Number(date.slice(8, 10));

function medicineLine(date: string, m: TMedicine, quantity: number, inHospital = false): TStatementLine {
  return { category: "PHARMACY", date, actCode: m.code, label: m.label, specialty: null, quantity, activeIngredients: m.ingredients, deliveredInHospital: inHospital, stayDays: null };
}

function actLine(category: "CARE" | "RADIOLOGY", date: string, a: TAct, inHospital = false): TStatementLine {
  return { category, date, actCode: a.code, label: a.label, specialty: a.specialty, quantity: 1, activeIngredients: null, deliveredInHospital: inHospital, stayDays: null };
}

function stayLine(rng: TRandom, date: string, s: TStay): TStatementLine {
  return { category: "HOSPITAL_STAY", date, actCode: s.code, label: s.nature, specialty: null, quantity: 1, activeIngredients: null, deliveredInHospital: true, stayDays: rng.int(s.days[0], s.days[1]) };
}

/** Boxes of 90 last three months: delivered one month in three. */
const isQuarterly = (m: TMedicine) => / 90$/.test(m.label);

/**
 * The lines of one calendar month (month 0-11) for a patient, sorted by date. A minor's
 * month follows the general profile whatever the record's profile says.
 */
export function generateMonth(seedKey: string, profile: TCareProfile, birthDate: string, year: number, month: number): TStatementLine[] {
  const rng = createRandom(`remboursements:${seedKey}:${year}-${month + 1}`);
  const traits = createRandom(`remboursements:${seedKey}:traits`);
  const m: TMonth = { year, month, days: new Date(Date.UTC(year, month + 1, 0)).getUTCDate() };
  const adultFrom = `${Number(birthDate.slice(0, 4)) + 18}${birthDate.slice(4)}`;
  const effective: TCareProfile = `${year}-${String(month + 1).padStart(2, "0")}-01` < adultFrom ? "GENERAL" : profile;
  const chronic = effective === "GENERAL" ? (traits.chance(0.3) ? CHRONIC_MEDICINES.THYROID : []) : CHRONIC_MEDICINES[effective];
  const gpRate = effective === "GENERAL" ? 0.2 + traits.next() * 0.3 : 0.6 + traits.next() * 0.3;
  const lines: TStatementLine[] = [];

  if (rng.chance(gpRate)) {
    const date = day(rng, m);
    lines.push(actLine("CARE", date, rng.pick(GP_ACTS)));
    if (rng.chance(0.6)) {
      const pharmacyDate = day(rng, m, dayOfMonth(date));
      for (const med of rng.sample(ACUTE_MEDICINES, rng.int(1, 3))) lines.push(medicineLine(pharmacyDate, med, rng.int(1, 2)));
      // Now and then a box goes back to the pharmacy: the statement shows it as -1.
      if (rng.chance(0.08)) lines.push(medicineLine(day(rng, m, dayOfMonth(pharmacyDate)), rng.pick(ACUTE_MEDICINES), -1));
    }
  }
  if (chronic.length > 0) {
    const date = day(rng, m);
    for (const med of chronic) if (!isQuarterly(med) || (year * 12 + month) % 3 === 0) lines.push(medicineLine(date, med, 1));
    if (effective === "DIABETES") for (const supply of SUPPLIES.DIABETES) lines.push(medicineLine(date, supply, rng.int(1, 2)));
  }
  for (const specialty of SPECIALTIES_BY_PROFILE[effective]) {
    if (rng.chance(0.25)) lines.push(actLine("CARE", day(rng, m), rng.pick(SPECIALIST_ACTS[specialty] ?? [])));
  }
  if (rng.chance(0.06)) lines.push(actLine("CARE", day(rng, m), rng.pick(SPECIALIST_ACTS[rng.pick(OCCASIONAL_SPECIALTIES)] ?? [])));
  if (rng.chance(0.08)) lines.push(actLine("CARE", day(rng, m), rng.pick(SPECIALIST_ACTS["CHIRURGIE DENTAIRE"] ?? [])));
  const nurseRate = effective === "DIABETES" || effective === "CANCER" ? 0.35 : 0.04;
  if (rng.chance(nurseRate)) {
    const count = rng.int(1, 4);
    for (let i = 0; i < count; i++) lines.push(actLine("CARE", day(rng, m), PARAMEDICAL_ACTS[0] as TAct));
    if (rng.chance(0.3)) lines.push(medicineLine(day(rng, m), rng.pick(SUPPLIES.CARE), 1));
  }
  if (rng.chance(0.04)) {
    const count = rng.int(2, 6);
    for (let i = 0; i < count; i++) lines.push(actLine("CARE", day(rng, m), PARAMEDICAL_ACTS[1] as TAct));
  }
  if (rng.chance(0.05)) lines.push(actLine("RADIOLOGY", day(rng, m), rng.pick(IMAGING_ACTS)));
  const profileImaging = PROFILE_IMAGING[effective];
  if (profileImaging && rng.chance(0.15)) lines.push(actLine("RADIOLOGY", day(rng, m), rng.pick(profileImaging), rng.chance(0.5)));
  // An outpatient consultation at the hospital: an « H » line of the care section.
  if (rng.chance(0.04)) lines.push(actLine("CARE", day(rng, m), { code: "CS", label: "CONSULTATION SPE", specialty: rng.pick(OCCASIONAL_SPECIALTIES) }, true));

  const profileStays = PROFILE_STAYS[effective];
  const stayRate = effective === "CANCER" ? 0.5 : effective === "HEART_FAILURE" ? 0.06 : effective === "DIABETES" ? 0.03 : 0;
  const stays: TStay[] = [];
  // The first stay of a profile is its recurring one (chemotherapy sessions…); the others are rare events.
  if (profileStays && rng.chance(stayRate)) stays.push(rng.chance(0.85) ? (profileStays[0] as TStay) : rng.pick(profileStays));
  if (rng.chance(0.012)) stays.push(rng.pick(ACUTE_STAYS));
  for (const stay of stays) {
    const admission = day(rng, m);
    lines.push(stayLine(rng, admission, stay));
    // What the hospital delivered during the stay, marked « H »; a box handed back comes out as -1.
    for (const med of rng.sample(HOSPITAL_MEDICINES, rng.int(1, 2))) lines.push(medicineLine(admission, med, 1, true));
    if (rng.chance(0.3)) lines.push(medicineLine(admission, rng.pick(HOSPITAL_MEDICINES), -1, true));
  }

  return lines
    .map((line, i) => ({ line, i }))
    .filter(({ line }) => line.date >= birthDate)
    .sort((a, b) => a.line.date.localeCompare(b.line.date) || a.i - b.i)
    .map(({ line }) => line);
}

/**
 * The lines dated after `after` (exclusive, or from the beginning of `through`'s 24 months
 * when null) up to `through` (inclusive), month by month, sorted by date.
 */
export function generateReimbursementHistory(input: {
  seedKey: string;
  profile: TCareProfile;
  birthDate: string;
  after: string | null;
  through: string;
}): TStatementLine[] {
  const from = input.after === null || input.after < statementStart(input.through) ? null : input.after;
  const start = from ?? statementStart(input.through);
  const lines: TStatementLine[] = [];
  let year = Number(start.slice(0, 4));
  let month = Number(start.slice(5, 7)) - 1;
  const endKey = Number(input.through.slice(0, 4)) * 12 + Number(input.through.slice(5, 7)) - 1;
  while (year * 12 + month <= endKey) {
    for (const line of generateMonth(input.seedKey, input.profile, input.birthDate, year, month)) {
      const inRange = from === null ? line.date >= start : line.date > from;
      if (inRange && line.date <= input.through) lines.push(line);
    }
    month += 1;
    if (month === 12) {
      month = 0;
      year += 1;
    }
  }
  return lines;
}
