import { platformNow } from "@/lib/clock/clock";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { TProfessionalActor } from "@/lib/access/actor";
import { patientLookupFor, type TSearchAccess } from "@/lib/access/identity-before-access";
import { loadAccessContext } from "@/lib/access/load-access-context";
import { describeDecision } from "@/lib/access/decision";
import { appendTraces, type TTraceInput } from "@/lib/traces/append-trace";
import { traceActorFields } from "@/lib/traces/actor-fields";
import { INS_SYSTEMS, RECORD_ACCESS_EXTENSION } from "../constants";
import { errorResponse, fhirJsonResponse, FhirError } from "../operation-outcome";
import { authenticate, readerActorOf } from "./authenticate";
import { clientIp, fhirBaseUrl, nowOf, type TFhirDeps } from "./deps";
import { parseInsToken } from "./find-document-references";
import { searchsetBundle } from "./search-params";

/**
 * Every answer takes at least this long, found or not: a record the policy hides (closed,
 * blocking the caller) costs a context load and a trace, an unknown INS almost nothing, and
 * that difference must not tell them apart.
 */
export const LOOKUP_FLOOR_MS = 80;

const ACCESS_TEXT: Record<TSearchAccess, string> = {
  TREATING_DOCTOR: "médecin traitant",
  AUTHORIZED: "autorisé",
  EMERGENCY: "accès en urgence en cours",
  NONE: "aucun accès : autorisation du patient à recueillir",
};

/** The Patient a lookup answers: who the record belongs to and that it is open, nothing of its content. */
function toPatient(patient: { id: string; nir: string; firstName: string; lastName: string; birthDate: string; sex: "M" | "F" }, access: TSearchAccess) {
  return {
    resourceType: "Patient",
    id: patient.id,
    extension: [{ url: RECORD_ACCESS_EXTENSION, valueCoding: { system: RECORD_ACCESS_EXTENSION, code: access, display: ACCESS_TEXT[access] } }],
    identifier: [{ system: INS_SYSTEMS[0], value: patient.nir }],
    // The record is open: a closed one is never shown (PATIENT_LOOKUP).
    active: true,
    name: [{ family: patient.lastName, given: [patient.firstName] }],
    gender: patient.sex === "F" ? "female" : "male",
    birthDate: patient.birthDate,
  };
}

/**
 * The records of an INS this professional may learn exist (lib/access PATIENT_LOOKUP), each
 * lookup traced on the record (PATIENT_LOOKUP, refusals included) in one statement.
 */
export async function lookupPatients(
  db: PrismaClient,
  actor: TProfessionalActor,
  nir: string,
  options: { ipAddress?: string | null; now?: Date },
): Promise<Record<string, unknown>[]> {
  const now = options.now ?? platformNow();
  const patients = await db.patient.findMany({
    where: { nir },
    select: { id: true, nir: true, firstName: true, lastName: true, birthDate: true, sex: true },
    orderBy: { birthRank: "asc" },
  });
  const found: Record<string, unknown>[] = [];
  const traces: TTraceInput[] = [];
  for (const patient of patients) {
    const lookup = patientLookupFor(actor, await loadAccessContext(db, actor, patient.id, now));
    traces.push({
      patientId: patient.id,
      ...traceActorFields(actor),
      action: "PATIENT_LOOKUP",
      outcome: lookup.isShown ? "ALLOWED" : "REFUSED",
      reason: lookup.isShown ? `Dossier signalé (${ACCESS_TEXT[lookup.access]})` : describeDecision({ allowed: false, rule: lookup.rule }),
      ipAddress: options.ipAddress ?? null,
      at: now,
    });
    if (lookup.isShown) found.push(toPatient(patient, lookup.access));
  }
  await appendTraces(db, traces);
  return found;
}

/** The parameters parseLookup reads (the CapabilityStatement test holds it to this list). */
export const PATIENT_SEARCH_PARAMS = ["identifier"] as const;

function parseLookup(params: URLSearchParams): string {
  const identifier = params.get("identifier");
  if (!identifier) throw new FhirError(400, "required", "Paramètre identifier obligatoire : urn:oid:1.2.250.1.213.1.4.8|<NIR>.");
  return parseInsToken("identifier", identifier);
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** GET /api/fhir/Patient?identifier=<INS> — does a record exist for this INS (PDQm ITI-78 style)? */
export async function handleLookupPatients(deps: TFhirDeps, request: Request): Promise<Response> {
  const started = performance.now();
  try {
    const subject = await authenticate(deps, request);
    const actor = await readerActorOf(deps, request, subject);
    const params = new URL(request.url).searchParams;
    const nir = parseLookup(params);
    const resources = await lookupPatients(deps.db, actor, nir, { ipAddress: clientIp(request), now: nowOf(deps) });
    await sleep(LOOKUP_FLOOR_MS - (performance.now() - started));
    return fhirJsonResponse(searchsetBundle({ baseUrl: fhirBaseUrl(request), resourceType: "Patient", params, resources, count: resources.length, offset: 0, hasMore: false, total: resources.length }));
  } catch (error) {
    return errorResponse(error);
  }
}
