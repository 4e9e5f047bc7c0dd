import type { Db } from "@/lib/db/types";
import { DEFAULT_HABILITATION_MATRIX } from "@/lib/habilitations/default-matrix";
import { createRandom } from "@/lib/random/prng";
import type { TSeededDocument } from "./documents";
import type { TPatientKey, TSeededPatient } from "./patients";
import { daysBefore } from "./time";
import { DEMO_PROFESSIONALS, type TProfessionalKey } from "./professionals";

const HOUR = 3_600_000;

export type TPlannedAuthorization = {
  patientKey: TPatientKey;
  professional: TProfessionalKey;
  method: "CONSENT" | "CARE_TEAM" | "RECORD_CREATION";
  consentAt: Date;
};

export type TEmergencyEvent = {
  patient: TPatientKey;
  professional: TProfessionalKey;
  mode: "SAMU" | "BREAK_GLASS";
  daysAgo: number;
  hour: number;
  outcome: "ALLOWED" | "REFUSED";
  justification: string | null;
  reason: string;
  detail: string;
};

/** The emergency accesses of the demo: two that went through, two the patients had refused in advance. */
export const EMERGENCY_EVENTS: readonly TEmergencyEvent[] = [
  {
    patient: "lucas.faure", professional: "regulator1", mode: "SAMU", daysAgo: 91, hour: 22, outcome: "ALLOWED", justification: null,
    reason: "Régulation SAMU-Centre 15 (accès sur appel, sans justification)",
    detail: "Appel au 15 : accident de scooter, patient conscient, douleur de la jambe gauche.",
  },
  {
    patient: "hugo.blanc", professional: "anesthesiologist", mode: "BREAK_GLASS", daysAgo: 30, hour: 2, outcome: "ALLOWED",
    justification: "Patient inconscient (Glasgow 7) admis en salle de déchocage après un accident de la voie publique : recherche d'antécédents, d'allergies et de traitements en cours.",
    reason: "Bris de glace : urgence vitale déclarée", detail: "Accès en urgence depuis le service d'accueil des urgences.",
  },
  {
    patient: "ahmed.benali", professional: "emergencyPhysician", mode: "BREAK_GLASS", daysAgo: 150, hour: 4, outcome: "REFUSED",
    justification: "Malaise hypoglycémique sévère, patient confus : recherche des traitements en cours.",
    reason: "Le patient s'est opposé à l'accès en urgence (bris de glace).", detail: "Tentative d'accès en bris de glace refusée.",
  },
  {
    patient: "nathalie.roche", professional: "regulator2", mode: "SAMU", daysAgo: 45, hour: 19, outcome: "REFUSED", justification: null,
    reason: "Le patient s'est opposé à l'accès du SAMU-Centre 15.", detail: "Tentative d'accès du SAMU-Centre 15 refusée.",
  },
];

/** Emergency access stays open a few hours (the time of the intervention). */
export const EMERGENCY_ACCESS_HOURS = 4;

export const BLOCKS: readonly { patient: TPatientKey; professional: TProfessionalKey; daysAgo: number }[] = [
  { patient: "emma.riviere", professional: "physiotherapist", daysAgo: 150 },
];

export function professionalSpec(key: TProfessionalKey) {
  const spec = DEMO_PROFESSIONALS.find((p) => p.key === key);
  if (!spec) throw new Error(`Seed: unknown professional ${key}`);
  return spec;
}

/** May this professional read this document, by the rules of DESIGN.md (for consistent demo traces)? */
export function seedReadReason(key: TProfessionalKey, doc: TSeededDocument, patient: TSeededPatient): string | null {
  if (doc.status !== "ACTIVE" || doc.opposedAt) return null;
  if (doc.authorKey === key) return "Auteur du document";
  if (patient.spec.treatingDoctor === key) return "Médecin traitant";
  if (doc.hiddenFromPros) return null;
  const pro = professionalSpec(key);
  if (!pro.profession) return null;
  const row = DEFAULT_HABILITATION_MATRIX.find((r) => r.profession === pro.profession && r.specialty === "*" && r.typeCode === doc.typeCode);
  return row?.canRead ? `matrice ${pro.profession}/* × ${doc.typeCode}` : null;
}

