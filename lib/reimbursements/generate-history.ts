import { createRandom, type TRandom } from "@/lib/random/prng";

/**
 * A plausible 24-month Assurance Maladie history for a patient, the same for the same
 * seed key and day (the simulator has no real SNIIRAM feed). Codes look like the real
 * ones: CIP13 for drugs, NGAP letters for consultations and care, CCAM for imaging,
 * GHS for hospital stays; amounts are what the insurance reimbursed, in cents.
 */

export type TReimbursementCategory = "PHARMACY" | "HOSPITAL_STAY" | "CARE" | "RADIOLOGY";

export type TReimbursementHistoryItem = {
  category: TReimbursementCategory;
  /** YYYY-MM-DD */
  date: string;
  actCode: string;
  label: string;
  specialty: string | null;
  quantity: number;
  amountCents: number;
};

type TCatalogItem = {
  code: string;
  label: string;
  specialty: string;
  /** Full price in cents. */
  priceCents: number;
  /** Share the insurance pays (0.65 for most drugs, 0.7 for consultations...). */
  rate: number;
  /** Flat participation the patient keeps (2 € per consultation or imaging act). */
  participationCents?: number;
};

/** EAN-13 check digit, so the CIP13 codes pass a checksum like real ones do. */
function ean13(body12: string): string {
  let sum = 0;
  for (let i = 0; i < 12; i++) sum += Number(body12[i]) * (i % 2 === 0 ? 1 : 3);
  return `${body12}${(10 - (sum % 10)) % 10}`;
}

function drug(body7: string, label: string, priceCents: number, rate = 0.65): TCatalogItem {
  return { code: ean13(`34009${body7}`), label, specialty: "Pharmacie", priceCents, rate };
}

const ACUTE_DRUGS: readonly TCatalogItem[] = [
  drug("3009142", "Doliprane 1000 mg, comprimé, boîte de 8", 218),
  drug("3621455", "Amoxicilline 1 g, comprimé dispersible, boîte de 6", 352),
  drug("3580127", "Augmentin 1 g/125 mg, poudre en sachet, boîte de 8", 548),
  drug("3001287", "Dafalgan 1 g, comprimé effervescent, boîte de 8", 218),
  drug("3682374", "Ibuprofène 400 mg, comprimé, boîte de 30", 209),
  drug("3364012", "Spasfon 80 mg, comprimé, boîte de 30", 318, 0.3),
  drug("3391856", "Ventoline 100 µg, suspension pour inhalation", 391),
  drug("3745610", "Prednisolone 20 mg, comprimé orodispersible, boîte de 20", 293),
];

const CHRONIC_DRUGS: readonly TCatalogItem[] = [
  drug("3520981", "Levothyrox 75 µg, comprimé sécable, boîte de 30", 256),
  drug("3341129", "Kardegic 75 mg, poudre en sachet, boîte de 30", 285),
  drug("3654270", "Metformine 850 mg, comprimé, boîte de 90", 512),
  drug("3781425", "Atorvastatine 20 mg, comprimé, boîte de 90", 1485),
  drug("3614587", "Ramipril 5 mg, comprimé, boîte de 90", 1134),
  drug("3718846", "Bisoprolol 5 mg, comprimé, boîte de 90", 942),
  drug("3592318", "Inexium 20 mg, comprimé gastro-résistant, boîte de 28", 612),
  drug("4117690", "Xarelto 20 mg, comprimé, boîte de 28", 6620, 0.65),
  drug("3961107", "Amlodipine 5 mg, gélule, boîte de 90", 733),
];

const GP_VISITS: readonly TCatalogItem[] = [
  { code: "G", label: "Consultation du médecin généraliste", specialty: "Médecine générale", priceCents: 3000, rate: 0.7, participationCents: 200 },
  { code: "GS", label: "Consultation du médecin spécialiste en médecine générale", specialty: "Médecine générale", priceCents: 3000, rate: 0.7, participationCents: 200 },
];

