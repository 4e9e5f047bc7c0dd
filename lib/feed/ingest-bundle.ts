import { Prisma, type PrismaClient } from "@/lib/generated/prisma/client";
import type { DocumentStatus, FeedOutcome, ProfessionalKind, RecordStatus } from "@/lib/generated/prisma/enums";
import { parseNir } from "@/lib/identity/nir";
import { IDENTITY_TRAIT_LABELS, matchIdentity } from "@/lib/identity/match-identity";
import { canReplaceDocument, feedAuthorship, knownUniqueIdDecision, mayFeedRecord, UNIQUE_ID_TAKEN_MESSAGE, type TFeedDenyRule } from "@/lib/access/feed-rules";
import { documentTypeLabel } from "@/lib/reference/document-types";
import { chainedTraceInsertSql, lockedTraceInsertSql, type TTraceInput } from "@/lib/traces/append-trace";
import { documentNotifications, notificationInsertSql, type TNotifyInput } from "@/lib/notifications/notify-patient";
import type { TPatientSideMasking } from "@/lib/access/notification-audience";
import { sameNamespaceSql } from "@/lib/access/sandbox-namespace";
import { newRowId } from "@/lib/db/new-id";
import { isAppError } from "@/lib/errors/app-error";
import { FhirError, type TIssueCode, type TOperationOutcomeIssue } from "@/lib/fhir/operation-outcome";
import { documentIdentitiesOf, parseProvideBundle, type TDocumentIdentity, type TParsedDocument, type TSupersedePatch } from "@/lib/fhir/parse-bundle";
import { contentDigests } from "@/lib/documents/content-digest";
import { FEED_OUTCOME_LABELS } from "./feed-outcomes";
import { rejectOpposedSources } from "./feed-opposition";
import { dialectOf } from "@/lib/db/dialect";
import { documentContentInsertSql, documentInsertSql, feedSubmissionInsertSql, type TFedDocumentRow, type TFeedSubmissionRow } from "./feed-statements";
import { violatedConstraint } from "@/lib/db/violated-constraint";
import { feedTraceText } from "./feed-trace-text";
import { platformNow } from "@/lib/clock/clock";
import { personWithStructure } from "@/lib/notifications/notification-wording";
import { queryRows, executeSql, executeAllOrNothing } from "@/lib/db/raw-sql";

/**
 * Who submits: a structure authenticated with its server certificate (indirect mode, the
 * professional named per request) or a professional with a CPS card (direct mode, the
 * structure being theirs). Built from the access token by lib/fhir/http, never from the body.
 */
export type TFeedCaller = {
  mode: "DIRECT" | "INDIRECT";
  structureId: string;
  /** DIRECT: the card holder. INDIRECT: the professional named in X-DMP-Professional, if any. */
  professionalId: string | null;
  /**
   * The structure and the submitter, when the authentication of this same request already
   * read them (lib/fhir/http): not read again. Without it, ingestBundle reads them.
   */
  known?: { structure: TFeedStructure; submitter: TFeedAuthor | null };
};

export type TDocumentResult = {
  index: number;
  uniqueId: string;
  outcome: FeedOutcome;
  status: number;
  code: TIssueCode;
  message: string;
  documentId: string | null;
  /** The same unique id was already fed: nothing new was written. */
  isResend: boolean;
};

/** An UpdateDocumentRefs PATCH entry: the document the bundle's replacement supersedes. */
export type TPatchResult = { index: number; documentId: string };

export type TIngestResult = {
  /** Every document fed (or already fed): the bundle was committed. */
  ok: boolean;
  /** 200 when ok, else the status of the first failing document. */
  status: number;
  results: TDocumentResult[];
  /** The PATCH entries (when ok), each naming the document it superseded. */
  patches: TPatchResult[];
  /** Bundle-level problems (not tied to one DocumentReference). */
  issues: TOperationOutcomeIssue[];
};

export type TIngestRequest = { ipAddress?: string | null; now?: Date };

