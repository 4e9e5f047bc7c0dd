import { submissionSetId } from "../transaction-response";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { TProfessionalActor } from "@/lib/access/actor";
import type { TAccessContext } from "@/lib/access/access-context";
import { documentSql } from "@/lib/access/document-sql";
import { IDNAT_PS_SYSTEM, MHD_LIST_TYPES, UNIQUE_ID_SYSTEM } from "../constants";
import { errorResponse, fhirJsonResponse, FhirError } from "../operation-outcome";
import { toSubmissionSet, type TSubmissionSetForFhir } from "../submission-set";
import { authenticate, readerActorOf } from "./authenticate";
import { clientIp, fhirBaseUrl, nowOf, type TFhirDeps } from "./deps";
import { parseSearchSubject } from "./find-document-references";
import { openSubjectRecords, type TSearchSubject } from "./open-subject-records";
import { parseCount, parseOffset, searchParamsOf, searchsetBundle, token } from "./search-params";
import { queryRows } from "@/lib/db/raw-sql";
import { Prisma } from "@/lib/generated/prisma/client";

export type TListQuery = {
  subject: TSearchSubject;
  /** false: a code or status no SubmissionSet has (folder, retired…): nothing matches. */
  isSatisfiable: boolean;
  from: Date | null;
  to: Date | null;
  submitterIdNat: string | null;
  setId: string | null;
  count: number;
  offset: number;
};

const invalid = (message: string) => new FhirError(400, "value", message);

/** Each comma-separated code of a token parameter, with its system checked when given. */
function codesOf(params: URLSearchParams, name: string, system: string): string[] | null {
  const values = params.getAll(name);
  if (values.length === 0) return null;
  return values.flatMap((v) => v.split(",")).map((v) => {
    const t = token(v.trim());
    if (t.system && t.system !== system) throw invalid(`${name} : système ${system} attendu.`);
    return t.code;
  });
}

/** The parameters parseListQuery reads (the CapabilityStatement test holds it to this list). */
export const LIST_SEARCH_PARAMS = ["patient", "patient.identifier", "code", "status", "date", "source.identifier", "identifier", "_count", "_offset"] as const;

/** ITI-66 search parameters (SubmissionSets only: the platform keeps no folder). */
export function parseListQuery(params: URLSearchParams): TListQuery {
  const subject = parseSearchSubject(params);
  const codes = codesOf(params, "code", MHD_LIST_TYPES);
  const statuses = codesOf(params, "status", "http://hl7.org/fhir/list-status");
  let isSatisfiable = (!codes || codes.includes("submissionset")) && (!statuses || statuses.includes("current"));
  let from: Date | null = null;
  let to: Date | null = null;
  for (const raw of params.getAll("date")) {
    const m = /^(eq|ge|gt|le|lt)?(\d{4}-\d{2}-\d{2})$/.exec(raw);
    if (!m || Number.isNaN(Date.parse(m[2] as string))) throw invalid(`date : « ${raw.slice(0, 40)} » invalide (ex. ge2024-01-01).`);
    const prefix = m[1] ?? "eq";
    const start = new Date(`${m[2]}T00:00:00.000Z`);
    const end = new Date(start.getTime() + 86_400_000);
    if (prefix === "eq" || prefix === "ge") from = start;
    if (prefix === "gt") from = end;
    if (prefix === "eq" || prefix === "le") to = end;
    if (prefix === "lt") to = start;
  }
  const source = params.get("source.identifier");
  let submitterIdNat: string | null = null;
  if (source) {
    const t = token(source);
    if (t.system && t.system !== IDNAT_PS_SYSTEM) throw invalid(`source.identifier : système ${IDNAT_PS_SYSTEM} attendu.`);
    submitterIdNat = t.code.slice(0, 40);
  }
  const identifier = params.get("identifier");
  let setId: string | null = null;
  if (identifier) {
    const t = token(identifier);
    const m = /^urn:dmp-sim:submissionset:([A-Za-z0-9_-]{1,64})$/.exec(t.code);
    if ((t.system && t.system !== UNIQUE_ID_SYSTEM) || !m) isSatisfiable = false;
    else setId = m[1] as string;
  }
  return { subject, isSatisfiable, from, to, submitterIdNat, setId, count: parseCount(params), offset: parseOffset(params) };
}

type TSubmissionRow = {
  id: string;
  structureId: string;
  professionalId: string | null;
  submittedAt: Date | number | bigint | string;
  documentId: string;
  readable: number | bigint;
  finess: string;
  structureName: string;
  submitterIdNat: string | null;
};

