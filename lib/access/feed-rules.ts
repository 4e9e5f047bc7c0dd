import type { ProfessionalKind } from "@/lib/generated/prisma/enums";
import { canAuthorType } from "@/lib/reference/authorable-types";
import { isPatientDocumentType } from "@/lib/reference/document-types";

/**
 * Who may feed a record (API ITI-65 and /hopital) and who may replace a document (same
 * rule for the portal and the feed). Pure functions: the callers load the people and the
 * document, these decide.
 */

/** Rules that allow feeding or replacing, named for tests and readers. */
export const FEED_GRANT_RULES = {
  OWN_DOCUMENT: "L'auteur dépose en son nom",
  ON_BEHALF_OF_AUTHOR: "Personnel de la structure déposant pour un professionnel de santé de la structure",
  REPLACE_OWN: "Auteur du document remplacé",
  REPLACE_STRUCTURE_STAFF: "Professionnel de santé de la structure du document, habilité à rédiger ce type",
  NOT_BLOCKED: "Ni le déclarant ni l'auteur ne sont bloqués par le patient",
  IDENTICAL_RESEND: "Renvoi identique d'un document déjà intégré par la même structure",
  NOT_OPPOSED: "Le patient ne s'est opposé ni à ce professionnel ni à cet établissement",
} as const;

/** Rules that refuse, in the order feedAuthorship / canReplaceDocument check them. */
export const FEED_DENY_RULES = {
  AUTHOR_NOT_OF_STRUCTURE: "L'auteur n'exerce pas dans la structure qui alimente",
  CARD_HOLDER_NOT_AUTHOR: "En mode direct, l'auteur est le porteur de la carte",
  SUBMITTER_NOT_OF_STRUCTURE: "Le déclarant n'exerce pas dans la structure qui alimente",
  HEALTH_PROFESSIONAL_SIGNS_FOR_COLLEAGUE: "Un professionnel de santé ne dépose qu'en son propre nom",
  TYPE_NOT_AUTHORABLE: "L'auteur n'est pas habilité à rédiger ce type de document",
  OTHER_STRUCTURE: "Document d'une autre structure",
  NOT_AUTHOR_NOR_STAFF: "Ni l'auteur ni un professionnel habilité de sa structure",
  BLOCKED: "Professionnel bloqué par le patient",
  UNIQUE_ID_TAKEN: "Identifiant unique déjà connu pour un autre contenu, un autre dossier ou une autre structure",
  SOURCE_OPPOSED: "Le patient s'est opposé à l'alimentation de son dossier par ce professionnel ou cet établissement",
} as const;

export type TFeedGrantRule = keyof typeof FEED_GRANT_RULES;
export type TFeedDenyRule = keyof typeof FEED_DENY_RULES;
export type TFeedDecision = { allowed: true; rule: TFeedGrantRule } | { allowed: false; rule: TFeedDenyRule };

/** A professional as these rules see them. */
export type TFeedPerson = {
  id: string;
  kind: ProfessionalKind;
  profession: string | null;
  specialty: string | null;
  structureId: string | null;
};

/** May this person author (sign) a document of this type? Patient-space and insurance types never. */
export function mayAuthorType(person: Pick<TFeedPerson, "kind" | "profession" | "specialty">, typeCode: string): boolean {
  if (person.kind !== "HEALTH_PROFESSIONAL" || isPatientDocumentType(typeCode) || typeCode === "REMB") return false;
  return canAuthorType(person.profession, person.specialty, typeCode);
}

/**
 * Who signs a fed document. Direct mode (CPS card): the author is the card holder.
 * Indirect mode (structure certificate): the declared professional acts (the
 * X-DMP-Professional one, or without it the author itself); a health professional acts
 * only in their own name, staff (a medical secretary) may submit for a health
 * professional of the structure. In every case the author is a health professional of
 * the structure allowed to author the type.
 */
export function feedAuthorship(input: {
  mode: "DIRECT" | "INDIRECT";
  structureId: string;
  /** DIRECT: the card holder. INDIRECT: the declared professional, null when none was named. */
  submitter: TFeedPerson | null;
  author: TFeedPerson | null;
  typeCode: string;
}): TFeedDecision {
  const { mode, structureId, submitter, author, typeCode } = input;
  if (!author || author.structureId !== structureId) return { allowed: false, rule: "AUTHOR_NOT_OF_STRUCTURE" };
  if (submitter && submitter.id !== author.id) {
    if (mode === "DIRECT") return { allowed: false, rule: "CARD_HOLDER_NOT_AUTHOR" };
    if (submitter.structureId !== structureId) return { allowed: false, rule: "SUBMITTER_NOT_OF_STRUCTURE" };
    if (submitter.kind === "HEALTH_PROFESSIONAL") return { allowed: false, rule: "HEALTH_PROFESSIONAL_SIGNS_FOR_COLLEAGUE" };
  }
  if (!mayAuthorType(author, typeCode)) return { allowed: false, rule: "TYPE_NOT_AUTHORABLE" };
  return { allowed: true, rule: submitter && submitter.id !== author.id ? "ON_BEHALF_OF_AUTHOR" : "OWN_DOCUMENT" };
}