type TStructure = { id: string; finess: string; name: string; namespaceId: string | null };
export type TFeedStructure = TStructure;
export type TFeedAuthor = TAuthor;
type TAuthor = { id: string; idNat: string; kind: ProfessionalKind; title: string | null; firstName: string; lastName: string; profession: string | null; specialty: string | null; structureId: string | null };
/** A record a NIR designates (several when beneficiaries share a parent's NIR). */
type TCandidate = { id: string; nir: string; birthDate: string; birthRank: number; recordStatus: RecordStatus };
/** A stored document, with what a resend must repeat identically (raw SQL: dates and booleans as SQLite returns them). */
type TKnownDocument = {
  id: string;
  uniqueId: string;
  patientId: string;
  structureId: string | null;
  status: DocumentStatus;
  typeCode: string;
  title: string;
  authorId: string | null;
  serviceDate: Date | string | number;
  confidentiality: string;
  hiddenFromPros: boolean | number | bigint;
  hiddenFromPatient: boolean | number | bigint;
  hiddenFromLegalReps: boolean | number | bigint;
  replacesId: string | null;
  mediaType: string;
  sha256: string;
};
/** What the documents' checks read from the database, loaded once for the whole bundle. */
type TLookups = {
  authors: ReadonlyMap<string, TAuthor>;
  recordsByNir: ReadonlyMap<string, TCandidate[]>;
  documents: ReadonlyMap<string, TKnownDocument>;
  /** The same known documents by server id (relatesTo.target.reference "DocumentReference/<id>"). */
  documentsById: ReadonlyMap<string, TKnownDocument>;
  /** For each candidate record, the professionals (submitter or authors of the bundle) its patient blocked. */
  blocksByPatient: ReadonlyMap<string, ReadonlySet<string>>;
  /** The candidate records whose patient has a standing FEED_OPPOSITION (checked by rejectOpposedSources). */
  opposedPatients: ReadonlySet<string>;
  /** Whether `documents` / `documentsById` were read (else empty: see ingestBundle). */
  documentsRead: boolean;
};
type TPlanned = { result: TDocumentResult; doc?: TParsedDocument; author?: TAuthor; patientId?: string | null; replacesId?: string | null; identity: TDocumentIdentity };

function fail(index: number, uniqueId: string, outcome: FeedOutcome, status: number, code: TIssueCode, message: string): TDocumentResult {
  return { index, uniqueId, outcome, status, code, message, documentId: null, isResend: false };
}

function authorName(a: Pick<TAuthor, "title" | "firstName" | "lastName">): string {
  return [a.title, a.firstName, a.lastName].filter(Boolean).join(" ");
}

const NO_BLOCK: ReadonlySet<string> = new Set();

/**
 * Identity certification: NIR (key checked) + birth date + birth rank against the records.
 * A record whose patient blocked the submitter or the author is left out first, so the
 * answer is the one for a record that does not exist (the block is not revealed).
 */
function certify(lookups: TLookups, index: number, doc: TParsedDocument, submitterId: string | null, authorId: string): { result: TDocumentResult | null; patientId: string | null } {
  let nir: string;
  try {
    nir = parseNir(doc.nir);
  } catch (error) {
    const reason = isAppError(error) ? (error.userMessage ?? error.message) : "NIR invalide.";
    return { result: fail(index, doc.uniqueId, "REJECTED", 422, "value", `INS invalide : ${reason}`), patientId: null };
  }
  const candidates = (lookups.recordsByNir.get(nir) ?? []).filter((c) => mayFeedRecord(lookups.blocksByPatient.get(c.id) ?? NO_BLOCK, submitterId, authorId).allowed);
  if (candidates.length === 0) {
    return { result: fail(index, doc.uniqueId, "RECORD_NOT_FOUND", 404, "not-found", "DMP non trouvé : aucun dossier n'existe pour cet INS."), patientId: null };
  }
  const sent = { nir, birthDate: doc.birthDate, birthRank: doc.birthRank };
  const match = candidates.find((c) => matchIdentity(sent, c).outcome === "MATCH");
  if (!match) {
    const nearest = candidates.map((c) => matchIdentity(sent, c)).sort((a, b) => a.differences.length - b.differences.length)[0];
    const traits = (nearest?.differences ?? []).map((t) => IDENTITY_TRAIT_LABELS[t]).join(", ");
    return {
      result: fail(index, doc.uniqueId, "CERTIFICATION_KO", 422, "business-rule", `Certification de l'identité KO, différent du dossier : ${traits}.`),
      patientId: null,
    };
  }
  if (match.recordStatus === "CLOSED") {
    return { result: fail(index, doc.uniqueId, "RECORD_CLOSED", 422, "business-rule", "DMP fermé : ce dossier a été fermé par son titulaire, il ne peut plus être alimenté."), patientId: match.id };
  }
  return { result: null, patientId: match.id };
}

