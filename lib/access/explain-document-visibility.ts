import type { TLegalRepresentativeActor, TPatientActor, TProfessionalActor } from "./actor";
import type { TAccessContext, TPolicyDocument } from "./access-context";
import { resolveHabilitation, type THabilitationRow } from "./habilitation";
import { canRead } from "./policy";
import { PROFESSION_CODES, PROFESSIONS, SPECIALTIES, SPECIALTY_CODES } from "@/lib/reference/professions";

/**
 * "Qui peut voir ce document ?" (issue 17): the live answer of the access policy for one
 * document, asked of canRead itself — never written by hand. Each answer is canRead on a
 * stand-in reader (an authorized professional of each profession under the matrix as it is
 * now, the treating doctor, the author, the patient, a legal representative), for the
 * document as it is and as it would be with its masking from professionals switched. The
 * test (explain-document-visibility.test.ts) checks every answer against the policy table.
 * Who actually opened it comes from the traces, read by the caller under TRACE_VISIBILITY.
 */

export type TVisibilityFacts = {
  doc: TPolicyDocument;
  /** The habilitation matrix as stored (the operator may change it). */
  matrix: readonly THabilitationRow[];
  recordStatus: "OPEN" | "CLOSED";
  namespaceId: string | null;
  /** The record's treating doctor, when one is designated. */
  treatingDoctor: { profession: string | null; specialty: string | null } | null;
  /** Whether legal representatives are in force on the record (the patient is a minor with one). */
  hasLegalRepresentatives: boolean;
};

/** Readable now, and readable were the patient to switch the masking from professionals. */
export type TReadability = { now: boolean; ifToggled: boolean };

export type TDocumentVisibility = {
  isMasked: boolean;
  isOpposed: boolean;
  isRecordClosed: boolean;
  /** Per profession, an authorized professional (consent or care team) who is neither author nor treating doctor. */
  professions: { code: string; label: string; read: TReadability }[];
  /** Doctors' specialties whose matrix rows answer differently from the profession's. */
  specialtyExceptions: { code: string; label: string; read: TReadability }[];
  treatingDoctor: TReadability & { designated: boolean };
  author: TReadability | null;
  patient: boolean;
  /** Null when the record has no legal representative in force. */
  legalRepresentatives: boolean | null;
};

const STAND_IN_ID = "lecteur-type";

function baseContext(facts: TVisibilityFacts): TAccessContext {
  return {
    patientId: facts.doc.patientId,
    recordStatus: facts.recordStatus,
    breakGlassAllowed: true,
    samuAllowed: true,
    isTreatingDoctor: false,
    isBlocked: false,
    hasAuthorization: false,
    authorizationMethod: null,
    emergencyMode: null,
    isRepresentative: false,
    habilitation: new Map(),
    namespaceId: facts.namespaceId,
  };
}

function professional(id: string, profession: string | null, specialty: string | null, namespaceId: string | null): TProfessionalActor {
  return { kind: "PROFESSIONAL", professionalId: id, name: "", profession, specialty, isSamuRegulator: false, namespaceId };
}

export function explainDocumentVisibility(facts: TVisibilityFacts): TDocumentVisibility {
  const base = baseContext(facts);
  const docs = { now: facts.doc, ifToggled: { ...facts.doc, hiddenFromPros: !facts.doc.hiddenFromPros } };
  const both = (read: (doc: TPolicyDocument) => boolean): TReadability => ({ now: read(docs.now), ifToggled: read(docs.ifToggled) });

  const authorized = (profession: string, specialty: string | null): TReadability => {
    const actor = professional(STAND_IN_ID, profession, specialty, facts.namespaceId);
    const ctx: TAccessContext = { ...base, hasAuthorization: true, authorizationMethod: "CONSENT", habilitation: resolveHabilitation(facts.matrix, profession, specialty) };
    return both((doc) => canRead(actor, doc, ctx).allowed);
  };

  const professions = PROFESSION_CODES.map((code) => ({ code, label: PROFESSIONS[code], read: authorized(code, null) }));
  const doctors = professions.find((p) => p.code === "10")?.read;
  const specialtyExceptions = SPECIALTY_CODES.map((code) => ({ code, label: SPECIALTIES[code], read: authorized("10", code) })).filter(
    (s) => doctors && (s.read.now !== doctors.now || s.read.ifToggled !== doctors.ifToggled),
  );

  const doctor = facts.treatingDoctor ?? { profession: "10", specialty: null };
  const treatingActor = professional(STAND_IN_ID, doctor.profession, doctor.specialty, facts.namespaceId);
  const treatingCtx: TAccessContext = { ...base, isTreatingDoctor: true, habilitation: resolveHabilitation(facts.matrix, doctor.profession, doctor.specialty) };
  const treatingDoctor = { ...both((doc) => canRead(treatingActor, doc, treatingCtx).allowed), designated: facts.treatingDoctor !== null };

  const authorId = facts.doc.authorId;
  const author = authorId
    ? both((doc) => canRead(professional(authorId, null, null, facts.namespaceId), doc, { ...base, hasAuthorization: true, authorizationMethod: "CONSENT" }).allowed)
    : null;

  const patientActor: TPatientActor = { kind: "PATIENT", accountId: "", patientId: facts.doc.patientId, name: "" };
  const repActor: TLegalRepresentativeActor = { kind: "LEGAL_REPRESENTATIVE", accountId: "", patientId: facts.doc.patientId, name: "" };
  return {
    isMasked: facts.doc.hiddenFromPros,
    isOpposed: facts.doc.opposedAt !== null,
    isRecordClosed: facts.recordStatus === "CLOSED",
    professions,
    specialtyExceptions,
    treatingDoctor,
    author,
    patient: canRead(patientActor, facts.doc, base).allowed,
    legalRepresentatives: facts.hasLegalRepresentatives ? canRead(repActor, facts.doc, { ...base, isRepresentative: true }).allowed : null,
  };
}

