import type { Account, Patient, Prisma } from "@/lib/generated/prisma/client";
import type { Db } from "@/lib/db/types";
import { hashPassword } from "@/lib/auth/password";
import { buildNir } from "@/lib/identity/nir";
import { createRandom } from "@/lib/random/prng";
import type { TCondition } from "./conditions";
import { makeId } from "./identifiers";
import { daysBefore } from "./time";
import type { TProfessionalKey } from "./professionals";

export const DEMO_PASSWORD = "Demo-DMP-2026!";
export const DEMO_TEMPORARY_PASSWORD = "Temp-DMP-2026!";

export type TPatientKey =
  | "jean.martin"
  | "marie.dupont"
  | "sophie.petitjean"
  | "chloe.petitjean"
  | "robert.lefebvre"
  | "monique.garnier"
  | "ahmed.benali"
  | "nathalie.roche"
  | "francois.henry"
  | "camille.durand"
  | "noah.durand"
  | "lucas.faure"
  | "emma.riviere"
  | "hugo.blanc"
  | "alice.morel"
  | "louis.gauthier"
  | "sarah.cohen"
  | "mathieu.perrin"
  | "manon.robin"
  | "gerard.masson"
  | "jeanne.marchand"
  | "pauline.texier";

export type TDemoPatient = {
  key: TPatientKey;
  firstName: string;
  lastName: string;
  birthName: string | null;
  sex: "M" | "F";
  birthDate: string;
  /** INSEE code of the birth place (département + commune; 99xxx abroad). */
  birthPlace: string;
  nirOrder: number;
  nir: string;
  department: string;
  email: string | null;
  phone: string | null;
  /** Patient-portal login; null for minors (their legal representatives sign in). */
  loginId: string | null;
  otpChannel: "EMAIL" | "SMS";
  mustChangePassword?: boolean;
  condition: TCondition;
  treatingDoctor: TProfessionalKey | null;
  /** Who opened the record: the person online, or a professional with their agreement. */
  createdBy: "online" | TProfessionalKey;
  recordOpenedDaysAgo: number;
  closedDaysAgo?: number;
  breakGlassAllowed?: boolean;
  samuAllowed?: boolean;
  /** Professionals the patient agreed to (on top of every author of their documents). */
  authorized: TProfessionalKey[];
  blocked?: TProfessionalKey[];
  /** Hospital / EHPAD local identifiers (IPP). */
  hospitalIpp?: string;
  ehpadIpp?: string;
  /** What this patient demonstrates, in French (DEMO.md). */
  notes: string;
};

type TPatientInput = Omit<TDemoPatient, "nir" | "email" | "phone" | "loginId" | "otpChannel"> & {
  otpChannel?: "EMAIL" | "SMS";
  minor?: boolean;
  phoneSuffix: string;
};

function patient(input: TPatientInput): TDemoPatient {
  const { minor, phoneSuffix, ...rest } = input;
  return {
    ...rest,
    nir: buildNir({ sex: input.sex, birthDate: input.birthDate, place: input.birthPlace, order: input.nirOrder }),
    email: minor ? null : `${input.key}@demo-patient.fr`,
    phone: minor ? null : `+3361234${phoneSuffix}`,
    loginId: minor ? null : input.key,
    otpChannel: input.otpChannel ?? "EMAIL",
  };
}