/** The French answer to each authorship refusal of lib/access/feed-rules. */
function authorshipRefusal(rule: TFeedDenyRule, n: { author: string; submitter: string; structure: string; idNat: string; type: string }): [number, TIssueCode, string] {
  switch (rule) {
    case "CARD_HOLDER_NOT_AUTHOR":
      return [403, "forbidden", `En mode direct, l'auteur d'un document est le porteur de la carte CPS : ${n.submitter} ne peut pas déposer un document signé par ${n.author}.`];
    case "HEALTH_PROFESSIONAL_SIGNS_FOR_COLLEAGUE":
      return [403, "forbidden", `Un professionnel de santé dépose un document en son propre nom : ${n.submitter} ne peut pas déposer un document signé par ${n.author}.`];
    case "SUBMITTER_NOT_OF_STRUCTURE":
      return [403, "forbidden", `${n.submitter} n'exerce pas dans la structure ${n.structure}.`];
    case "TYPE_NOT_AUTHORABLE":
      return [422, "business-rule", `Type de document non autorisé : ${n.author} ne peut pas envoyer ${n.type}.`];
    default:
      return [403, "forbidden", `L'auteur ${n.idNat} n'est pas un professionnel de la structure ${n.structure}.`];
  }
}

function asBoolean(value: boolean | number | bigint): boolean {
  return Number(value) === 1;
}

/** A resend must repeat the stored document exactly (content and metadata), as XDS's hash check. */
function isSameDocument(existing: TKnownDocument, doc: TParsedDocument, authorId: string, replacesId: string | null): boolean {
  return (
    existing.sha256 === contentDigests(doc.content.bytes).sha256 &&
    existing.mediaType === doc.content.mediaType &&
    existing.typeCode === doc.typeCode &&
    existing.title === doc.title &&
    existing.authorId === authorId &&
    new Date(existing.serviceDate).getTime() === doc.serviceDate.getTime() &&
    existing.confidentiality === doc.confidentiality &&
    asBoolean(existing.hiddenFromPros) === doc.masking.hiddenFromPros &&
    asBoolean(existing.hiddenFromPatient) === doc.masking.hiddenFromPatient &&
    asBoolean(existing.hiddenFromLegalReps) === doc.masking.hiddenFromLegalReps &&
    existing.replacesId === replacesId
  );
}