const SPECIALIST_VISITS: readonly TCatalogItem[] = [
  { code: "CSC", label: "Consultation de cardiologie", specialty: "Cardiologie", priceCents: 4773, rate: 0.7, participationCents: 200 },
  { code: "APC", label: "Avis ponctuel de consultant", specialty: "Cardiologie", priceCents: 6000, rate: 0.7, participationCents: 200 },
  { code: "DEQP003", label: "Électrocardiographie sur au moins 12 dérivations", specialty: "Cardiologie", priceCents: 1426, rate: 0.7 },
  { code: "C", label: "Consultation de chirurgie dentaire", specialty: "Chirurgie dentaire", priceCents: 3000, rate: 0.7, participationCents: 200 },
  { code: "APC", label: "Avis ponctuel de consultant", specialty: "Dermatologie", priceCents: 6000, rate: 0.7, participationCents: 200 },
];

const CARE_ACTS: readonly TCatalogItem[] = [
  { code: "AMI", label: "Acte infirmier (AMI 1) – injection", specialty: "Soins infirmiers", priceCents: 315, rate: 0.6 },
  { code: "AMI", label: "Acte infirmier (AMI 4) – pansement complexe", specialty: "Soins infirmiers", priceCents: 1260, rate: 0.6 },
  { code: "AMK", label: "Séance de masso-kinésithérapie (AMK 7,5)", specialty: "Masso-kinésithérapie", priceCents: 1613, rate: 0.6 },
  { code: "K", label: "Acte technique de sage-femme (K 15)", specialty: "Sage-femme", priceCents: 2880, rate: 0.7 },
  { code: "1104", label: "Hémogramme (NFS, plaquettes)", specialty: "Biologie médicale", priceCents: 680, rate: 0.6 },
  { code: "0996", label: "Exploration d'une anomalie lipidique", specialty: "Biologie médicale", priceCents: 1080, rate: 0.6 },
  { code: "1577", label: "Hémoglobine glyquée (HbA1c)", specialty: "Biologie médicale", priceCents: 1080, rate: 0.6 },
];

const RADIOLOGY_ACTS: readonly TCatalogItem[] = [
  { code: "ZBQK002", label: "Radiographie du thorax", specialty: "Radiologie", priceCents: 2128, rate: 0.7, participationCents: 200 },
  { code: "ACQK001", label: "Scanographie du crâne et de son contenu, sans injection", specialty: "Radiologie", priceCents: 2527, rate: 0.7, participationCents: 200 },
  { code: "QEQK004", label: "Mammographie bilatérale de dépistage", specialty: "Radiologie", priceCents: 6642, rate: 1 },
  { code: "DZQM006", label: "Échocardiographie transthoracique", specialty: "Cardiologie", priceCents: 9566, rate: 0.7, participationCents: 200 },
];

const HOSPITAL_STAYS: readonly TCatalogItem[] = [
  { code: "GHS 2178", label: "Séjour hospitalier – appendicectomie (GHM 06C091)", specialty: "Hospitalisation", priceCents: 289_400, rate: 0.8 },
  { code: "GHS 1563", label: "Séjour hospitalier – insuffisance cardiaque (GHM 05M091)", specialty: "Hospitalisation", priceCents: 312_700, rate: 1 },
  { code: "GHS 8206", label: "Séjour hospitalier – accouchement par voie basse (GHM 14Z14A)", specialty: "Hospitalisation", priceCents: 248_900, rate: 1 },
  { code: "GHS 2780", label: "Séjour hospitalier – prothèse totale de hanche (GHM 08C481)", specialty: "Hospitalisation", priceCents: 614_300, rate: 1 },
  { code: "GHS 9617", label: "Séance de chimiothérapie (GHM 28Z07Z)", specialty: "Hospitalisation", priceCents: 43_900, rate: 1 },
];

function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

