import type { Db } from "@/lib/db/types";
import { contentDigests } from "@/lib/documents/content-digest";
import type { Account, Prisma } from "@/lib/generated/prisma/client";
import { canAuthorType } from "@/lib/reference/authorable-types";
import { classOfType, isPatientDocumentType } from "@/lib/reference/document-types";
import { createRandom } from "@/lib/random/prng";
import type { TCondition } from "./conditions";
import { composeDocument } from "./document-content";
import { documentUniqueId, makeId } from "./identifiers";
import { renderLetterPdf, renderLetterText } from "./letter";
import type { TPatientKey, TSeededPatient } from "./patients";
import { daysBefore, workingTimeAfter } from "./time";
import { DEMO_PROFESSIONALS, type TProfessionalKey } from "./professionals";
import { DEMO_STRUCTURES } from "./structures";

export type TSpecialDocumentKey =
  | "maskedFromProsByPatient"
  | "hiddenFromPatient"
  | "deniedToDentist"
  | "hiddenFromLegalReps"
  | "maskedAndHidden"
  | "revealedAfterAnnouncement"
  | "opposedByPatient"
  | "replacedVersion";

/** Fixed uniqueIds of the documents tests and the README rely on. */
export const SPECIAL_DOCUMENTS: Readonly<Record<TSpecialDocumentKey, { uniqueId: string; patient: TPatientKey; description: string }>> = {
  maskedFromProsByPatient: {
    uniqueId: "1.2.250.1.213.1.1.9.99.1",
    patient: "jean.martin",
    description: "IRM cérébrale (18748-4) du Dr Bernard, masquée aux PS par le patient : le médecin traitant (Dr Dubois) et l'auteur la voient, pas le cardiologue (Dr Lefèvre) pourtant autorisé.",
  },
  hiddenFromPatient: {
    uniqueId: "1.2.250.1.213.1.1.9.99.2",
    patient: "jean.martin",
    description: "Bilan biologique PSA (11502-2) du Dr Garnier, invisible au patient en attendant la consultation d'annonce ; visible des PS autorisés.",
  },
  deniedToDentist: {
    uniqueId: "1.2.250.1.213.1.1.9.99.3",
    patient: "jean.martin",
    description: "Plan personnalisé de soins (18776-5) du Dr Dubois : la matrice refuse ce type au chirurgien-dentiste (Dr Petit), pourtant autorisé sur le dossier.",
  },
  hiddenFromLegalReps: {
    uniqueId: "1.2.250.1.213.1.1.9.99.4",
    patient: "chloe.petitjean",
    description: "Consultation de contraception (11488-4) de la sage-femme Aurélie Rousseau, confidentialité R, invisible aux représentants légaux (connexion secrète).",
  },
  maskedAndHidden: {
    uniqueId: "1.2.250.1.213.1.1.9.99.5",
    patient: "marie.dupont",
    description: "Consultation de conseil génétique (11488-4) du Dr Dubois, confidentialité V, masquée aux PS et invisible au patient.",
  },
  revealedAfterAnnouncement: {
    uniqueId: "1.2.250.1.213.1.1.9.99.6",
    patient: "francois.henry",
    description: "Anatomopathologie (60568-3) du Dr Nguyen, d'abord invisible au patient, rendue visible après la consultation d'annonce (revealedAt renseigné).",
  },
  opposedByPatient: {
    uniqueId: "1.2.250.1.213.1.1.9.99.7",
    patient: "sarah.cohen",
    description: "Bilan biologique (11502-2) auquel la patiente s'est opposée pour motif légitime (opposedAt, oppositionReason) : retiré de la vue des PS.",
  },
  replacedVersion: {
    uniqueId: "1.2.250.1.213.1.1.9.99.8",
    patient: "jean.martin",
    description: "Consultation de cardiologie (11488-4) du Dr Lefèvre en version 2 ; la version 1 (uniqueId …99.8.1) a le statut REPLACED.",
  },
};