function planDocument(caller: TFeedCaller, structure: TStructure, submitter: TAuthor | null, lookups: TLookups, index: number, doc: TParsedDocument): Omit<TPlanned, "identity"> {
  const reject = (status: number, code: TIssueCode, message: string, outcome: FeedOutcome = "REJECTED") => ({ result: fail(index, doc.uniqueId, outcome, status, code, message) });
  if (doc.custodianFiness !== structure.finess) {
    return reject(403, "forbidden", `La structure indiquée (FINESS ${doc.custodianFiness}) n'est pas celle du certificat (FINESS ${structure.finess}).`);
  }
  // The card holder sending their own document (the usual case) is already loaded.
  const author = (submitter && submitter.idNat === doc.authorIdNat ? submitter : lookups.authors.get(doc.authorIdNat)) ?? null;
  const authorship = feedAuthorship({ mode: caller.mode, structureId: structure.id, submitter, author, typeCode: doc.typeCode });
  if (!authorship.allowed || !author) {
    const [status, code, message] = authorshipRefusal(authorship.allowed ? "AUTHOR_NOT_OF_STRUCTURE" : authorship.rule, {
      author: author ? authorName(author) : doc.authorIdNat,
      submitter: submitter ? authorName(submitter) : structure.name,
      structure: structure.name,
      idNat: doc.authorIdNat,
      type: `« ${documentTypeLabel(doc.typeCode)} » (${doc.typeCode})`,
    });
    return reject(status, code, message);
  }
  const certification = certify(lookups, index, doc, submitter?.id ?? null, author.id);
  if (certification.result) return { result: certification.result, author, patientId: certification.patientId };
  const patientId = certification.patientId as string;

  let replacesId: string | null = null;
  if (doc.replacesUniqueId || doc.replacesDocumentId) {
    // A document the author may not replace gets the answer of an unknown one: its existence is not revealed.
    const old = doc.replacesUniqueId ? lookups.documents.get(doc.replacesUniqueId) : lookups.documentsById.get(doc.replacesDocumentId as string);
    if (!old || old.patientId !== patientId || !canReplaceDocument(author, structure.id, old).allowed) {
      const named = doc.replacesUniqueId ?? `DocumentReference/${doc.replacesDocumentId}`;
      return reject(422, "not-found", `Document à remplacer introuvable dans ce dossier (${named}).`);
    }
    if (old.status !== "ACTIVE" && !lookups.documents.has(doc.uniqueId)) return reject(409, "conflict", "Le document à remplacer a déjà été remplacé ou archivé.");
    replacesId = old.id;
  }

  const existing = lookups.documents.get(doc.uniqueId);
  if (existing) {
    // One answer whether the id is this structure's or another's (lib/access/feed-rules UNIQUE_ID_TAKEN).
    const known = knownUniqueIdDecision(existing, { patientId, structureId: structure.id }, isSameDocument(existing, doc, author.id, replacesId));
    if (!known.allowed) return reject(409, "duplicate", UNIQUE_ID_TAKEN_MESSAGE);
    return {
      result: { index, uniqueId: doc.uniqueId, outcome: "FED_OK", status: 200, code: "informational", message: "Document déjà intégré (renvoi identique) : rien n'a été modifié.", documentId: existing.id, isResend: true },
      author,
      patientId,
      replacesId,
    };
  }
  return {
    result: { index, uniqueId: doc.uniqueId, outcome: "FED_OK", status: 201, code: "informational", message: "Document intégré au DMP.", documentId: null, isResend: false },
    doc,
    author,
    patientId,
    replacesId,
  };
}

/*
 * The reads below are raw SQL: each is one indexed statement, and a Prisma call costs
 * several times the statement itself (query compilation on every call).
 */

/** The authenticated structure and, when one is named, the submitting professional, in one query. */
async function loadStructureAndSubmitter(db: PrismaClient, caller: TFeedCaller): Promise<{ structure: TStructure | null; submitter: TAuthor | null }> {
  const [row] = await queryRows<TStructure & { professionalId: string | null } & Omit<TAuthor, "id">>(db, Prisma.sql`
    SELECT s.id, s.finess, s.name, s.namespaceId, p.id AS professionalId, p.idNat, p.kind, p.title, p.firstName, p.lastName, p.profession, p.specialty, p.structureId
    FROM Structure s LEFT JOIN Professional p ON p.id = ${caller.professionalId}
    WHERE s.id = ${caller.structureId}`);
  if (!row) return { structure: null, submitter: null };
  const { id, finess, name, namespaceId, professionalId, ...professional } = row;
  return { structure: { id, finess, name, namespaceId: namespaceId ?? null }, submitter: professionalId ? { id: professionalId, ...professional } : null };
}

/**
 * The authors, records and known documents the bundle's documents name. The records come
 * with the professionals of the bundle their patient blocked and the head of their trace
 * chain, in one statement; the authors are read only when one is not the submitter. Both
 * are those of the structure's sandbox namespace (SAME_SANDBOX_NAMESPACE): a record of
 * another namespace is not found, as an unknown one.
 */
