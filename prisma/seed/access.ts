import type { Db } from "@/lib/db/types";
import type { TProfessionalActor } from "@/lib/access/actor";
import type { TAccessContext } from "@/lib/access/access-context";
import { describeDecision, type TDecision } from "@/lib/access/decision";
import { resolveHabilitation } from "@/lib/access/habilitation";
import { canAccessRecord, canRead, emergencyDecision } from "@/lib/access/policy";
import { DEFAULT_HABILITATION_MATRIX } from "@/lib/habilitations/default-matrix";
import { createRandom } from "@/lib/random/prng";
import type { TSeededDocument } from "./documents";
import { DEMO_PATIENTS, type TPatientKey, type TSeededPatient } from "./patients";
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
  justification: string | null;
  detail: string;
};

/**
 * The emergency attempts of the demo. Whether each went through is decided by lib/access
 * (emergencyEventDecision): two patients opposed the door in advance, so two are refused.
 */
export const EMERGENCY_EVENTS: readonly TEmergencyEvent[] = [
  {
    patient: "lucas.faure", professional: "regulator1", mode: "SAMU", daysAgo: 91, hour: 22, justification: null,
    detail: "Appel au 15 : accident de scooter, patient conscient, douleur de la jambe gauche.",
  },
  {
    patient: "hugo.blanc", professional: "anesthesiologist", mode: "BREAK_GLASS", daysAgo: 30, hour: 2,
    justification: "Patient inconscient (Glasgow 7) admis en salle de déchocage après un accident de la voie publique : recherche d'antécédents, d'allergies et de traitements en cours.",
    detail: "Accès en urgence depuis le service d'accueil des urgences.",
  },
  {
    patient: "ahmed.benali", professional: "emergencyPhysician", mode: "BREAK_GLASS", daysAgo: 150, hour: 4,
    justification: "Malaise hypoglycémique sévère, patient confus : recherche des traitements en cours.",
    detail: "Tentative d'accès en bris de glace refusée.",
  },
  {
    patient: "nathalie.roche", professional: "regulator2", mode: "SAMU", daysAgo: 45, hour: 19, justification: null,
    detail: "Tentative d'accès du SAMU-Centre 15 refusée.",
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

/** A demo professional as lib/access sees them (keys stand for ids in the seed's plans). */
export function seedProfessionalActor(key: TProfessionalKey): TProfessionalActor {
  const spec = professionalSpec(key);
  return { kind: "PROFESSIONAL", professionalId: key, name: key, profession: spec.profession, specialty: spec.specialty, isSamuRegulator: spec.isSamuRegulator ?? false };
}

/** What the seed plans about a professional on a record, beyond the patient's own settings. */
export type TSeedAccessFacts = Partial<Pick<TAccessContext, "hasAuthorization" | "authorizationMethod" | "emergencyMode" | "isBlocked">>;

/**
 * The access context lib/access would load for this professional on this seeded record
 * while it is open: the patient's settings and treating doctor from the demo data, the
 * default habilitation matrix, and what the plan says at that moment (authorization,
 * emergency access, block).
 */
export function seedAccessContext(key: TProfessionalKey, patient: TSeededPatient, facts: TSeedAccessFacts = {}): TAccessContext {
  const spec = professionalSpec(key);
  return {
    patientId: patient.spec.key,
    namespaceId: null,
    recordStatus: "OPEN",
    breakGlassAllowed: patient.spec.breakGlassAllowed ?? true,
    samuAllowed: patient.spec.samuAllowed ?? true,
    isTreatingDoctor: patient.spec.treatingDoctor === key,
    isBlocked: facts.isBlocked ?? false,
    hasAuthorization: facts.hasAuthorization ?? facts.authorizationMethod !== undefined,
    authorizationMethod: facts.authorizationMethod ?? null,
    emergencyMode: facts.emergencyMode ?? null,
    isRepresentative: false,
    habilitation: resolveHabilitation(DEFAULT_HABILITATION_MATRIX, spec.profession, spec.specialty),
  };
}

/** The record decision of lib/access for a planned consultation (RECORD_VIEW). */
export function seedRecordDecision(key: TProfessionalKey, patient: TSeededPatient, facts: TSeedAccessFacts = {}): TDecision {
  return canAccessRecord(seedProfessionalActor(key), seedAccessContext(key, patient, facts));
}

/**
 * May this professional read this document (lib/access canRead)? The trace reason when
 * they may, null when not; the demo only reads active documents.
 */
export function seedReadReason(key: TProfessionalKey, doc: TSeededDocument, patient: TSeededPatient, facts: TSeedAccessFacts = {}): string | null {
  if (doc.status !== "ACTIVE") return null;
  const decision = canRead(
    seedProfessionalActor(key),
    {
      patientId: patient.spec.key,
      typeCode: doc.typeCode,
      authorId: doc.authorKey,
      hiddenFromPros: doc.hiddenFromPros,
      hiddenFromPatient: doc.hiddenFromPatient,
      hiddenFromLegalReps: doc.hiddenFromLegalReps,
      opposedAt: doc.opposedAt,
    },
    seedAccessContext(key, patient, facts),
  );
  return decision.allowed ? describeDecision(decision) : null;
}

/** Whether an emergency attempt of the demo goes through: the emergency doors of lib/access and the patient's opposition. */
export function emergencyEventDecision(e: TEmergencyEvent): TDecision {
  const patient = DEMO_PATIENTS.find((p) => p.key === e.patient);
  if (!patient) throw new Error(`Seed: unknown patient ${e.patient}`);
  return emergencyDecision(professionalSpec(e.professional).isSamuRegulator ?? false, { samuAllowed: patient.samuAllowed ?? true, breakGlassAllowed: patient.breakGlassAllowed ?? true }, e.mode);
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
    data: EMERGENCY_EVENTS.filter((e) => emergencyEventDecision(e).allowed).map((e) => {
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