/**
 * Who is authorized on each record: the professional who created it, those the patient
 * agreed to, and every professional author of a document (hospital teams as care team).
 * The treating doctor needs no authorization (unless they opened the record).
 */
export function planAuthorizations(patients: Record<TPatientKey, TSeededPatient>, documents: readonly TSeededDocument[], now: Date): TPlannedAuthorization[] {
  const planned: TPlannedAuthorization[] = [];
  for (const seeded of Object.values(patients)) {
    const p = seeded.spec;
    const rng = createRandom(`authorizations:${p.key}`);
    const openedAt = seeded.record.recordOpenedAt.getTime();
    const end = (seeded.record.closedAt ?? now).getTime() - 24 * HOUR;
    const keys = new Set<TProfessionalKey>(p.authorized);
    for (const d of documents) {
      if (d.patientKey === p.key && d.authorKey !== "patient" && d.authorKey !== "insurance") keys.add(d.authorKey);
    }
    if (p.createdBy !== "online") {
      planned.push({ patientKey: p.key, professional: p.createdBy, method: "RECORD_CREATION", consentAt: new Date(openedAt) });
      keys.delete(p.createdBy);
    }
    if (p.treatingDoctor) keys.delete(p.treatingDoctor);
    for (const key of keys) {
      const firstDoc = documents
        .filter((d) => d.patientKey === p.key && d.authorKey === key)
        .reduce<number | null>((min, d) => (min === null || d.submittedAt.getTime() < min ? d.submittedAt.getTime() : min), null);
      // Just before their first document, or some day in the record's life, in the daytime.
      const random = new Date(openedAt + rng.next() * Math.max(HOUR, end - openedAt));
      random.setUTCHours(rng.int(8, 18), rng.int(0, 59), 0, 0);
      const at = firstDoc !== null ? firstDoc - 2 * HOUR : random.getTime();
      const pro = professionalSpec(key);
      planned.push({
        patientKey: p.key,
        professional: key,
        method: pro.structure === "hospital" ? "CARE_TEAM" : "CONSENT",
        consentAt: new Date(Math.max(openedAt + HOUR, Math.min(at, end))),
      });
    }
  }
  return planned;
}

export async function createAccessRows(
  prisma: Db,
  patients: Record<TPatientKey, TSeededPatient>,
  professionalIds: Record<TProfessionalKey, string>,
  authorizations: readonly TPlannedAuthorization[],
  lastAccess: ReadonlyMap<string, Date>,
  now: Date,
): Promise<void> {
  await prisma.professionalAuthorization.createMany({
    data: authorizations.map((a) => ({
      patientId: patients[a.patientKey].record.id,
      professionalId: professionalIds[a.professional],
      method: a.method,
      consentAt: a.consentAt,
      recordedAt: a.consentAt,
      recordedById: professionalIds[a.professional],
      lastAccessAt: lastAccess.get(`${a.patientKey}|${a.professional}`) ?? null,
    })),
  });
  await prisma.patientBlock.createMany({
    data: BLOCKS.map((b) => ({
      patientId: patients[b.patient].record.id,
      professionalId: professionalIds[b.professional],
      requestedBy: "PATIENT" as const,
      createdAt: daysBefore(now, b.daysAgo, 20),
    })),
  });
  await prisma.emergencyAccess.createMany({
    data: EMERGENCY_EVENTS.filter((e) => e.outcome === "ALLOWED").map((e) => {
      const startedAt = daysBefore(now, e.daysAgo, e.hour);
      return {
        patientId: patients[e.patient].record.id,
        professionalId: professionalIds[e.professional],
        mode: e.mode,
        justification: e.justification,
        startedAt,
        expiresAt: new Date(startedAt.getTime() + EMERGENCY_ACCESS_HOURS * HOUR),
      };
    }),
  });
}