type TDocAuthor = TProfessionalKey | "patient" | "insurance";

export type TDocSpec = {
  typeCode: string;
  author: TDocAuthor;
  /** For "patient" documents written by a legal representative. */
  authorLogin?: string;
  daysAgo: number;
  title?: string;
  lines?: string[];
  confidentiality?: "N" | "R" | "V";
  hiddenFromPros?: boolean;
  hiddenFromPatient?: boolean;
  hiddenFromLegalReps?: boolean;
  /** The patient masked it from professionals this many days ago (a trace says so). */
  maskedByPatientDaysAgo?: number;
  source?: "PROFESSIONAL" | "PATIENT" | "HOSPITAL_FEED";
  /** Creates a version 1 (REPLACED) submitted this many days before this one. */
  replacesAfterDays?: number;
  opposedReason?: string;
  /** Was invisible to the patient until lifted after the announcement consultation. */
  revealedDaysAgo?: number;
  special?: TSpecialDocumentKey;
  format?: "pdf" | "text";
};

const S = (typeCode: string, author: TDocAuthor, daysAgo: number, extra: Partial<TDocSpec> = {}): TDocSpec => ({
  typeCode,
  author,
  daysAgo,
  ...extra,
});

/** The documents that tell each patient's story; random ones complete the record. */
const STORIES: Partial<Record<TPatientKey, TDocSpec[]>> = {
  "jean.martin": [
    S("18748-4", "radiologist", 120, {
      special: "maskedFromProsByPatient",
      title: "Compte rendu d'imagerie – IRM cérébrale",
      lines: ["Indication : céphalées inhabituelles.", "IRM encéphalique sans et avec injection de gadolinium.", "Discrètes hypersignaux de la substance blanche d'allure vasculaire, sans processus expansif.", "Conclusion : leucopathie vasculaire modérée. Pas de lésion évolutive."],
      hiddenFromPros: true,
      maskedByPatientDaysAgo: 100,
    }),
    S("11502-2", "biologist", 10, {
      special: "hiddenFromPatient",
      title: "Compte rendu d'examens biologiques – PSA",
      lines: ["PSA total : 9,8 ng/mL (valeur de référence < 4).", "Rapport PSA libre / total : 11 %.", "Commentaire : valeur élevée, contrôle et avis urologique recommandés. Résultat à annoncer au patient par son médecin."],
      hiddenFromPatient: true,
      confidentiality: "R",
    }),
    S("18776-5", "gp", 60, { special: "deniedToDentist" }),
    S("11488-4", "cardiologist", 200, { special: "replacedVersion", replacesAfterDays: 3, title: "Compte rendu de consultation de cardiologie" }),
    S("11488-4", "dentist", 300),
    S("57833-6", "dentist", 300, { title: "Ordonnance – bain de bouche et antalgique", lines: ["Eludril bain de bouche : 2 fois par jour pendant 7 jours.", "Doliprane 1000 mg : 1 comprimé jusqu'à 3 fois par jour si douleur.", "Pas d'AINS (traitement anticoagulant)."] }),
    S("PROT_ALD", "gp", 900),
    S("34112-3", "cardiologist", 400),
    S("11490-0", "cardiologist", 398),
    S("60591-5", "gp", 90),
    S("REMB", "insurance", 30),
    S("EXPPAT_1", "patient", 500),
  ],
  "marie.dupont": [
    S("11488-4", "gp", 150, {
      special: "maskedAndHidden",
      title: "Compte rendu de consultation – conseil génétique",
      lines: ["Antécédents familiaux de cancer du sein (mère, tante maternelle).", "Indication d'une recherche de mutation BRCA1/2 posée, consentement recueilli.", "Résultat à remettre lors d'une consultation dédiée."],
      confidentiality: "V",
      hiddenFromPros: true,
      hiddenFromPatient: true,
    }),
    S("34749-2", "anesthesiologist", 520),
    S("34874-8", "surgeon", 505),
    S("34112-3", "surgeon", 503),
    S("11502-2", "biologist", 240, { replacesAfterDays: 1 }),
    S("DOCPAT06", "patient", 600),
  ],
  "sophie.petitjean": [S("DOCPAT02", "patient", 400), S("57833-6", "gp", 35)],
  "chloe.petitjean": [
    S("11488-4", "midwife", 45, {
      special: "hiddenFromLegalReps",
      title: "Consultation de contraception",
      lines: ["Consultation demandée par la patiente, seule, au titre du secret (connexion secrète).", "Information sur les méthodes contraceptives, prescription adaptée.", "Pas d'information transmise aux titulaires de l'autorité parentale, à la demande de la patiente."],
      confidentiality: "R",
      hiddenFromLegalReps: true,
    }),
    S("11502-2", "biologist", 40, { hiddenFromLegalReps: true, confidentiality: "R", title: "Compte rendu d'examens biologiques – sérologies" }),
    S("11369-6", "gp", 300),
    S("11488-4", "pediatrician", 250),
    S("57833-6", "pediatrician", 250, { title: "Ordonnance – trousse d'urgence allergie", lines: ["Anapen 0,30 mg : 2 stylos, à injecter dans la cuisse en cas de réaction allergique grave.", "Cetirizine 10 mg : 1 comprimé en cas de réaction cutanée.", "Projet d'accueil individualisé (PAI) à transmettre à l'établissement scolaire."] }),
    S("15507-7", "emergencyPhysician", 500),
    S("18748-4", "radiologist", 500),
    S("DOCPAT06", "patient", 700, { authorLogin: "sophie.petitjean" }),
  ],
  "robert.lefebvre": [
    S("74207-2", "ehpadDoctor", 100),
    S("18761-7", "ehpadDoctor", 250),
    S("15507-7", "emergencyPhysician", 250),
    S("34133-9", "emergencyPhysician", 248),
    S("PROT_ALD", "ehpadDoctor", 1000),
    S("18776-5", "nurse", 180),
  ],
  "monique.garnier": [S("DOCPAT09", "patient", 1200)],
  "ahmed.benali": [S("PROT_ALD", "gp", 1100), S("REMB", "insurance", 60)],
  "nathalie.roche": [
    S("11488-4", "gp", 220, { confidentiality: "V", title: "Compte rendu de consultation – suivi d'un épisode dépressif", lines: ["Épisode dépressif d'intensité modérée, en amélioration.", "Poursuite de l'escitalopram 10 mg, suivi psychologique en cours.", "Arrêt de travail non renouvelé."] }),
    S("EXPPAT_2", "patient", 400),
  ],
  "francois.henry": [
    S("18748-4", "radiologist", 120),
    S("60568-3", "pathologist", 100, { special: "revealedAfterAnnouncement", revealedDaysAgo: 90 }),
    S("34794-8", "oncologist", 95, { confidentiality: "R", revealedDaysAgo: 90 }),
    S("34749-2", "anesthesiologist", 85),
    S("34874-8", "surgeon", 84),
    S("18776-5", "oncologist", 80),
    S("PROT_ALD", "gp", 75),
    S("34112-3", "oncologist", 70),
    S("11490-0", "oncologist", 69),
    S("11506-3", "nurse", 60),
    S("60593-1", "pharmacist", 50),
  ],
  "camille.durand": [
    S("11369-6", "midwife", 0, { daysAgo: -1 }),
    S("11502-2", "biologist", 0, { daysAgo: -1 }),
    S("18748-4", "radiologist", 0, { daysAgo: -1 }),
    S("11488-4", "midwife", 0, { daysAgo: -1 }),
    S("34749-2", "anesthesiologist", 0, { daysAgo: -1 }),
    S("15508-5", "midwife", 0, { daysAgo: -1 }),
    S("57833-6", "midwife", 0, { daysAgo: -1 }),
  ],
  "noah.durand": [
    S("11488-4", "pediatrician", 0, { daysAgo: -1, title: "Compte rendu de consultation – examen du 8e jour" }),
    S("11369-6", "pediatrician", 200),
    S("15507-7", "emergencyPhysician", 120),
    S("34112-3", "pediatrician", 118),
    S("11490-0", "pediatrician", 115),
    S("DOCPAT06", "patient", 150, { authorLogin: "camille.durand" }),
  ],
  "lucas.faure": [
    S("15507-7", "emergencyPhysician", 90),
    S("18761-7", "emergencyPhysician", 90),
    S("18748-4", "radiologist", 90),
    S("34749-2", "anesthesiologist", 89),
    S("34874-8", "surgeon", 89),
    S("11490-0", "surgeon", 85),
    S("57832-8", "surgeon", 85),
    S("47420-5", "physiotherapist", 60),
  ],
  "emma.riviere": [
    S("11488-4", "surgeon", 300),
    S("18748-4", "radiologist", 290),
    S("34749-2", "anesthesiologist", 280),
    S("34874-8", "surgeon", 260),
    S("11490-0", "surgeon", 257),
    S("57832-8", "surgeon", 257),
    S("47420-5", "physiotherapist", 240),
    S("47420-5", "physiotherapist", 180),
    S("11506-3", "nurse", 250),
  ],
  "hugo.blanc": [
    S("15507-7", "emergencyPhysician", 30),
    S("18748-4", "radiologist", 30),
    S("34874-8", "surgeon", 29),
    S("34112-3", "surgeon", 22),
    S("11490-0", "surgeon", 22),
  ],
  "louis.gauthier": [
    S("34112-3", "cardiologist", 300, { title: "Compte rendu d'hospitalisation – insuffisance cardiaque décompensée" }),
    S("11490-0", "cardiologist", 298),
    S("PROT_ALD", "gp", 290),
    S("57833-6", "gp", 120, { replacesAfterDays: 2 }),
    S("11506-3", "nurse", 100),
  ],
  "sarah.cohen": [
    ...["DOCPAT01", "DOCPAT02", "DOCPAT03", "DOCPAT04", "DOCPAT05", "DOCPAT06", "DOCPAT07", "DOCPAT08", "DOCPAT09", "EXPPAT_1", "EXPPAT_2"].map((code, i) =>
      S(code, "patient", 650 - i * 40),
    ),
    S("11502-2", "biologist", 160, {
      special: "opposedByPatient",
      opposedReason: "Ce bilan ne me concerne pas : erreur d'identité au laboratoire (homonyme).",
    }),
  ],
  "mathieu.perrin": [S("PROT_ALD", "gp", 800), S("18776-5", "nurse", 200), S("REMB", "insurance", 45)],
  "manon.robin": [S("DOCPAT07", "patient", 100)],
  "gerard.masson": [S("EXPPAT_3", "patient", 700), S("74207-2", "ehpadDoctor", 60), S("PROT_ALD", "ehpadDoctor", 900), S("47420-5", "physiotherapist", 150)],
  "jeanne.marchand": [S("REMB", "insurance", 20), S("EXPPAT_3", "patient", 300)],
};

