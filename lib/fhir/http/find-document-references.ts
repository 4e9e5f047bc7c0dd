import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { TProfessionalActor } from "@/lib/access/actor";
import { findDocumentReferenceRows, type TDocumentReferenceRow } from "@/lib/documents/find-documents";
import { toDocumentListItem } from "@/lib/documents/document-list-item";
import type { TDocumentFilters } from "@/lib/documents/document-filters";
import { openRecord } from "@/lib/record-door/open-record";
import { isAppError } from "@/lib/errors/app-error";
import { normalizeNirInput } from "@/lib/identity/nir";
import { IDNAT_PS_SYSTEM, INS_SYSTEMS } from "../constants";
import { toDocumentReference } from "../document-reference";
import { errorResponse, fhirJsonResponse, FhirError } from "../operation-outcome";
import { authenticate, readerActorOf } from "./authenticate";
import { clientIp, fhirBaseUrl, nowOf, type TFhirDeps } from "./deps";

const STATUS = { current: "ACTIVE", superseded: "REPLACED", "entered-in-error": "ARCHIVED" } as const;

export type TSearchQuery = {
  nir: string;
  filters: Omit<TDocumentFilters, "page" | "pageSize">;
  authorIdNat: string | null;
  count: number;
  /** Matches to skip (paging: the Bundle's next link carries it). */
  offset: number;
};

function token(value: string): { system: string | null; code: string } {
  const bar = value.indexOf("|");
  return bar === -1 ? { system: null, code: value } : { system: value.slice(0, bar) || null, code: value.slice(bar + 1) };
}

