import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { TProfessionalActor } from "@/lib/access/actor";
import { findDocumentReferenceRows, findDocuments, type TDocumentReferenceRow } from "@/lib/documents/find-documents";
import { toDocumentListItem } from "@/lib/documents/document-list-item";
import type { TDocumentFilters } from "@/lib/documents/document-filters";
import { normalizeNirInput } from "@/lib/identity/nir";
import { IDNAT_PS_SYSTEM, INS_SYSTEMS } from "../constants";
import { documentReferenceJson } from "../document-reference";
import { errorResponse, fhirJsonTextResponse, FhirError } from "../operation-outcome";
import { authenticate, readerActorOf } from "./authenticate";
import { clientIp, fhirBaseUrl, nowOf, type TFhirDeps } from "./deps";
import { openSubjectRecords, type TSearchSubject } from "./open-subject-records";
import { parseCount, parseOffset, searchParamsOf, searchsetBundleJson, token } from "./search-params";
import { queryRows } from "@/lib/db/raw-sql";
import { Prisma } from "@/lib/generated/prisma/client";

const STATUS = { current: "ACTIVE", superseded: "REPLACED", "entered-in-error": "ARCHIVED" } as const;
type TDocumentStatus = (typeof STATUS)[keyof typeof STATUS];

export type TSearchQuery = {
  subject: TSearchSubject;
  /** One search per status, merged (status=current,superseded). */
  statuses: TDocumentStatus[];
  filters: Omit<TDocumentFilters, "page" | "pageSize" | "status">;
  authorIdNat: string | null;
  /** 0: the total only, no entry (_count=0). */
  count: number;
  /** Matches to skip (paging: the Bundle's next link carries it). */
  offset: number;
};