/** Camille's pregnancy and Noah's birth are dated from Noah's birth date. */
const DATED_FROM_BIRTH: Partial<Record<TPatientKey, number[]>> = {
  // Days relative to 2025-09-15 (Noah's birth), in the order of the story above.
  "camille.durand": [-180, -90, -75, -55, -35, 0, 2],
  "noah.durand": [8],
};
const NOAH_BIRTH = Date.UTC(2025, 8, 15, 10);

const FILLERS: Readonly<Record<TCondition, readonly [string, TProfessionalKey][]>> = {
  cardio: [["11488-4", "gp"], ["11488-4", "cardiologist"], ["18748-4", "radiologist"], ["11502-2", "biologist"], ["57833-6", "gp"], ["57833-6", "cardiologist"], ["60593-1", "pharmacist"], ["60591-5", "gp"], ["11369-6", "gp"], ["11506-3", "nurse"], ["34133-9", "cardiologist"], ["57832-8", "gp"]],
  diabetes: [["11488-4", "gp"], ["11502-2", "biologist"], ["57833-6", "gp"], ["60593-1", "pharmacist"], ["11506-3", "nurse"], ["60591-5", "gp"], ["57832-8", "gp"], ["18776-5", "nurse"], ["11369-6", "pharmacist"], ["18748-4", "radiologist"]],
  oncology: [["11502-2", "biologist"], ["11488-4", "oncologist"], ["11488-4", "gp"], ["57833-6", "oncologist"], ["11506-3", "nurse"], ["60593-1", "pharmacist"], ["34133-9", "oncologist"]],
  pregnancy: [["11488-4", "gp"], ["60593-1", "pharmacist"], ["57832-8", "midwife"], ["11502-2", "biologist"]],
  pediatric: [["11488-4", "pediatrician"], ["11488-4", "gp"], ["57833-6", "pediatrician"], ["11502-2", "biologist"], ["60591-5", "gp"]],
  geriatric: [["11488-4", "ehpadDoctor"], ["11506-3", "nurse"], ["57833-6", "ehpadDoctor"], ["60593-1", "pharmacist"], ["11502-2", "biologist"], ["60591-5", "ehpadDoctor"], ["47420-5", "physiotherapist"], ["11369-6", "ehpadDoctor"]],
  trauma: [["11488-4", "surgeon"], ["47420-5", "physiotherapist"], ["57833-6", "surgeon"], ["11488-4", "gp"], ["11506-3", "nurse"], ["11502-2", "biologist"]],
  ortho: [["11488-4", "surgeon"], ["18748-4", "radiologist"], ["47420-5", "physiotherapist"], ["57832-8", "surgeon"], ["11506-3", "nurse"], ["57833-6", "gp"], ["11488-4", "gp"], ["60593-1", "pharmacist"]],
  general: [["11488-4", "gp"], ["57833-6", "gp"], ["60593-1", "pharmacist"], ["11502-2", "biologist"], ["11369-6", "gp"], ["60591-5", "gp"], ["18748-4", "radiologist"], ["11488-4", "dentist"], ["57833-6", "dentist"], ["34133-9", "gp"]],
};