export const DEMO_PATIENTS: readonly TDemoPatient[] = [
  patient({
    key: "jean.martin", firstName: "Jean", lastName: "Martin", birthName: null, sex: "M", birthDate: "1958-03-14",
    birthPlace: "75111", nirOrder: 27, department: "93", phoneSuffix: "5601", condition: "cardio", treatingDoctor: "gp",
    createdBy: "gp", recordOpenedDaysAgo: 1460, hospitalIpp: "IPP00104512",
    authorized: ["cardiologist", "dentist", "pharmacist", "radiologist", "biologist", "nurse"],
    notes: "Patient A : médecin traitant Dr Dubois ; documents spéciaux (masqué aux PS, invisible au patient, type refusé au dentiste).",
  }),
  patient({
    key: "marie.dupont", firstName: "Marie", lastName: "Dupont", birthName: "Lemoine", sex: "F", birthDate: "1972-07-22",
    birthPlace: "69123", nirOrder: 114, department: "75", phoneSuffix: "5602", condition: "general", treatingDoctor: "gp",
    createdBy: "online", recordOpenedDaysAgo: 1100, hospitalIpp: "IPP00104733", authorized: ["pharmacist", "dentist"],
    notes: "Document masqué aux PS et invisible au patient à la fois.",
  }),
  patient({
    key: "sophie.petitjean", firstName: "Sophie", lastName: "Petitjean", birthName: "Carré", sex: "F", birthDate: "1983-09-02",
    birthPlace: "59350", nirOrder: 208, department: "93", phoneSuffix: "5603", condition: "general", treatingDoctor: "gp",
    createdBy: "online", recordOpenedDaysAgo: 900, authorized: ["pharmacist"],
    notes: "Mère de Chloé : représentante légale avec son propre dossier.",
  }),
  patient({
    key: "chloe.petitjean", firstName: "Chloé", lastName: "Petitjean", birthName: null, sex: "F", birthDate: "2011-05-10",
    birthPlace: "93048", nirOrder: 51, department: "93", phoneSuffix: "0000", minor: true, condition: "pediatric",
    treatingDoctor: "gp", createdBy: "gp", recordOpenedDaysAgo: 880, authorized: ["pediatrician", "midwife"],
    notes: "Mineure avec deux représentants légaux (Sophie et Olivier Petitjean) ; un document invisible aux représentants légaux.",
  }),
  patient({
    key: "robert.lefebvre", firstName: "Robert", lastName: "Lefebvre", birthName: null, sex: "M", birthDate: "1941-11-30",
    birthPlace: "62041", nirOrder: 312, department: "94", phoneSuffix: "5605", condition: "geriatric", treatingDoctor: "ehpadDoctor",
    createdBy: "ehpadDoctor", recordOpenedDaysAgo: 1300, ehpadIpp: "EHP-0042", authorized: ["nurse", "pharmacist", "physiotherapist"],
    notes: "Résident de l'EHPAD Les Glycines (DLU).",
  }),
  patient({
    key: "monique.garnier", firstName: "Monique", lastName: "Garnier", birthName: "Faure", sex: "F", birthDate: "1950-01-18",
    birthPlace: "75114", nirOrder: 233, department: "75", phoneSuffix: "5606", condition: "general", treatingDoctor: null,
    createdBy: "online", recordOpenedDaysAgo: 1500, closedDaysAgo: 200, authorized: ["pharmacist"],
    notes: "Dossier fermé (archivé 10 ans, réactivable).",
  }),
  patient({
    key: "ahmed.benali", firstName: "Ahmed", lastName: "Benali", birthName: null, sex: "M", birthDate: "1979-06-05",
    birthPlace: "99350", nirOrder: 17, department: "93", phoneSuffix: "5607", condition: "diabetes", treatingDoctor: "gp",
    createdBy: "gp", recordOpenedDaysAgo: 1200, breakGlassAllowed: false, authorized: ["pharmacist", "nurse", "biologist"],
    notes: "S'est opposé au bris de glace (une tentative refusée est tracée). Ses jumeaux Inès et Adam sont au registre sous son NIR, sans dossier.",
  }),
  patient({
    key: "nathalie.roche", firstName: "Nathalie", lastName: "Roche", birthName: null, sex: "F", birthDate: "1966-02-27",
    birthPlace: "92012", nirOrder: 145, department: "92", phoneSuffix: "5608", condition: "general", treatingDoctor: "gp",
    createdBy: "online", recordOpenedDaysAgo: 700, samuAllowed: false, authorized: ["pharmacist"],
    notes: "S'est opposée à l'accès du SAMU-Centre 15.",
  }),
  patient({
    key: "francois.henry", firstName: "François", lastName: "Henry", birthName: null, sex: "M", birthDate: "1955-08-12",
    birthPlace: "35238", nirOrder: 98, department: "75", phoneSuffix: "5609", condition: "oncology", treatingDoctor: "gp",
    createdBy: "gp", recordOpenedDaysAgo: 1000, hospitalIpp: "IPP00098120", authorized: ["pharmacist", "nurse"],
    notes: "Cancer bronchique : RCP, anatomopathologie rendue visible après la consultation d'annonce.",
  }),
  patient({
    key: "camille.durand", firstName: "Camille", lastName: "Durand", birthName: "Marchetti", sex: "F", birthDate: "1990-04-19",
    birthPlace: "13055", nirOrder: 176, department: "93", phoneSuffix: "5610", otpChannel: "SMS", condition: "pregnancy",
    treatingDoctor: "gp", createdBy: "online", recordOpenedDaysAgo: 800, hospitalIpp: "IPP00110254", authorized: ["pharmacist"],
    notes: "Code à usage unique par SMS ; mère et représentante légale de Noah.",
  }),
  patient({
    key: "noah.durand", firstName: "Noah", lastName: "Durand", birthName: null, sex: "M", birthDate: "2025-09-15",
    birthPlace: "75110", nirOrder: 342, department: "93", phoneSuffix: "0000", minor: true, condition: "pediatric",
    treatingDoctor: null, createdBy: "pediatrician", recordOpenedDaysAgo: 400, hospitalIpp: "IPP00110912", authorized: ["gp"],
    notes: "Nourrisson, un seul représentant légal (Camille Durand).",
  }),
  patient({
    key: "lucas.faure", firstName: "Lucas", lastName: "Faure", birthName: null, sex: "M", birthDate: "1988-12-03",
    birthPlace: "31555", nirOrder: 64, department: "75", phoneSuffix: "5612", otpChannel: "SMS", condition: "trauma",
    treatingDoctor: null, createdBy: "online", recordOpenedDaysAgo: 600, hospitalIpp: "IPP00111407", authorized: [],
    notes: "Accès du SAMU-Centre 15 (Dr Mercier) tracé et notifié.",
  }),
  patient({
    key: "emma.riviere", firstName: "Emma", lastName: "Rivière", birthName: null, sex: "F", birthDate: "1995-10-27",
    birthPlace: "44109", nirOrder: 187, department: "92", phoneSuffix: "5613", condition: "ortho", treatingDoctor: null,
    createdBy: "online", recordOpenedDaysAgo: 500, authorized: ["physiotherapist", "pharmacist"], blocked: ["physiotherapist"],
    notes: "A bloqué la kinésithérapeute Léa Bonnet (une tentative d'accès refusée est tracée).",
  }),
  patient({
    key: "hugo.blanc", firstName: "Hugo", lastName: "Blanc", birthName: null, sex: "M", birthDate: "2001-02-14",
    birthPlace: "33063", nirOrder: 221, department: "93", phoneSuffix: "5614", condition: "trauma", treatingDoctor: null,
    createdBy: "online", recordOpenedDaysAgo: 450, hospitalIpp: "IPP00112006", authorized: [],
    notes: "Accès en bris de glace par le Dr Lambert (justification tracée, patient notifié).",
  }),
  patient({
    key: "alice.morel", firstName: "Alice", lastName: "Morel", birthName: null, sex: "F", birthDate: "1963-05-30",
    birthPlace: "67482", nirOrder: 139, department: "94", phoneSuffix: "5615", condition: "ortho", treatingDoctor: "gp",
    createdBy: "gp", recordOpenedDaysAgo: 650, mustChangePassword: true, authorized: ["physiotherapist", "nurse"],
    notes: "Mot de passe temporaire Temp-DMP-2026! à changer à la première connexion.",
  }),
  patient({
    key: "louis.gauthier", firstName: "Louis", lastName: "Gauthier", birthName: null, sex: "M", birthDate: "1947-09-09",
    birthPlace: "75115", nirOrder: 76, department: "75", phoneSuffix: "5616", otpChannel: "SMS", condition: "cardio",
    treatingDoctor: "gp", createdBy: "gp", recordOpenedDaysAgo: 1350, hospitalIpp: "IPP00087311",
    authorized: ["cardiologist", "pharmacist", "nurse"], notes: "Insuffisance cardiaque ; code par SMS.",
  }),
  patient({
    key: "sarah.cohen", firstName: "Sarah", lastName: "Cohen", birthName: null, sex: "F", birthDate: "1985-07-14",
    birthPlace: "75117", nirOrder: 255, department: "75", phoneSuffix: "5617", condition: "general", treatingDoctor: null,
    createdBy: "online", recordOpenedDaysAgo: 720, authorized: ["dentist"],
    notes: "Espace personnel bien rempli (DOCPAT01 à 09, EXPPAT) ; s'est opposée à un document pour motif légitime.",
  }),
  patient({
    key: "mathieu.perrin", firstName: "Mathieu", lastName: "Perrin", birthName: null, sex: "M", birthDate: "1970-03-21",
    birthPlace: "93045", nirOrder: 118, department: "93", phoneSuffix: "5618", condition: "diabetes", treatingDoctor: "gp",
    createdBy: "online", recordOpenedDaysAgo: 950, authorized: ["pharmacist", "biologist", "nurse"],
    notes: "Diabète de type 2 en ALD.",
  }),
  patient({
    key: "manon.robin", firstName: "Manon", lastName: "Robin", birthName: null, sex: "F", birthDate: "1998-11-08",
    birthPlace: "06088", nirOrder: 302, department: "92", phoneSuffix: "5619", condition: "general", treatingDoctor: null,
    createdBy: "online", recordOpenedDaysAgo: 300, authorized: [],
    notes: "Jeune dossier sans médecin traitant.",
  }),
  patient({
    key: "gerard.masson", firstName: "Gérard", lastName: "Masson", birthName: null, sex: "M", birthDate: "1936-06-24",
    birthPlace: "94080", nirOrder: 11, department: "94", phoneSuffix: "5620", condition: "geriatric", treatingDoctor: "ehpadDoctor",
    createdBy: "ehpadDoctor", recordOpenedDaysAgo: 1100, ehpadIpp: "EHP-0057", authorized: ["nurse", "pharmacist"],
    notes: "Résident d'EHPAD ; directives anticipées déposées.",
  }),
  patient({
    key: "jeanne.marchand", firstName: "Jeanne", lastName: "Marchand", birthName: "Santoni", sex: "F", birthDate: "1952-12-01",
    birthPlace: "2A004", nirOrder: 12, department: "75", phoneSuffix: "5621", condition: "cardio", treatingDoctor: "gp",
    createdBy: "online", recordOpenedDaysAgo: 560, authorized: ["cardiologist", "pharmacist"],
    notes: "Née à Ajaccio : NIR corse (2A, compté 19 pour la clé).",
  }),
  patient({
    key: "pauline.texier", firstName: "Pauline", lastName: "Texier", birthName: null, sex: "F", birthDate: "1984-05-17",
    birthPlace: "69123", nirOrder: 241, department: "69", phoneSuffix: "5622", condition: "general", treatingDoctor: null,
    createdBy: "online", recordOpenedDaysAgo: 200, authorized: [],
    notes: "Réservée au parcours de connexion et de déconnexion (la déconnexion termine toutes ses sessions).",
  }),
];