async function loadLookups(
  db: PrismaClient,
  docs: readonly TParsedDocument[],
  submitter: TAuthor | null,
  namespaceId: string | null,
  withDocuments: boolean,
): Promise<TLookups> {
  const idNats = [...new Set(docs.map((d) => d.authorIdNat).filter((idNat) => idNat !== submitter?.idNat))];
  const nirs = [
    ...new Set(
      docs.flatMap((d) => {
        try {
          return [parseNir(d.nir)];
        } catch {
          return []; // certify() reports it
        }
      }),
    ),
  ];
  const authors =
    idNats.length === 0
      ? []
      : await queryRows<TAuthor>(db, Prisma.sql`
          SELECT id, idNat, kind, title, firstName, lastName, profession, specialty, structureId FROM Professional
          WHERE idNat IN (${Prisma.join(idNats)}) AND ${sameNamespaceSql(Prisma.sql`namespaceId`, namespaceId)}`);
  const professionalIds = [...new Set([...(submitter ? [submitter.id] : []), ...authors.map((a) => a.id)])];
  // One row per record, or per block of one of these professionals on it.
  const blocked = professionalIds.length === 0 ? Prisma.sql`1 = 0` : Prisma.sql`b.professionalId IN (${Prisma.join(professionalIds)})`;
  const records =
    nirs.length === 0
      ? []
      : await queryRows<TCandidate & { blockedId: string | null; opposed: number | bigint }>(db, Prisma.sql`
          SELECT p.id, p.nir, p.birthDate, p.birthRank, p.recordStatus, b.professionalId AS blockedId,
            CASE WHEN EXISTS (SELECT 1 FROM FeedOpposition o WHERE o.patientId = p.id AND o.withdrawnAt IS NULL) THEN 1 ELSE 0 END AS opposed
          FROM Patient p LEFT JOIN PatientBlock b ON b.patientId = p.id AND ${blocked}
          WHERE p.nir IN (${Prisma.join(nirs)}) AND ${sameNamespaceSql(Prisma.sql`p.namespaceId`, namespaceId)}`);
  const recordsByNir = new Map<string, TCandidate[]>();
  const blocksByPatient = new Map<string, Set<string>>();
  const seen = new Set<string>();
  const opposedPatients = new Set<string>();
  for (const { blockedId, opposed, ...r } of records) {
    if (blockedId !== null) blocksByPatient.set(r.id, (blocksByPatient.get(r.id) ?? new Set()).add(blockedId));
    if (Number(opposed) === 1) opposedPatients.add(r.id);
    if (seen.has(r.id)) continue;
    seen.add(r.id);
    recordsByNir.set(r.nir, [...(recordsByNir.get(r.nir) ?? []), r]);
  }
  const known = withDocuments ? await loadKnownDocuments(db, docs) : { documents: new Map(), documentsById: new Map(), documentsRead: false };
  return { authors: new Map(authors.map((a) => [a.idNat, a])), recordsByNir, blocksByPatient, opposedPatients, ...known };
}

/** The stored documents the bundle's unique ids (and the documents it replaces) name. */
async function loadKnownDocuments(db: PrismaClient, docs: readonly TParsedDocument[]): Promise<Pick<TLookups, "documents" | "documentsById" | "documentsRead">> {
  const uniqueIds = [...new Set(docs.flatMap((d) => (d.replacesUniqueId ? [d.uniqueId, d.replacesUniqueId] : [d.uniqueId])))];
  const documentIds = [...new Set(docs.flatMap((d) => (d.replacesDocumentId ? [d.replacesDocumentId] : [])))];
  const documents =
    uniqueIds.length === 0
      ? []
      : await queryRows<TKnownDocument>(db, Prisma.sql`
          SELECT id, uniqueId, patientId, structureId, status, typeCode, title, authorId, serviceDate, confidentiality,
            hiddenFromPros, hiddenFromPatient, hiddenFromLegalReps, replacesId, mediaType, sha256
          FROM Document WHERE uniqueId IN (${Prisma.join(uniqueIds)}) OR id IN (${Prisma.join(documentIds.length > 0 ? documentIds : [""])})`);
  return { documents: new Map(documents.map((d) => [d.uniqueId, d])), documentsById: new Map(documents.map((d) => [d.id, d])), documentsRead: true };
}

/** writeFeed met a unique id already stored while the known documents were not read: plan again with them. */
const UNREAD_KNOWN_DOCUMENT = Symbol("unread known document");