/**
 * The submissions fed into one record, grouped into sets (one ITI-65 call = same structure,
 * submitter and instant), each listing only the documents this reader may read
 * (lib/access documentSql, the policy of the document lists); a set with none is left out.
 * Its id is the one ITI-65 gave in the List's location (submissionSetId over all its
 * documents, readable or not), so it is the same for every reader.
 */
async function submissionSetsOf(db: PrismaClient, actor: TProfessionalActor, ctx: TAccessContext, nir: string): Promise<TSubmissionSetForFhir[]> {
  const rows = await queryRows<TSubmissionRow>(db, Prisma.sql`
    SELECT f.id, f.structureId, f.professionalId, f.submittedAt, f.documentId,
           CASE WHEN ${documentSql(actor, ctx)} THEN 1 ELSE 0 END AS readable,
           s.finess, s.name AS structureName, p.idNat AS submitterIdNat
    FROM FeedSubmission f
    JOIN Document d ON d.id = f.documentId
    JOIN Structure s ON s.id = f.structureId
    LEFT JOIN Professional p ON p.id = f.professionalId
    WHERE f.patientId = ${ctx.patientId} AND f.outcome = 'FED_OK'
    ORDER BY f.submittedAt DESC, f.id ASC`);
  const sets = new Map<string, TSubmissionSetForFhir & { allDocumentIds: string[] }>();
  for (const row of rows) {
    const submittedAt = new Date(typeof row.submittedAt === "bigint" ? Number(row.submittedAt) : row.submittedAt);
    const key = [row.structureId, row.professionalId ?? "", submittedAt.toISOString()].join("|");
    let set = sets.get(key);
    if (!set) {
      set = { id: "", patientNir: nir, submittedAt, structureFiness: row.finess, structureName: row.structureName, submitterIdNat: row.submitterIdNat, documentIds: [], allDocumentIds: [] };
      sets.set(key, set);
    }
    if (!set.allDocumentIds.includes(row.documentId)) set.allDocumentIds.push(row.documentId);
    if (Number(row.readable) === 1 && !set.documentIds.includes(row.documentId)) set.documentIds.push(row.documentId);
  }
  return [...sets.values()]
    .filter((set) => set.documentIds.length > 0)
    .map(({ allDocumentIds, ...set }) => ({ ...set, id: submissionSetId(allDocumentIds) }));
}

/**
 * ITI-66 Find Document Lists: the SubmissionSets of a patient's records this professional
 * may open (lib/record-door/open-record: RECORD_VIEW trace, refusals included; a refused
 * record answers like an unknown one), newest first.
 */
export async function findDocumentLists(
  db: PrismaClient,
  actor: TProfessionalActor,
  query: TListQuery,
  options: { ipAddress?: string | null; now?: Date },
): Promise<{ resources: Record<string, unknown>[]; hasMore: boolean; total: number }> {
  const records = await openSubjectRecords(db, actor, query.subject, options);
  if (!query.isSatisfiable) return { resources: [], hasMore: false, total: 0 };
  const matches: TSubmissionSetForFhir[] = [];
  for (const { ctx, nir } of records) {
    for (const set of await submissionSetsOf(db, actor, ctx, nir)) {
      if (query.from && set.submittedAt < query.from) continue;
      if (query.to && set.submittedAt >= query.to) continue;
      if (query.submitterIdNat && set.submitterIdNat !== query.submitterIdNat) continue;
      if (query.setId && set.id !== query.setId) continue;
      matches.push(set);
    }
  }
  matches.sort((a, b) => b.submittedAt.getTime() - a.submittedAt.getTime() || (a.id < b.id ? -1 : 1));
  const page = matches.slice(query.offset, query.offset + query.count);
  return { resources: page.map(toSubmissionSet), hasMore: matches.length > query.offset + query.count, total: matches.length };
}

/** GET /api/fhir/List — ITI-66 Find Document Lists (SubmissionSets). */
export async function handleFindDocumentLists(deps: TFhirDeps, request: Request): Promise<Response> {
  try {
    const subject = await authenticate(deps, request);
    const actor = await readerActorOf(deps, request, subject);
    const params = await searchParamsOf(request);
    const query = parseListQuery(params);
    const { resources, hasMore, total } = await findDocumentLists(deps.db, actor, query, { ipAddress: clientIp(request), now: nowOf(deps) });
    return fhirJsonResponse(searchsetBundle({ baseUrl: fhirBaseUrl(request), resourceType: "List", params, resources, count: query.count, offset: query.offset, hasMore, total }));
  } catch (error) {
    return errorResponse(error);
  }
}