/** Patients that keep to their story (the emergency cases stay small and readable). */
const NO_FILLERS: ReadonlySet<TPatientKey> = new Set(["hugo.blanc", "noah.durand"]);

export type TSeededDocument = {
  id: string;
  uniqueId: string;
  patientKey: TPatientKey;
  typeCode: string;
  title: string;
  authorKey: TDocAuthor;
  authorAccountId: string | null;
  authorLogin: string | null;
  structureId: string | null;
  serviceDate: Date;
  submittedAt: Date;
  confidentiality: "N" | "R" | "V";
  hiddenFromPros: boolean;
  hiddenFromPatient: boolean;
  hiddenFromLegalReps: boolean;
  source: "PROFESSIONAL" | "PATIENT" | "HOSPITAL_FEED";
  status: "ACTIVE" | "REPLACED";
  replacesId: string | null;
  opposedAt: Date | null;
  revealedAt: Date | null;
  maskedByPatientAt: Date | null;
};

const HOUR = 3_600_000;

function planPatientDocuments(seeded: TSeededPatient, now: Date): TDocSpec[] {
  const p = seeded.spec;
  const rng = createRandom(`documents:${p.key}`);
  const story = (STORIES[p.key] ?? []).map((spec, i) => {
    const fromBirth = DATED_FROM_BIRTH[p.key]?.[i];
    if (spec.daysAgo >= 0 || fromBirth === undefined) return spec;
    return { ...spec, daysAgo: Math.max(1, Math.round((now.getTime() - (NOAH_BIRTH + fromBirth * 24 * HOUR)) / (24 * HOUR))) };
  });
  if (NO_FILLERS.has(p.key)) return story;
  const target = rng.int(10, 20);
  const oldest = p.recordOpenedDaysAgo + 240;
  const newest = p.closedDaysAgo !== undefined ? p.closedDaysAgo + 3 : 1;
  const fillers: TDocSpec[] = [];
  for (let i = story.length; i < target; i++) {
    const [typeCode, author] = rng.pick(FILLERS[p.condition]);
    const roll = rng.next();
    fillers.push({
      typeCode,
      author,
      daysAgo: rng.int(newest, oldest),
      confidentiality: roll < 0.04 ? "V" : roll < 0.12 ? "R" : "N",
      // A few documents the professional chose to mask at submission.
      hiddenFromPros: rng.chance(0.05),
      format: rng.chance(0.25) ? "text" : "pdf",
    });
  }
  return [...story, ...fillers];
}