function submissionRow(caller: TFeedCaller, structureId: string, p: TPlanned, now: Date, override?: { outcome: FeedOutcome; detail: string }): TFeedSubmissionRow & { id: string } {
  return {
    id: newRowId(),
    structureId,
    professionalId: caller.professionalId ?? p.author?.id ?? null,
    documentUniqueId: p.result.uniqueId || p.identity.uniqueId,
    nir: p.doc?.nir ?? p.identity.nir,
    birthDate: p.doc?.birthDate ?? p.identity.birthDate,
    birthRank: p.doc?.birthRank ?? p.identity.birthRank,
    outcome: override?.outcome ?? p.result.outcome,
    detail: (override?.detail ?? p.result.message).slice(0, 500),
    patientId: p.patientId ?? null,
    documentId: p.result.documentId,
    submittedAt: now,
  };
}

/**
 * The trace names the person who submitted (the card holder, or the professional declared
 * in indirect mode, else the author the structure declared) and the structure; the author
 * is in its detail.
 */
function traceActor(structure: TStructure, submitter: TAuthor | null, author: TAuthor): Pick<TTraceInput, "actorKind" | "actorId" | "actorName" | "actorProfession" | "actorStructure"> {
  const person = submitter ?? author;
  return {
    actorKind: "PROFESSIONAL",
    actorId: person.id,
    actorName: authorName(person),
    actorProfession: [person.profession, person.specialty].filter(Boolean).join("/") || null,
    actorStructure: structure.name,
  };
}

/**
 * ITI-65 ingestion: parses the bundle, checks who signs each document and who may replace
 * (lib/access/feed-rules), certifies each document's identity against the records (NIR
 * with its key + birth date + birth rank; a record whose patient blocked the submitter or
 * the author counts as absent) and feeds them, all or nothing:
 * - every document FED_OK (or already fed: same unique id, record, structure, content and
 *   metadata; a resend that differs is a 409)
 *   → one transaction creates the documents (source HOSPITAL_FEED), marks replaced ones
 *   REPLACED, writes a FEED_DOCUMENT trace and the NEW_DOCUMENT notification (to the
 *   patient-side readers who may see it) and one FeedSubmission row per document;
 * - otherwise nothing is created but the FeedSubmission rows, each with its outcome
 *   (documents that were fine are REJECTED "lot refusé").
 * No consent is needed to feed an existing record.
 */
export async function ingestBundle(db: PrismaClient, caller: TFeedCaller, json: unknown, request: TIngestRequest = {}): Promise<TIngestResult> {
  const now = request.now ?? platformNow();
  const { structure, submitter } = caller.known ?? (await loadStructureAndSubmitter(db, caller));
  if (!structure) throw new FhirError(403, "forbidden", "Structure inconnue : le jeton ne désigne aucune structure.");
  if (caller.professionalId && (!submitter || submitter.structureId !== structure.id)) {
    throw new FhirError(403, "forbidden", "Le professionnel désigné n'exerce pas dans la structure authentifiée.");
  }

  let parsed;
  try {
    parsed = parseProvideBundle(json);
  } catch (error) {
    if (!(error instanceof FhirError)) throw error;
    const identities = documentIdentitiesOf(json);
    if (identities.length > 0) {
      await executeSql(db,
        feedSubmissionInsertSql(
          identities.map((identity, i) => submissionRow(caller, structure.id, { identity, result: fail(i, identity.uniqueId, "REJECTED", error.status, "structure", error.message) }, now)),
        ),
      );
    }
    throw error;
  }

  const docs = parsed.documents.flatMap((entry) => (entry.ok ? [entry.document] : []));
  // The known documents are read up front only for a replacement. Otherwise each unique id is
  // new in the usual case, and the UNIQUE index says when one is not: the bundle (nothing of
  // it written) is then planned again with them, as is a refused bundle, so that resends and
  // duplicates get exactly their own answers.
  let lookups = await loadLookups(db, docs, submitter, structure.namespaceId, docs.some((d) => d.replacesUniqueId || d.replacesDocumentId));
  for (;;) {
    const planned: TPlanned[] = parsed.documents.map((entry) =>
      entry.ok
        ? { identity: entry.identity, ...planDocument(caller, structure, submitter, lookups, entry.index, entry.document) }
        : { identity: entry.identity, result: fail(entry.index, entry.identity.uniqueId, "REJECTED", entry.rejection.status, entry.rejection.code, entry.rejection.message) },
    );
    // FEED_OPPOSITION (issue 17), read only for the records the lookup found opposed.
    await rejectOpposedSources(db, structure.id, submitter?.id ?? null, planned, lookups.opposedPatients);

    const failed = planned.filter((p) => p.result.outcome !== "FED_OK");
    const patchIssues = failed.length > 0 ? [] : unmatchedPatches(parsed.patches, planned);
    if ((failed.length > 0 || patchIssues.length > 0) && !lookups.documentsRead) {
      lookups = { ...lookups, ...(await loadKnownDocuments(db, docs)) };
      continue;
    }
    if (failed.length > 0 || patchIssues.length > 0) {
      const cancelled = failed.length > 0 ? "Lot refusé : un autre document du lot n'a pas pu être intégré (transaction tout ou rien)." : "Lot refusé : une entrée PATCH du lot ne correspond à aucun remplacement.";
      await executeSql(db,
        feedSubmissionInsertSql(planned.map((p) => submissionRow(caller, structure.id, p, now, p.result.outcome === "FED_OK" ? { outcome: "REJECTED", detail: cancelled } : undefined))),
      );
      const results = planned.map((p) => (p.result.outcome === "FED_OK" ? { ...p.result, outcome: "REJECTED" as const, status: 422, code: "business-rule" as const, message: cancelled, documentId: null } : p.result));
      return { ok: false, status: failed.length > 0 ? (failed[0] as TPlanned).result.status : 422, results, patches: [], issues: patchIssues };
    }

    try {
      await writeFeed(db, caller, structure, submitter, lookups, planned, request, now);
    } catch (error) {
      if (error !== UNREAD_KNOWN_DOCUMENT) throw error;
      lookups = { ...lookups, ...(await loadKnownDocuments(db, docs)) };
      continue;
    }
    return { ok: true, status: 200, results: planned.map((p) => p.result), patches: parsed.patches.map(({ index, documentId }) => ({ index, documentId })), issues: [] };
  }
}

