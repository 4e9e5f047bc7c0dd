import "server-only";
import { prisma } from "@/lib/db/client";
import { handleFindDocumentReferences } from "./find-document-references";
import { handleMetadata } from "./metadata";
import { handleProvideBundle } from "./provide-bundle";
import { handleRetrieveBinary } from "./retrieve-binary";
import { handleToken } from "./token";

/** The API handlers bound to the server's database, for the thin app/api route files. */
const deps = { db: prisma };

export const fhirMetadata = (request: Request) => handleMetadata(request);
export const fhirProvideBundle = (request: Request) => handleProvideBundle(deps, request);
export const fhirFindDocumentReferences = (request: Request) => handleFindDocumentReferences(deps, request);
export const fhirRetrieveBinary = (request: Request, id: string) => handleRetrieveBinary(deps, request, id);
export const oauthToken = (request: Request) => handleToken(deps, request);
