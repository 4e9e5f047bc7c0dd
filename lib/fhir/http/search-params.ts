import { readBodyBytes, BodyTooLargeError } from "@/lib/http/body-limit";
import { FhirError } from "../operation-outcome";

/** A search form is a few parameters: anything larger is not one. */
const MAX_SEARCH_FORM_BYTES = 16 * 1024;

/**
 * The search parameters of a GET (query string) or of a POST <type>/_search (query string
 * and the form-encoded body, as FHIR's search by POST defines it).
 */
export async function searchParamsOf(request: Request): Promise<URLSearchParams> {
  const params = new URLSearchParams(new URL(request.url).searchParams);
  if (request.method.toUpperCase() !== "POST") return params;
  const contentType = (request.headers.get("content-type") ?? "").split(";")[0]?.trim().toLowerCase() ?? "";
  if (contentType !== "application/x-www-form-urlencoded") {
    throw new FhirError(415, "not-supported", "Recherche par POST : corps application/x-www-form-urlencoded attendu.");
  }
  let body: Buffer;
  try {
    body = await readBodyBytes(request, MAX_SEARCH_FORM_BYTES);
  } catch (error) {
    if (error instanceof BodyTooLargeError) throw new FhirError(413, "too-long", "Formulaire de recherche trop volumineux (16 Ko au plus).");
    throw error;
  }
  for (const [name, value] of new URLSearchParams(body.toString("utf8"))) params.append(name, value);
  return params;
}

/**
 * A searchset Bundle with its self link (the GET form of the search, whatever the method),
 * previous and next pages (_offset), and the total when it is known. _count=0 answers the
 * total alone.
 */
export function searchsetBundle(input: {
  baseUrl: string;
  resourceType: string;
  params: URLSearchParams;
  resources: Record<string, unknown>[];
  count: number;
  offset: number;
  hasMore: boolean;
  total: number | null;
}): Record<string, unknown> {
  const { baseUrl, resourceType, params, resources, count, offset, hasMore, total } = input;
  const searchUrl = (changes: Record<string, string> = {}) => {
    const next = new URLSearchParams(params);
    for (const [name, value] of Object.entries(changes)) next.set(name, value);
    const query = next.toString();
    return `${baseUrl}/${resourceType}${query ? `?${query}` : ""}`;
  };
  const link = [{ relation: "self", url: searchUrl() }];
  if (count > 0 && offset > 0) link.push({ relation: "previous", url: searchUrl({ _count: String(count), _offset: String(Math.max(0, offset - count)) }) });
  if (count > 0 && hasMore) link.push({ relation: "next", url: searchUrl({ _count: String(count), _offset: String(offset + count) }) });
  return {
    resourceType: "Bundle",
    type: "searchset",
    ...(total === null ? {} : { total }),
    link,
    ...(resources.length > 0
      ? { entry: resources.map((resource) => ({ fullUrl: `${baseUrl}/${resourceType}/${String(resource.id)}`, resource, search: { mode: "match" } })) }
      : {}),
  };
}

/** A token search value, "system|code" or "code". */
export function token(value: string): { system: string | null; code: string } {
  const bar = value.indexOf("|");
  return bar === -1 ? { system: null, code: value } : { system: value.slice(0, bar) || null, code: value.slice(bar + 1) };
}

/** _count: a page size from 0 (the total only) to 100; 50 by default. */
export function parseCount(params: URLSearchParams): number {
  const raw = params.get("_count");
  return raw && /^\d{1,6}$/.test(raw) ? Math.min(100, Number(raw)) : 50;
}

/** _offset: where the page starts, 0 by default; anything but 0–99999 is a 400. */
export function parseOffset(params: URLSearchParams): number {
  const raw = params.get("_offset");
  if (raw !== null && !/^\d{1,5}$/.test(raw)) throw new FhirError(400, "value", "_offset : entier positif (99999 au plus) attendu.");
  return raw === null ? 0 : Number(raw);
}

/**
 * searchsetBundle with resources already written as JSON text (documentReferenceJson),
 * exactly JSON.stringify of searchsetBundle with those resources: the entries come last.
 */
export function searchsetBundleJson(input: Omit<Parameters<typeof searchsetBundle>[0], "resources"> & { resources: readonly { id: string; json: string }[] }): string {
  const { resources, ...rest } = input;
  const head = JSON.stringify(searchsetBundle({ ...rest, resources: [] }));
  if (resources.length === 0) return head;
  const entries = resources.map(
    (r) => `{"fullUrl":${JSON.stringify(`${input.baseUrl}/${input.resourceType}/${r.id}`)},"resource":${r.json},"search":{"mode":"match"}}`,
  );
  return `${head.slice(0, -1)},"entry":[${entries.join(",")}]}`;
}
