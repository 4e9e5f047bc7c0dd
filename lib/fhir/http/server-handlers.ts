import "server-only";
import { prisma } from "@/lib/db/client";
import { routeFhirRequest } from "./router";
import { handleToken } from "./token";

/** The API handlers bound to the server's database, for the thin app/api route files. */
const deps = { db: prisma };

/** Any FHIR route (FHIR_ROUTES), in JSON or XML as the client asks. */
export const fhirRequest = (request: Request) => routeFhirRequest(deps, request);
export const oauthToken = (request: Request) => handleToken(deps, request);