/**
 * May this professional (the author of the new version) replace this document? Its
 * author may, and so may a health professional of the document's structure allowed to
 * author its type; never from another structure (a document without structure, from a
 * professional working alone, only by its author).
 */
export function canReplaceDocument(
  replacer: TFeedPerson,
  /** The structure the replacement is made in: the feeding structure, or the portal user's own. */
  actingStructureId: string | null,
  old: { authorId: string | null; structureId: string | null; typeCode: string },
): TFeedDecision {
  if ((old.structureId ?? null) !== (actingStructureId ?? null)) return { allowed: false, rule: "OTHER_STRUCTURE" };
  if (old.authorId !== null && old.authorId === replacer.id) return { allowed: true, rule: "REPLACE_OWN" };
  if (actingStructureId !== null && replacer.structureId === actingStructureId && mayAuthorType(replacer, old.typeCode)) {
    return { allowed: true, rule: "REPLACE_STRUCTURE_STAFF" };
  }
  return { allowed: false, rule: "NOT_AUTHOR_NOR_STAFF" };
}

/**
 * A record whose patient blocked the submitter or the author is not fed by them: the
 * feed treats it as absent (the same answer as no record), so the block is not revealed.
 */
export function mayFeedRecord(blockedProfessionalIds: ReadonlySet<string>, submitterId: string | null, authorId: string): TFeedDecision {
  if (blockedProfessionalIds.has(authorId) || (submitterId !== null && blockedProfessionalIds.has(submitterId))) return { allowed: false, rule: "BLOCKED" };
  return { allowed: true, rule: "NOT_BLOCKED" };
}

/** The one answer to every use of a known masterIdentifier but an identical resend (see UNIQUE_ID_TAKEN). */
export const UNIQUE_ID_TAKEN_MESSAGE =
  "Identifiant unique (masterIdentifier) déjà connu avec un contenu ou des métadonnées différents : un renvoi doit être identique. Pour une nouvelle version, envoyez un nouvel identifiant unique avec relatesTo « replaces ».";

/**
 * A DocumentReference whose masterIdentifier is already known. Only the identical resend
 * of the same structure for the same record is accepted (and writes nothing). Everything
 * else is one refusal, whatever the reason (different content or metadata, another
 * record, another structure): the answer does not tell whether the id is this
 * structure's, nor that another structure or patient uses it. The unique id's OID root
 * belongs to its submitter, so a structure meets another's id only by mistake or probing.
 */
export function knownUniqueIdDecision(
  existing: { patientId: string; structureId: string | null },
  incoming: { patientId: string; structureId: string },
  isIdenticalContent: boolean,
): TFeedDecision {
  if (existing.structureId === incoming.structureId && existing.patientId === incoming.patientId && isIdenticalContent) {
    return { allowed: true, rule: "IDENTICAL_RESEND" };
  }
  return { allowed: false, rule: "UNIQUE_ID_TAKEN" };
}

/** A patient's opposition to a source feeding the record (exactly one of the two ids). */
export type TFeedOpposition = { professionalId: string | null; structureId: string | null; withdrawnAt: Date | null };

/**
 * FEED_OPPOSITION (issue 17): the patient refused in advance that a professional or an
 * establishment feed the record. A document is refused (SOURCE_OPPOSED, a clear outcome:
 * the patient chose it) when the feeding structure, the author or the submitter is opposed;
 * a withdrawn opposition no longer counts. Unlike a block, the record is not hidden.
 */
export function feedOppositionDecision(
  oppositions: readonly TFeedOpposition[],
  feeder: { structureId: string; authorId: string; submitterId: string | null },
): TFeedDecision {
  const opposed = oppositions.some(
    (o) =>
      o.withdrawnAt === null &&
      ((o.structureId !== null && o.structureId === feeder.structureId) ||
        (o.professionalId !== null && (o.professionalId === feeder.authorId || o.professionalId === feeder.submitterId))),
  );
  return opposed ? { allowed: false, rule: "SOURCE_OPPOSED" } : { allowed: true, rule: "NOT_OPPOSED" };
}

export const SOURCE_OPPOSED_MESSAGE =
  "Opposition du patient : il a refusé que ce professionnel ou cet établissement alimente son DMP. Le document n'est pas intégré.";
