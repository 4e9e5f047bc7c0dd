import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { TProfessionalActor } from "@/lib/access/actor";
import { findDocumentReferenceRows } from "@/lib/documents/find-documents";
import { toDocumentListItem } from "@/lib/documents/document-list-item";
import type { TDocumentFilters } from "@/lib/documents/document-filters";
import { openRecord } from "@/lib/records/open-record";
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
  return { nir, filters, authorIdNat, count };
}

/**
 * The DocumentReferences this professional may see for an INS. Every record with this
 * NIR (twins share one) is opened through lib/records/open-record (RECORD_VIEW trace,
 * refusals included) and listed through lib/documents/find-documents (lib/access filter
 * in the query): exactly what the portal shows.
 */
export async function findDocumentReferences(
  db: PrismaClient,
  actor: TProfessionalActor,
  query: TSearchQuery,
  options: { baseUrl: string; ipAddress?: string | null; now?: Date },
): Promise<Record<string, unknown>[]> {
  const patients = await db.patient.findMany({ where: { nir: query.nir }, select: { id: true, nir: true }, orderBy: { birthRank: "asc" } });
  let authorId: string | undefined;
  if (query.authorIdNat) {
    const author = await db.professional.findUnique({ where: { idNat: query.authorIdNat }, select: { id: true } });
    if (!author) return [];
    authorId = author.id;
  }
  const resources: Record<string, unknown>[] = [];
  for (const patient of patients) {
    let ctx;
    try {
      ({ ctx } = await openRecord(db, actor, patient.id, { ipAddress: options.ipAddress, now: options.now }));
    } catch (error) {
      if (isAppError(error) && error.code === "NOT_FOUND") continue;
      throw error;
    }
    const rows = await findDocumentReferenceRows(db, actor, ctx, { ...query.filters, ...(authorId ? { authorId } : {}) }, query.count);
    for (const row of rows) {
      resources.push(
        toDocumentReference(
          {
            ...toDocumentListItem(row),
            uniqueId: row.uniqueId,
            patientNir: patient.nir,
            authorIdNat: row.author?.idNat ?? null,
            structureFiness: row.structure?.finess ?? null,
            replacesUniqueId: row.replaces?.uniqueId ?? null,
          },
          options.baseUrl,
        ),
      );
    }
  }
  return resources.slice(0, query.count);
}

/** GET /api/fhir/DocumentReference — ITI-67 Find Document References. */
export async function handleFindDocumentReferences(deps: TFhirDeps, request: Request): Promise<Response> {
  try {
    const subject = await authenticate(deps, request);
    const actor = await readerActorOf(deps, request, subject);
    const url = new URL(request.url);
    const query = parseSearchQuery(url.searchParams);
    const baseUrl = fhirBaseUrl(request);
    const resources = await findDocumentReferences(deps.db, actor, query, { baseUrl, ipAddress: clientIp(request), now: nowOf(deps) });
    return fhirJsonResponse({
      resourceType: "Bundle",
      type: "searchset",
      total: resources.length,
      link: [{ relation: "self", url: `${baseUrl}/DocumentReference${url.search}` }],
      entry: resources.map((resource) => ({ fullUrl: `${baseUrl}/DocumentReference/${String(resource.id)}`, resource, search: { mode: "match" } })),
    });
  } catch (error) {
    return errorResponse(error);
  }
}