export async function createDocuments(
  prisma: Db,
  patients: Record<TPatientKey, TSeededPatient>,
  professionalIds: Record<TProfessionalKey, string>,
  structureIds: Record<string, string>,
  accountsByLogin: Record<string, Account>,
  now: Date,
): Promise<TSeededDocument[]> {
  const idRng = createRandom("document-ids");
  const documents: TSeededDocument[] = [];
  const rows: Prisma.DocumentCreateManyInput[] = [];
  const contents: Prisma.DocumentContentCreateManyInput[] = [];
  let patientIndex = 0;

  for (const seeded of Object.values(patients)) {
    patientIndex++;
    const p = seeded.spec;
    const rng = createRandom(`document-dates:${p.key}`);
    const openedAt = seeded.record.recordOpenedAt;
    const closedAt = seeded.record.closedAt;
    let docIndex = 0;

    for (const spec of planPatientDocuments(seeded, now)) {
      docIndex++;
      const isPatientDoc = spec.author === "patient";
      const isInsurance = spec.author === "insurance";
      const proSpec = !isPatientDoc && !isInsurance ? DEMO_PROFESSIONALS.find((x) => x.key === spec.author) : undefined;
      if (proSpec && !canAuthorType(proSpec.profession, proSpec.specialty, spec.typeCode)) {
        throw new Error(`Seed: ${proSpec.key} may not author ${spec.typeCode}`);
      }
      if (isPatientDoc !== isPatientDocumentType(spec.typeCode)) throw new Error(`Seed: ${spec.typeCode} author mismatch`);
      const structure = proSpec?.structure ? (DEMO_STRUCTURES.find((s) => s.key === proSpec.structure) ?? null) : null;
      const authorLogin = isPatientDoc ? (spec.authorLogin ?? seeded.account?.loginId ?? null) : null;
      const authorAccount = authorLogin ? accountsByLogin[authorLogin] : undefined;
      if (isPatientDoc && !authorAccount) throw new Error(`Seed: no account for a personal document of ${p.key}`);

      const serviceDate = daysBefore(now, spec.daysAgo, rng.int(8, 17));
      let submittedAt = workingTimeAfter(serviceDate, rng, 2);
      // Older documents were added when the record opened; none after a closure or now.
      if (submittedAt.getTime() < openedAt.getTime()) submittedAt = workingTimeAfter(new Date(openedAt.getTime() + 2 * HOUR), rng, 2);
      if (closedAt && submittedAt.getTime() > closedAt.getTime() - 24 * HOUR) submittedAt = new Date(closedAt.getTime() - rng.int(30, 90) * 24 * HOUR);
      if (submittedAt.getTime() > now.getTime() - HOUR) submittedAt = new Date(now.getTime() - rng.int(1, 5) * HOUR);
      const effectiveService = serviceDate.getTime() > submittedAt.getTime() ? new Date(submittedAt.getTime() - HOUR) : serviceDate;

      const source = spec.source ?? (isPatientDoc ? "PATIENT" : structure?.kind === "HOSPITAL" ? "HOSPITAL_FEED" : "PROFESSIONAL");
      const uniqueId = spec.special ? SPECIAL_DOCUMENTS[spec.special].uniqueId : documentUniqueId(String(patientIndex), docIndex);
      const patientAuthorName = authorAccount ? `${authorAccount.firstName} ${authorAccount.lastName}` : undefined;

      const versions = spec.replacesAfterDays !== undefined ? [1, 2] : [0];
      let previousId: string | null = null;
      for (const version of versions) {
        const isOld = version === 1;
        const at = isOld ? new Date(submittedAt.getTime() - (spec.replacesAfterDays ?? 0) * 24 * HOUR) : submittedAt;
        const composed = composeDocument({
          typeCode: spec.typeCode,
          title: spec.title,
          lines: spec.lines,
          patient: p,
          author: proSpec ?? null,
          structure,
          patientAuthorName,
          serviceDate: effectiveService,
          version: isOld ? 1 : undefined,
        });
        const format = spec.format ?? "pdf";
        const bytes =
          format === "pdf"
            ? await renderLetterPdf(composed.letter, { subject: composed.title, creationDate: at })
            : renderLetterText(composed.letter);
        const data = Uint8Array.from(bytes);
        const id = makeId(idRng);
        const doc: TSeededDocument = {
          id,
          uniqueId: isOld ? `${uniqueId}.1` : uniqueId,
          patientKey: p.key,
          typeCode: spec.typeCode,
          title: composed.title,
          authorKey: spec.author,
          authorAccountId: authorAccount?.id ?? null,
          authorLogin,
          structureId: structure ? (structureIds[structure.key] ?? null) : null,
          serviceDate: effectiveService,
          submittedAt: at,
          confidentiality: spec.confidentiality ?? "N",
          hiddenFromPros: spec.hiddenFromPros ?? false,
          hiddenFromPatient: spec.hiddenFromPatient ?? false,
          hiddenFromLegalReps: spec.hiddenFromLegalReps ?? false,
          source,
          status: isOld ? "REPLACED" : "ACTIVE",
          replacesId: version === 2 ? previousId : null,
          opposedAt: spec.opposedReason ? new Date(submittedAt.getTime() + 5 * 24 * HOUR) : null,
          revealedAt: spec.revealedDaysAgo !== undefined ? daysBefore(now, spec.revealedDaysAgo, 15) : null,
          maskedByPatientAt: spec.maskedByPatientDaysAgo !== undefined ? daysBefore(now, spec.maskedByPatientDaysAgo, 21) : null,
        };
        documents.push(doc);
        rows.push({
          id,
          uniqueId: doc.uniqueId,
          patientId: seeded.record.id,
          typeCode: spec.typeCode,
          classCode: classOfType(spec.typeCode) ?? "10",
          title: composed.title,
          authorId: proSpec ? professionalIds[proSpec.key] : null,
          authorAccountId: doc.authorAccountId,
          structureId: doc.structureId,
          serviceDate: effectiveService,
          submittedAt: at,
          confidentiality: doc.confidentiality,
          hiddenFromPros: doc.hiddenFromPros,
          hiddenFromPatient: doc.hiddenFromPatient,
          hiddenFromLegalReps: doc.hiddenFromLegalReps,
          source,
          status: doc.status,
          replacesId: doc.replacesId,
          opposedAt: doc.opposedAt,
          oppositionReason: spec.opposedReason ?? null,
          revealedAt: doc.revealedAt,
          mediaType: format === "pdf" ? "application/pdf" : "text/plain",
          size: data.byteLength,
          ...contentDigests(data),
        });
        contents.push({ documentId: id, data });
        previousId = id;
      }
    }
  }

  await prisma.document.createMany({ data: rows });
  // Bytes in small batches: one statement per ~40 documents keeps memory and the
  // SQLite variable limit comfortable.
  for (let i = 0; i < contents.length; i += 40) await prisma.documentContent.createMany({ data: contents.slice(i, i + 40) });
  return documents;
}
