import type { Db } from "@/lib/db/types";
import { buildNir } from "@/lib/identity/nir";
import { seedFromString } from "@/lib/random/prng";
import { DEMO_PATIENTS, type TPatientKey, type TSeededPatient } from "./patients";

/** A Vitale card serial (10 digits), stable for a beneficiary. */
export function vitaleSerial(nir: string, birthDate: string, birthRank: number): string {
  return String(seedFromString(`vitale:${nir}:${birthDate}:${birthRank}`) % 10_000_000_000).padStart(10, "0");
}

export type TDemoBeneficiary = {
  nir: string;
  birthDate: string;
  birthRank: number;
  firstName: string;
  lastName: string;
  birthName: string | null;
  sex: "M" | "F";
  department: string;
  vitaleSerial: string;
  notes: string;
};

const ahmed = DEMO_PATIENTS.find((p) => p.key === "ahmed.benali");
if (!ahmed) throw new Error("Seed: Ahmed Benali is the twins' parent");

function withoutRecord(b: Omit<TDemoBeneficiary, "vitaleSerial">): TDemoBeneficiary {
  return { ...b, vitaleSerial: vitaleSerial(b.nir, b.birthDate, b.birthRank) };
}

/** Beneficiaries who have no record yet: they can open one online with these traits. */
export const BENEFICIARIES_WITHOUT_RECORD: readonly TDemoBeneficiary[] = [
  withoutRecord({
    nir: ahmed.nir, birthDate: "2019-03-08", birthRank: 1, firstName: "Inès", lastName: "Benali", birthName: null, sex: "F",
    department: "93", notes: "Jumelle, ayant droit sous le NIR de son père Ahmed Benali (rang 1).",
  }),
  withoutRecord({
    nir: ahmed.nir, birthDate: "2019-03-08", birthRank: 2, firstName: "Adam", lastName: "Benali", birthName: null, sex: "M",
    department: "93", notes: "Jumeau, même NIR et même date de naissance que sa sœur (rang 2).",
  }),
  withoutRecord({
    nir: buildNir({ sex: "M", birthDate: "1980-01-15", place: "69123", order: 431 }), birthDate: "1980-01-15", birthRank: 1,
    firstName: "Paul", lastName: "Renaud", birthName: null, sex: "M", department: "75", notes: "Adulte sans dossier (un envoi hospitalier pour lui aboutit à « dossier introuvable »).",
  }),
  withoutRecord({
    nir: buildNir({ sex: "F", birthDate: "1992-06-30", place: "44109", order: 268 }), birthDate: "1992-06-30", birthRank: 1,
    firstName: "Élodie", lastName: "Marchal", birthName: null, sex: "F", department: "92", notes: "Adulte sans dossier.",
  }),
  withoutRecord({
    nir: buildNir({ sex: "F", birthDate: "1975-11-02", place: "33063", order: 512 }), birthDate: "1975-11-02", birthRank: 1,
    firstName: "Hélène", lastName: "Vasseur", birthName: null, sex: "F", department: "33",
    notes: "Adulte sans dossier (parcours e2e : un cookie de session copié ne sert plus après la déconnexion).",
  }),
];

export async function createBeneficiaries(prisma: Db, patients: Record<TPatientKey, TSeededPatient>, now: Date): Promise<void> {
  await prisma.beneficiary.createMany({
    data: [
      ...Object.values(patients).map(({ spec, record }) => ({
        nir: spec.nir,
        birthDate: spec.birthDate,
        birthRank: 1,
        firstName: spec.firstName,
        lastName: spec.lastName,
        birthName: spec.birthName,
        sex: spec.sex,
        vitaleSerial: vitaleSerial(spec.nir, spec.birthDate, 1),
        department: spec.department,
        patientId: record.id,
        createdAt: now,
      })),
      ...BENEFICIARIES_WITHOUT_RECORD.map(({ notes: _notes, ...b }) => ({ ...b, createdAt: now })),
    ],
  });
}