/** A legal representative without a record of their own. */
export type TDemoRepresentative = {
  loginId: string;
  firstName: string;
  lastName: string;
  email: string;
  phone: string;
  otpChannel: "EMAIL" | "SMS";
};

export const DEMO_REPRESENTATIVES: readonly TDemoRepresentative[] = [
  { loginId: "olivier.petitjean", firstName: "Olivier", lastName: "Petitjean", email: "olivier.petitjean@demo-patient.fr", phone: "+33612345699", otpChannel: "EMAIL" },
];

/** Who represents which minor: the account's loginId (a patient's or a representative's). */
export const DEMO_LEGAL_REPRESENTATIONS: readonly { minor: TPatientKey; loginId: string; relationship: string }[] = [
  { minor: "chloe.petitjean", loginId: "sophie.petitjean", relationship: "Mère" },
  { minor: "chloe.petitjean", loginId: "olivier.petitjean", relationship: "Père" },
  { minor: "noah.durand", loginId: "camille.durand", relationship: "Mère" },
];

export type TSeededPatient = { spec: TDemoPatient; record: Patient; account: Account | null };

/**
 * Patients with their records, accounts and legal representations. The two demo
 * passwords are hashed once each and the hashes shared between accounts: scrypt is
 * deliberately slow and this is demo data.
 */