type TCreation = TPlanned & { doc: TParsedDocument; author: TAuthor; patientId: string };

/**
 * Writes a bundle whose documents are all accepted, all or nothing: the new documents and
 * their contents (replaced ones marked REPLACED), a FEED_DOCUMENT trace each, the
 * NEW_DOCUMENT notifications and one FeedSubmission row per document, each table in one
 * INSERT. Without replacement on SQLite, the statements go as one batch transaction (the
 * traces' INSERT chains to the heads it reads itself). With a replacement (whose status is
 * checked as it changes), or on PostgreSQL, in an interactive transaction.
 */
async function writeFeed(
  db: PrismaClient,
  caller: TFeedCaller,
  structure: TStructure,
  submitter: TAuthor | null,
  lookups: TLookups,
  planned: TPlanned[],
  request: TIngestRequest,
  now: Date,
): Promise<void> {
  const creations = planned.filter((p): p is TCreation => !p.result.isResend && Boolean(p.doc && p.author && p.patientId));
  const rows: TFedDocumentRow[] = creations.map((p) => {
    const d = p.doc;
    p.result.documentId = newRowId();
    return {
      id: p.result.documentId,
      uniqueId: d.uniqueId,
      patientId: p.patientId,
      typeCode: d.typeCode,
      classCode: d.classCode,
      title: d.title,
      authorId: p.author.id,
      structureId: structure.id,
      serviceDate: d.serviceDate,
      submittedAt: now,
      confidentiality: d.confidentiality,
      masking: d.masking,
      replacesId: p.replacesId ?? null,
      mediaType: d.content.mediaType,
      bytes: d.content.bytes,
    };
  });
  const traces: TTraceInput[] = creations.map((p) => ({
    patientId: p.patientId,
    ...traceActor(structure, submitter, p.author),
    action: "FEED_DOCUMENT",
    documentId: p.result.documentId,
    ...feedTraceText({ typeCode: p.doc.typeCode, title: p.doc.title, masking: p.doc.masking, authorName: authorName(p.author), isNewVersion: Boolean(p.replacesId) }),
    ipAddress: request.ipAddress ?? null,
    at: now,
  }));
  const submissions = planned.map((p) => submissionRow(caller, structure.id, p, now));
  const statements = (traceSql: Prisma.Sql | null, replaced: ReadonlyMap<string, TPatientSideMasking>): Prisma.Sql[] => {
    const notifications: TNotifyInput[] = creations.flatMap((p) =>
      documentNotifications({
        patientId: p.patientId,
        doc: p.doc.masking,
        replaced: p.replacesId ? (replaced.get(p.replacesId) ?? null) : null,
        say: (news) => ({ kind: "NEW_DOCUMENT", news, by: personWithStructure(authorName(p.author), structure.name), title: p.doc.title, typeCode: p.doc.typeCode }),
      }),
    );
    return [
      // traceSql is null exactly when the bundle creates no document.
      ...(traceSql ? [documentInsertSql(rows), documentContentInsertSql(rows), traceSql] : []),
      ...(notifications.length > 0 ? [notificationInsertSql(notifications, now)] : []),
      feedSubmissionInsertSql(submissions),
    ];
  };
  try {
    // SQLite: the traces' INSERT reads its chains' heads itself (chainedTraceInsertSql), so
    // without replacement the statements go as one batch; on PostgreSQL the chains are
    // locked in the transaction below.
    if (creations.every((p) => !p.replacesId) && dialectOf(db) !== "postgresql") {
      await executeAllOrNothing(db, statements(traces.length > 0 ? chainedTraceInsertSql(traces) : null, new Map()));
      return;
    }
    await db.$transaction(
      async (tx) => {
        for (const p of creations) {
          if (!p.replacesId) continue;
          const updated = await executeSql(tx, Prisma.sql`UPDATE Document SET status = ${"REPLACED"} WHERE id = ${p.replacesId} AND status = ${"ACTIVE"}`);
          if (updated !== 1) throw new FhirError(409, "conflict", "Le document à remplacer vient d'être modifié : renvoyez le lot.");
        }
        const replacedIds = creations.flatMap((p) => (p.replacesId ? [p.replacesId] : []));
        const replaced =
          replacedIds.length === 0
            ? []
            : await queryRows<{ id: string; hiddenFromPatient: boolean | number | bigint; hiddenFromLegalReps: boolean | number | bigint }>(tx, Prisma.sql`
                SELECT id, hiddenFromPatient, hiddenFromLegalReps FROM Document WHERE id IN (${Prisma.join(replacedIds)})`);
        const masking = new Map(replaced.map((r) => [r.id, { hiddenFromPatient: asBoolean(r.hiddenFromPatient), hiddenFromLegalReps: asBoolean(r.hiddenFromLegalReps) }]));
        const traceSql = traces.length === 0 ? null : dialectOf(tx) === "postgresql" ? await lockedTraceInsertSql(tx, traces) : chainedTraceInsertSql(traces);
        for (const sql of statements(traceSql, masking)) await executeSql(tx, sql);
      },
      { timeout: 30_000, maxWait: 10_000 },
    );
  } catch (error) {
    if (error instanceof FhirError) throw error;
    if (violatedConstraint(error) === "UNIQUE" && !lookups.documentsRead) throw UNREAD_KNOWN_DOCUMENT;
    if (violatedConstraint(error) === "UNIQUE") {
      throw new FhirError(409, "conflict", "Un document de ce lot vient d'être intégré par une autre requête : renvoyez le lot.");
    }
    throw error;
  }
}

/**
 * UpdateDocumentRefs: a PATCH entry only states what a DocumentReference of the bundle
 * does by replacing that document (which the replacement marks superseded anyway). A patch
 * of any other document is refused, with the same words whether it exists or not.
 */
function unmatchedPatches(patches: readonly TSupersedePatch[], planned: readonly TPlanned[]): TOperationOutcomeIssue[] {
  const replaced = new Set(planned.flatMap((p) => (p.replacesId ? [p.replacesId] : [])));
  return patches
    .filter((patch) => !replaced.has(patch.documentId))
    .map((patch) => ({
      severity: "error" as const,
      code: "business-rule" as const,
      diagnostics: `PATCH DocumentReference/${patch.documentId} : accepté seulement avec une DocumentReference du lot qui remplace ce document (relatesTo « replaces »).`,
      expression: [`Bundle.entry[${patch.index}]`],
    }));
}

export function outcomeLabel(outcome: FeedOutcome): string {
  return FEED_OUTCOME_LABELS[outcome];
}
