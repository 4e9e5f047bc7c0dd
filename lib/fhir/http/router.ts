import { FHIR_BASE_PATH, TOKEN_PATH } from "../constants";
import { outcomeResponse } from "../operation-outcome";
import type { TFhirDeps } from "./deps";
import { handleFindDocumentReferences } from "./find-document-references";
import { handleMetadata } from "./metadata";
import { handleProvideBundle } from "./provide-bundle";
import { handleRetrieveBinary } from "./retrieve-binary";
import { handleToken } from "./token";

/**
 * The API's routes in one function, mirroring the app/api route files (which call the
 * same handlers): lets the integration tests serve the API from a plain node:http server.
 */
export async function routeApiRequest(deps: TFhirDeps, request: Request): Promise<Response> {
  const { pathname } = new URL(request.url);
  const method = request.method.toUpperCase();
  if (pathname === TOKEN_PATH && method === "POST") return handleToken(deps, request);
  if (pathname === `${FHIR_BASE_PATH}/metadata` && method === "GET") return handleMetadata(request);
  if ((pathname === FHIR_BASE_PATH || pathname === `${FHIR_BASE_PATH}/`) && method === "POST") return handleProvideBundle(deps, request);
  if (pathname === `${FHIR_BASE_PATH}/DocumentReference` && method === "GET") return handleFindDocumentReferences(deps, request);
  const binary = new RegExp(`^${FHIR_BASE_PATH}/Binary/([^/]+)$`).exec(pathname);
  if (binary && method === "GET") return handleRetrieveBinary(deps, request, decodeURIComponent(binary[1] as string));
  return outcomeResponse(404, [{ severity: "error", code: "not-supported", diagnostics: `Opération non prise en charge : ${method} ${pathname}.` }]);
}