export async function createPatients(
  prisma: Db,
  professionalIds: Record<TProfessionalKey, string>,
  now: Date,
): Promise<{ patients: Record<TPatientKey, TSeededPatient>; representatives: Record<string, Account> }> {
  const [demoHash, temporaryHash] = await Promise.all([hashPassword(DEMO_PASSWORD), hashPassword(DEMO_TEMPORARY_PASSWORD)]);
  const rng = createRandom("patient-ids");

  const patientRows: Prisma.PatientCreateManyInput[] = [];
  const accountRows: Prisma.AccountCreateManyInput[] = [];
  for (const p of DEMO_PATIENTS) {
    const id = makeId(rng);
    const openedAt = daysBefore(now, p.recordOpenedDaysAgo, 9);
    const closedAt = p.closedDaysAgo !== undefined ? daysBefore(now, p.closedDaysAgo, 18) : null;
    const deletionPlannedAt = closedAt ? new Date(Date.UTC(closedAt.getUTCFullYear() + 10, closedAt.getUTCMonth(), closedAt.getUTCDate())) : null;
    patientRows.push({
      id,
      nir: p.nir,
      birthDate: p.birthDate,
      birthRank: 1,
      firstName: p.firstName,
      lastName: p.lastName,
      birthName: p.birthName,
      sex: p.sex,
      department: p.department,
      email: p.email,
      phone: p.phone,
      // A minor has no contact of their own: notifications go by e-mail to the legal representatives.
      notifyByEmail: p.email !== null || p.loginId === null,
      notifyBySms: p.otpChannel === "SMS",
      recordStatus: closedAt ? "CLOSED" : "OPEN",
      recordOpenedAt: openedAt,
      closedAt,
      deletionPlannedAt,
      breakGlassAllowed: p.breakGlassAllowed ?? true,
      samuAllowed: p.samuAllowed ?? true,
      treatingDoctorId: p.treatingDoctor ? professionalIds[p.treatingDoctor] : null,
      treatingDoctorSince: p.treatingDoctor ? daysBefore(now, p.recordOpenedDaysAgo - 10, 11) : null,
      createdAt: openedAt,
      updatedAt: closedAt ?? openedAt,
    });
    if (p.loginId) {
      accountRows.push({
        id: makeId(rng),
        loginId: p.loginId,
        passwordHash: p.mustChangePassword ? temporaryHash : demoHash,
        mustChangePassword: p.mustChangePassword ?? false,
        firstName: p.firstName,
        lastName: p.lastName,
        email: p.email,
        phone: p.phone,
        otpChannel: p.otpChannel,
        patientId: id,
        createdAt: openedAt,
        updatedAt: openedAt,
        lastLoginAt: p.mustChangePassword ? null : daysBefore(now, 3 + (p.nirOrder % 40), 20),
      });
    }
  }
  for (const r of DEMO_REPRESENTATIVES) {
    const createdAt = daysBefore(now, 870, 9);
    accountRows.push({
      id: makeId(rng),
      loginId: r.loginId,
      passwordHash: demoHash,
      firstName: r.firstName,
      lastName: r.lastName,
      email: r.email,
      phone: r.phone,
      otpChannel: r.otpChannel,
      createdAt,
      updatedAt: createdAt,
    });
  }
  await prisma.patient.createMany({ data: patientRows });
  await prisma.account.createMany({ data: accountRows });

  const records = new Map((await prisma.patient.findMany({ where: { id: { in: patientRows.map((r) => r.id as string) } } })).map((r) => [r.id, r]));
  const accounts = await prisma.account.findMany({ where: { loginId: { in: accountRows.map((a) => a.loginId) } } });
  const accountByLogin = new Map(accounts.map((a) => [a.loginId, a]));

  const patients = {} as Record<TPatientKey, TSeededPatient>;
  DEMO_PATIENTS.forEach((p, i) => {
    const record = records.get(patientRows[i]?.id as string);
    if (!record) throw new Error(`Seed: patient ${p.key} was not created`);
    patients[p.key] = { spec: p, record, account: p.loginId ? (accountByLogin.get(p.loginId) ?? null) : null };
  });
  const representatives: Record<string, Account> = {};
  for (const r of DEMO_REPRESENTATIVES) {
    const account = accountByLogin.get(r.loginId);
    if (account) representatives[r.loginId] = account;
  }

  await prisma.legalRepresentation.createMany({
    data: DEMO_LEGAL_REPRESENTATIONS.map((r) => ({
      accountId: (accountByLogin.get(r.loginId) as Account).id,
      patientId: patients[r.minor].record.id,
      relationship: r.relationship,
      createdAt: patients[r.minor].record.recordOpenedAt,
    })),
  });

  return { patients, representatives };
}