function item(category: TReimbursementCategory, date: string, entry: TCatalogItem, quantity = 1): TReimbursementHistoryItem {
  const amount = Math.round(entry.priceCents * quantity * entry.rate) - (entry.participationCents ?? 0);
  return {
    category,
    date,
    actCode: entry.code,
    label: entry.label,
    specialty: entry.specialty,
    quantity,
    amountCents: Math.max(0, amount),
  };
}

/** A day in the month that starts `monthsAgo` months before today, clipped to the window. */
function dayInMonth(rng: TRandom, today: Date, monthsAgo: number, windowStart: Date): string | null {
  const year = today.getUTCFullYear();
  const month = today.getUTCMonth() - monthsAgo;
  const first = new Date(Date.UTC(year, month, 1));
  const daysInMonth = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  const day = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth(), rng.int(1, daysInMonth)));
  if (day.getTime() > today.getTime() || day.getTime() <= windowStart.getTime()) return null;
  return isoDay(day);
}

function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return isoDay(d);
}

/**
 * The reimbursements of the last `months` months before `today`, sorted by date.
 * Each patient gets a profile from the seed key (chronic treatment or not, care needs),
 * then month by month: GP visits followed by a pharmacy dispensation, refills of the
 * chronic treatment, occasional specialists, care, imaging and rare hospital stays.
 */
export function generateReimbursementHistory(seedKey: string, today: Date, months = 24): TReimbursementHistoryItem[] {
  const rng = createRandom(`remboursements:${seedKey}`);
  const todayUtc = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate()));
  const windowStart = new Date(Date.UTC(todayUtc.getUTCFullYear(), todayUtc.getUTCMonth() - months, todayUtc.getUTCDate()));
  const chronic = rng.chance(0.55) ? rng.sample(CHRONIC_DRUGS, rng.int(1, 3)) : [];
  const gpRate = 0.25 + rng.next() * 0.35;
  const careRate = rng.next() * 0.15;
  const items: TReimbursementHistoryItem[] = [];

  for (let monthsAgo = months; monthsAgo >= 0; monthsAgo--) {
    const day = () => dayInMonth(rng, todayUtc, monthsAgo, windowStart);
    const keep = (date: string | null): date is string => date !== null && date <= isoDay(todayUtc);

    if (rng.chance(gpRate)) {
      const date = day();
      if (keep(date)) {
        items.push(item("CARE", date, rng.pick(GP_VISITS)));
        if (rng.chance(0.6)) {
          const pharmacyDate = addDays(date, rng.int(0, 1));
          if (keep(pharmacyDate)) {
            for (const d of rng.sample(ACUTE_DRUGS, rng.int(1, 3))) items.push(item("PHARMACY", pharmacyDate, d, rng.int(1, 2)));
          }
        }
      }
    }
    if (chronic.length > 0) {
      const date = day();
      if (keep(date)) for (const d of chronic) items.push(item("PHARMACY", date, d, 1));
    }
    if (rng.chance(0.08)) {
      const date = day();
      if (keep(date)) items.push(item("CARE", date, rng.pick(SPECIALIST_VISITS)));
    }
    if (rng.chance(careRate)) {
      const date = day();
      if (keep(date)) {
        const act = rng.pick(CARE_ACTS);
        items.push(item("CARE", date, act, act.code === "AMK" || act.code === "AMI" ? rng.int(1, 10) : 1));
      }
    }
    if (rng.chance(0.05)) {
      const date = day();
      if (keep(date)) items.push(item("RADIOLOGY", date, rng.pick(RADIOLOGY_ACTS)));
    }
    if (rng.chance(0.01)) {
      const date = day();
      if (keep(date)) items.push(item("HOSPITAL_STAY", date, rng.pick(HOSPITAL_STAYS)));
    }
  }

  // Stable order: by date, then as generated.
  return items.map((it, i) => ({ it, i })).sort((a, b) => a.it.date.localeCompare(b.it.date) || a.i - b.i).map(({ it }) => it);
}