function addDays(day: string, n: number): string {
  const d = new Date(`${day}T00:00:00.000Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

const invalid = (message: string) => new FhirError(400, "value", message);

/** ITI-67 search parameters → the portal's document filters. */
export function parseSearchQuery(params: URLSearchParams): TSearchQuery {
  const identifier = params.get("patient.identifier") ?? params.get("patient:identifier");
  if (!identifier) throw new FhirError(400, "required", "Paramètre patient.identifier obligatoire : urn:oid:1.2.250.1.213.1.4.8|<NIR>.");
  const ins = token(identifier);
  if (ins.system && !(INS_SYSTEMS as readonly string[]).includes(ins.system)) throw invalid(`patient.identifier : système ${ins.system.slice(0, 80)} inconnu (INS attendu).`);
  const nir = normalizeNirInput(ins.code);
  if (!/^[0-9]{5}(?:\d{2}|2[AB])\d{8}$/.test(nir)) throw invalid("patient.identifier : NIR de 15 caractères attendu.");
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
  const status = params.get("status") ?? "current";
  const mapped = (STATUS as Record<string, (typeof STATUS)[keyof typeof STATUS]>)[status];
  if (!mapped) throw invalid("status : current, superseded ou entered-in-error attendu.");
  filters.status = mapped;
  const author = params.get("author.identifier");
  let authorIdNat: string | null = null;
  if (author) {
    const t = token(author);
    if (t.system && t.system !== IDNAT_PS_SYSTEM) throw invalid(`author.identifier : système ${IDNAT_PS_SYSTEM} attendu.`);
    authorIdNat = t.code.slice(0, 40);
  }
  const countRaw = params.get("_count");
  const count = countRaw && /^\d+$/.test(countRaw) ? Math.min(100, Math.max(1, Number(countRaw))) : 50;
  const offsetRaw = params.get("_offset");
  if (offsetRaw !== null && !/^\d{1,5}$/.test(offsetRaw)) throw invalid("_offset : entier positif (99999 au plus) attendu.");
  return { nir, filters, authorIdNat, count, offset: offsetRaw === null ? 0 : Number(offsetRaw) };
}

/**
 * The DocumentReferences this professional may see for an INS. Every record with this
 * NIR (twins share one) is opened through lib/record-door/open-record (RECORD_VIEW trace,
 * refusals included) and listed through lib/documents/find-documents (lib/access filter
 * in the query): exactly what the portal shows.
 */
export async function findDocumentReferences(
  db: PrismaClient,
  actor: TProfessionalActor,
  query: TSearchQuery,
  options: { baseUrl: string; ipAddress?: string | null; now?: Date },
): Promise<{ resources: Record<string, unknown>[]; hasMore: boolean }> {
  const patients = await db.patient.findMany({ where: { nir: query.nir }, select: { id: true, nir: true }, orderBy: { birthRank: "asc" } });
  let authorId: string | undefined;
  if (query.authorIdNat) {
    const author = await db.professional.findUnique({ where: { idNat: query.authorIdNat }, select: { id: true } });
    if (!author) return { resources: [], hasMore: false };
    authorId = author.id;
  }
  // Enough rows of every record to cut the page after merging them (twins share a NIR).
  const needed = query.offset + query.count + 1;
  const found: { row: TDocumentReferenceRow; nir: string }[] = [];
  for (const patient of patients) {
    let ctx;
    try {
      ({ ctx } = await openRecord(db, actor, patient.id, { ipAddress: options.ipAddress, now: options.now }));
    } catch (error) {
      if (isAppError(error) && error.code === "NOT_FOUND") continue;
      throw error;
    }
    const rows = await findDocumentReferenceRows(db, actor, ctx, { ...query.filters, ...(authorId ? { authorId } : {}) }, needed);
    for (const row of rows) found.push({ row, nir: patient.nir });
  }
  // Newest first across records, as within one.
  found.sort((a, b) => b.row.serviceDate.getTime() - a.row.serviceDate.getTime() || b.row.submittedAt.getTime() - a.row.submittedAt.getTime());
  const page = found.slice(query.offset, query.offset + query.count);
  const resources = page.map(({ row, nir }) =>
    toDocumentReference(
      {
        ...toDocumentListItem(row),
        uniqueId: row.uniqueId,
        patientNir: nir,
        authorIdNat: row.author?.idNat ?? null,
        structureFiness: row.structure?.finess ?? null,
        replacesUniqueId: row.replaces?.uniqueId ?? null,
        sha1: row.sha1,
      },
      options.baseUrl,
    ),
  );
  return { resources, hasMore: found.length > query.offset + query.count };
}

/** GET /api/fhir/DocumentReference — ITI-67 Find Document References. */
export async function handleFindDocumentReferences(deps: TFhirDeps, request: Request): Promise<Response> {
  try {
    const subject = await authenticate(deps, request);
    const actor = await readerActorOf(deps, request, subject);
    const url = new URL(request.url);
    const query = parseSearchQuery(url.searchParams);
    const baseUrl = fhirBaseUrl(request);
    const { resources, hasMore } = await findDocumentReferences(deps.db, actor, query, { baseUrl, ipAddress: clientIp(request), now: nowOf(deps) });
    const pageUrl = (offset: number) => {
      const params = new URLSearchParams(url.searchParams);
      params.set("_count", String(query.count));
      params.set("_offset", String(offset));
      return `${baseUrl}/DocumentReference?${params.toString()}`;
    };
    const link = [{ relation: "self", url: `${baseUrl}/DocumentReference${url.search}` }];
    if (query.offset > 0) link.push({ relation: "previous", url: pageUrl(Math.max(0, query.offset - query.count)) });
    if (hasMore) link.push({ relation: "next", url: pageUrl(query.offset + query.count) });
    return fhirJsonResponse({
      resourceType: "Bundle",
      type: "searchset",
      // The total is known without a count only on the last page.
      ...(hasMore ? {} : { total: query.offset + resources.length }),
      link,
      entry: resources.map((resource) => ({ fullUrl: `${baseUrl}/DocumentReference/${String(resource.id)}`, resource, search: { mode: "match" } })),
    });
  } catch (error) {
    return errorResponse(error);
  }
}