function list(labels: readonly string[]): string {
  if (labels.length === 0) return "";
  if (labels.length === 1) return labels[0] as string;
  return `${labels.slice(0, -1).join(", ")} et ${labels.at(-1)}`;
}

const lower = (label: string) => label.charAt(0).toLowerCase() + label.slice(1);

/**
 * The explanation in plain French, one sentence per answer, for `reader`: the patient (or
 * a legal representative, who only ever asks about a document they see) or the author.
 */
export function visibilitySentences(v: TDocumentVisibility, reader: "PATIENT" | "LEGAL_REPRESENTATIVE" | "AUTHOR"): { professionals: string[]; patientSide: string[]; ifToggled: string[] } {
  const professionals: string[] = [];
  const readers = v.professions.filter((p) => p.read.now).map((p) => lower(p.label));
  if (v.isRecordClosed) professionals.push("Le dossier est fermé : aucun professionnel ne peut consulter ce document.");
  else if (v.isOpposed) professionals.push("Opposition du patient : aucun professionnel ne peut consulter ce document, ni son auteur ni le médecin traitant.");
  else if (v.isMasked) professionals.push("Masqué aux professionnels : les professionnels autorisés ne le voient pas, quelle que soit leur profession.");
  else if (readers.length === 0) professionals.push("Aucun professionnel autorisé ne peut le lire au titre de la matrice d'habilitations.");
  else {
    professionals.push(`Professionnels autorisés à accéder au dossier qui peuvent le lire selon la matrice d'habilitations : ${list(readers)}.`);
    const others = v.professions.filter((p) => !p.read.now && !p.read.ifToggled).map((p) => lower(p.label));
    if (others.length > 0) professionals.push(`Ne peuvent pas le lire : ${list(others)}.`);
    for (const s of v.specialtyExceptions) {
      professionals.push(`Exception de la matrice : les médecins en ${lower(s.label)} ${s.read.now ? "peuvent" : "ne peuvent pas"} le lire.`);
    }
  }
  if (!v.isRecordClosed) {
    const doctor = v.treatingDoctor.designated ? "Le médecin traitant" : "Le médecin traitant (aucun n'est désigné)";
    professionals.push(`${doctor} ${v.treatingDoctor.now ? "le voit" : "ne le voit pas"}${v.isMasked && v.treatingDoctor.now ? ", même masqué" : ""}.`);
    if (v.author) {
      const even = v.isMasked && v.author.now ? ", même masqué" : "";
      if (reader === "AUTHOR") professionals.push(`Vous, son auteur, ${v.author.now ? "le voyez" : "ne le voyez pas"}${even}.`);
      else professionals.push(`Son auteur ${v.author.now ? "le voit" : "ne le voit pas"}${even}.`);
    }
  }

  const patientSide: string[] = [];
  patientSide.push(v.patient ? "Le patient le voit dans son DMP." : "Invisible au patient : il ne le verra qu'après la consultation d'annonce, quand un professionnel le lui rendra visible.");
  // A representative is only ever shown documents they see: nothing to hide from them here.
  if (v.legalRepresentatives !== null && reader !== "LEGAL_REPRESENTATIVE") {
    patientSide.push(v.legalRepresentatives ? "Les représentants légaux le voient." : "Invisible aux représentants légaux.");
  }

  const ifToggled: string[] = [];
  if (!v.isRecordClosed && !v.isOpposed) {
    const gained = v.professions.filter((p) => !p.read.now && p.read.ifToggled).map((p) => lower(p.label));
    const lost = v.professions.filter((p) => p.read.now && !p.read.ifToggled).map((p) => lower(p.label));
    const keep = [v.treatingDoctor.ifToggled ? "le médecin traitant" : null, v.author?.ifToggled ? "son auteur" : null].filter((x): x is string => x !== null);
    if (v.isMasked) {
      ifToggled.push(gained.length > 0 ? `S'il n'était plus masqué, le liraient aussi : ${list(gained)} (professionnels autorisés).` : "S'il n'était plus masqué, aucun autre professionnel ne pourrait le lire.");
    } else {
      ifToggled.push(
        lost.length > 0
          ? `Si le patient le masque, ${list(lost)} ne le verront plus${keep.length > 0 ? ` ; seuls ${list(keep)} le verront encore` : ""}.`
          : "Si le patient le masque, rien ne change : aucun professionnel autorisé ne le lit aujourd'hui.",
      );
    }
  }
  return { professionals, patientSide, ifToggled };
}