function addDays(day: string, n: number): string {
  const d = new Date(`${day}T00:00:00.000Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

const invalid = (message: string) => new FhirError(400, "value", message);

/** The parameters parseSearchQuery reads (the CapabilityStatement test holds it to this list). */
export const DOCUMENT_REFERENCE_SEARCH_PARAMS = ["patient", "patient.identifier", "type", "category", "date", "status", "author.identifier", "_count", "_offset"] as const;

/** The INS of `patient.identifier` (system|NIR): its NIR. */
export function parseInsToken(name: string, value: string): string {
  const ins = token(value);
  if (ins.system && !(INS_SYSTEMS as readonly string[]).includes(ins.system)) throw invalid(`${name} : système ${ins.system.slice(0, 80)} inconnu (INS attendu).`);
  const nir = normalizeNirInput(ins.code);
  if (!/^[0-9]{5}(?:\d{2}|2[AB])\d{8}$/.test(nir)) throw invalid(`${name} : NIR de 15 caractères attendu.`);
  return nir;
}

/** A Patient reference (Patient/<id>, relative or absolute, or the bare id) → the record id. */
export function parsePatientReference(value: string): string {
  const m = /^(?:(?:.*\/)?Patient\/)?([A-Za-z0-9_-]{1,64})$/.exec(value.trim());
  if (!m) throw invalid("patient : référence Patient/<id> attendue (id renvoyé par GET Patient?identifier=…).");
  return m[1] as string;
}

/** `patient` (a Patient reference) or `patient.identifier` (the INS): one is required. */
export function parseSearchSubject(params: URLSearchParams): TSearchSubject {
  const identifier = params.get("patient.identifier") ?? params.get("patient:identifier");
  const reference = params.get("patient");
  if (identifier) return { nir: parseInsToken("patient.identifier", identifier) };
  if (reference) return { patientId: parsePatientReference(reference) };
  throw new FhirError(400, "required", "Paramètre patient.identifier (urn:oid:1.2.250.1.213.1.4.8|<NIR>) ou patient (Patient/<id>) obligatoire.");
}

/** ITI-67 search parameters → the portal's document filters. */
export function parseSearchQuery(params: URLSearchParams): TSearchQuery {
  const subject = parseSearchSubject(params);
  const filters: TSearchQuery["filters"] = {};
  const type = params.get("type");
  if (type) filters.typeCode = token(type).code.slice(0, 40);
  const category = params.get("category");
  if (category) filters.classCode = token(category).code.slice(0, 10);
  for (const raw of params.getAll("date")) {
    const m = /^(eq|ge|gt|le|lt)?(\d{4}-\d{2}-\d{2})/.exec(raw);
    if (!m || Number.isNaN(Date.parse(m[2] as string))) throw invalid(`date : « ${raw.slice(0, 40)} » invalide (ex. ge2024-01-01).`);
    const prefix = m[1] ?? "eq";
    const day = m[2] as string;
    if (prefix === "eq" || prefix === "ge") filters.from = day;
    if (prefix === "gt") filters.from = addDays(day, 1);
    if (prefix === "eq" || prefix === "le") filters.to = day;
    if (prefix === "lt") filters.to = addDays(day, -1);
  }
  const statuses: TDocumentStatus[] = [];
  for (const status of (params.getAll("status").join(",") || "current").split(",")) {
    const mapped = (STATUS as Record<string, TDocumentStatus>)[status.trim()];
    if (!mapped) throw invalid("status : current, superseded ou entered-in-error attendu (plusieurs séparés par des virgules).");
    if (!statuses.includes(mapped)) statuses.push(mapped);
  }
  const author = params.get("author.identifier");
  let authorIdNat: string | null = null;
  if (author) {
    const t = token(author);
    if (t.system && t.system !== IDNAT_PS_SYSTEM) throw invalid(`author.identifier : système ${IDNAT_PS_SYSTEM} attendu.`);
    authorIdNat = t.code.slice(0, 40);
  }
  return { subject, statuses, filters, authorIdNat, count: parseCount(params), offset: parseOffset(params) };
}

/**
 * The DocumentReferences this professional may see for a patient. Every record of the
 * subject (by NIR: twins share one) is opened through lib/record-door/open-record
 * (RECORD_VIEW trace, refusals included) and listed through lib/documents/find-documents
 * (lib/access filter in the query): exactly what the portal shows.
 */
export async function findDocumentReferences(
  db: PrismaClient,
  actor: TProfessionalActor,
  query: TSearchQuery,
  options: { baseUrl: string; ipAddress?: string | null; now?: Date },
): Promise<{ resources: { id: string; json: string }[]; hasMore: boolean; total: number | null }> {
  let authorId: string | undefined;
  if (query.authorIdNat) {
    const [author] = await queryRows<{ id: string }>(db, Prisma.sql`SELECT id FROM Professional WHERE idNat = ${query.authorIdNat}`);
    if (!author) return { resources: [], hasMore: false, total: 0 };
    authorId = author.id;
  }
  const records = await openSubjectRecords(db, actor, query.subject, options);
  const filtersOf = (status: TDocumentStatus) => ({ ...query.filters, status, ...(authorId ? { authorId } : {}) });
  if (query.count === 0) {
    // _count=0: how many, and nothing else (one COUNT per record and status).
    let total = 0;
    for (const { ctx } of records) {
      for (const status of query.statuses) total += (await findDocuments(db, actor, ctx, { ...filtersOf(status), page: 1, pageSize: 1 })).total;
    }
    return { resources: [], hasMore: false, total };
  }
  // Enough rows of every record and status to cut the page after merging them.
  const needed = query.offset + query.count + 1;
  const found: { row: TDocumentReferenceRow; nir: string }[] = [];
  for (const { ctx, nir } of records) {
    for (const status of query.statuses) {
      for (const row of await findDocumentReferenceRows(db, actor, ctx, filtersOf(status), needed)) found.push({ row, nir });
    }
  }
  // Newest first across records and statuses, as within one.
  found.sort(
    (a, b) =>
      b.row.serviceDate.getTime() - a.row.serviceDate.getTime() || b.row.submittedAt.getTime() - a.row.submittedAt.getTime() || (a.row.id < b.row.id ? 1 : -1),
  );
  const page = found.slice(query.offset, query.offset + query.count);
  const resources = page.map(({ row, nir }) => ({
    id: row.id,
    // Object.assign adds to the fresh list item; a spread copied its 22 members again for each of the 50 (issue 14).
    json: documentReferenceJson(
      Object.assign(toDocumentListItem(row), {
        uniqueId: row.uniqueId,
        patientNir: nir,
        authorIdNat: row.author?.idNat ?? null,
        structureFiness: row.structure?.finess ?? null,
        replacesUniqueId: row.replaces?.uniqueId ?? null,
        sha1: row.sha1,
      }),
      options.baseUrl,
    ),
  }));
  const hasMore = found.length > query.offset + query.count;
  // The total is known without a count only on the last page.
  return { resources, hasMore, total: hasMore ? null : query.offset + resources.length };
}

/**
 * GET /api/fhir/DocumentReference and POST /api/fhir/DocumentReference/_search — ITI-67
 * Find Document References (the POST form carries the same parameters in its body).
 */
export async function handleFindDocumentReferences(deps: TFhirDeps, request: Request): Promise<Response> {
  try {
    const subject = await authenticate(deps, request);
    const actor = await readerActorOf(deps, request, subject);
    const params = await searchParamsOf(request);
    const query = parseSearchQuery(params);
    const baseUrl = fhirBaseUrl(request);
    const { resources, hasMore, total } = await findDocumentReferences(deps.db, actor, query, { baseUrl, ipAddress: clientIp(request), now: nowOf(deps) });
    return fhirJsonTextResponse(
      searchsetBundleJson({ baseUrl, resourceType: "DocumentReference", params, resources, count: query.count, offset: query.offset, hasMore, total }),
    );
  } catch (error) {
    return errorResponse(error);
  }
}
