import { FHIR_BASE_PATH, TOKEN_PATH } from "../constants";
import { outcomeResponse } from "../operation-outcome";
import type { TFhirDeps } from "./deps";
import { handleFindDocumentLists, LIST_SEARCH_PARAMS } from "./find-document-lists";
import { DOCUMENT_REFERENCE_SEARCH_PARAMS, handleFindDocumentReferences } from "./find-document-references";
import { handleLookupPatients, PATIENT_SEARCH_PARAMS } from "./lookup-patients";
import { handleMetadata } from "./metadata";
import { withFhirFormat } from "./negotiate-format";
import { handleProvideBundle } from "./provide-bundle";
import { handleRetrieveBinary } from "./retrieve-binary";
import { handleToken } from "./token";

/** What the CapabilityStatement says of a route: a system interaction, or one on a resource type. */
export type TRouteCapability =
  | { kind: "metadata" }
  | { kind: "system"; interaction: "transaction" }
  | { kind: "type"; resource: string; interaction: "read" }
  | { kind: "type"; resource: string; interaction: "search-type"; searchParams: readonly string[] };

export type TFhirRoute = {
  method: "GET" | "POST";
  /** Under FHIR_BASE_PATH; ":id" is a logical id. */
  path: string;
  capability: TRouteCapability;
  handle: (deps: TFhirDeps, request: Request, id: string) => Promise<Response> | Response;
};

/**
 * Every FHIR route of the API, in one table: the router serves it, the app/api route files
 * call the same handlers, and the CapabilityStatement test checks it against the statement.
 */
export const FHIR_ROUTES: readonly TFhirRoute[] = [
  { method: "GET", path: "/metadata", capability: { kind: "metadata" }, handle: (_deps, request) => handleMetadata(request) },
  { method: "POST", path: "", capability: { kind: "system", interaction: "transaction" }, handle: handleProvideBundle },
  { method: "GET", path: "/DocumentReference", capability: { kind: "type", resource: "DocumentReference", interaction: "search-type", searchParams: DOCUMENT_REFERENCE_SEARCH_PARAMS }, handle: handleFindDocumentReferences },
  { method: "POST", path: "/DocumentReference/_search", capability: { kind: "type", resource: "DocumentReference", interaction: "search-type", searchParams: DOCUMENT_REFERENCE_SEARCH_PARAMS }, handle: handleFindDocumentReferences },
  { method: "GET", path: "/Binary/:id", capability: { kind: "type", resource: "Binary", interaction: "read" }, handle: handleRetrieveBinary },
  { method: "GET", path: "/List", capability: { kind: "type", resource: "List", interaction: "search-type", searchParams: LIST_SEARCH_PARAMS }, handle: handleFindDocumentLists },
  { method: "GET", path: "/Patient", capability: { kind: "type", resource: "Patient", interaction: "search-type", searchParams: PATIENT_SEARCH_PARAMS }, handle: handleLookupPatients },
];

function matchRoute(route: TFhirRoute, method: string, pathname: string): { id: string } | null {
  if (route.method !== method) return null;
  const relative = pathname.slice(FHIR_BASE_PATH.length).replace(/\/$/, "");
  const pattern = new RegExp(`^${route.path.replace(":id", "([^/]+)")}$`);
  const m = pattern.exec(relative);
  return m ? { id: m[1] ? decodedId(m[1]) : "" } : null;
}

/** A malformed percent-encoding is no id (the handler answers as for an unknown one), never a 500. */
function decodedId(raw: string): string {
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}

/** A FHIR request (under FHIR_BASE_PATH) to its route, in JSON or XML (negotiate-format). */
export function routeFhirRequest(deps: TFhirDeps, request: Request): Promise<Response> {
  return withFhirFormat(request, (jsonRequest) => {
    const { pathname } = new URL(jsonRequest.url);
    const method = jsonRequest.method.toUpperCase();
    for (const route of FHIR_ROUTES) {
      const match = matchRoute(route, method, pathname);
      if (match) return route.handle(deps, jsonRequest, match.id);
    }
    return outcomeResponse(404, [{ severity: "error", code: "not-supported", diagnostics: `Opération non prise en charge : ${method} ${pathname}.` }]);
  });
}

/**
 * The API's routes in one function, mirroring the app/api route files (which call the
 * same handlers): lets the integration tests serve the API from a plain node:http server.
 */
export async function routeApiRequest(deps: TFhirDeps, request: Request): Promise<Response> {
  const { pathname } = new URL(request.url);
  if (pathname === TOKEN_PATH && request.method.toUpperCase() === "POST") return handleToken(deps, request);
  return routeFhirRequest(deps, request);
}
