import type { TBenchCredentials, TBenchFixtures } from "./fixtures";

/**
 * The scenarios of `npm run bench`, one line each: run.ts loads them in this order (the
 * references last in the report). Add a scenario by adding a line; `--only` takes the ids
 * of SCENARIOS, REFERENCES always run (every ratio needs them).
 */

export type TScenarioContext = { fixtures: TBenchFixtures; credentials: () => TBenchCredentials };

export type TScenario = {
  id: string;
  label: string;
  path: (c: TScenarioContext) => string;
  headers: (c: TScenarioContext) => Record<string, string>;
  /** ITI-65: POSTs a new Bundle per request with this many documents (the rate counts documents). */
  ingestDocuments?: number;
};

const fhirJson = (c: TScenarioContext) => ({ authorization: `Bearer ${c.credentials().bearer}`, accept: "application/fhir+json" });

export const SCENARIOS: readonly TScenario[] = [
  { id: "documents", label: "1. liste des documents (patient, 1re page)", path: () => "/patient/documents", headers: (c) => ({ cookie: c.credentials().patientDocumentsCookie }) },
  { id: "pro-record", label: "2. dossier vu par un professionnel", path: (c) => `/pro/patients/${c.fixtures.documentsPatient.id}`, headers: (c) => ({ cookie: c.credentials().proCookie }) },
  // The record's unavoidable work (session, access policy, trace, one page and its count) rendered as one line: line 2's ceiling.
  { id: "pro-record-floor", label: "2b. dossier professionnel sans rendu (son travail obligatoire seul)", path: (c) => `/bench/dossier-pro/${c.fixtures.documentsPatient.id}`, headers: (c) => ({ cookie: c.credentials().proCookie }) },
  { id: "content", label: "3. ouverture d'un document (contenu)", path: (c) => `/patient/documents/${c.fixtures.documentId}/contenu`, headers: (c) => ({ cookie: c.credentials().patientDocumentsCookie }) },
  { id: "traces", label: "4. historique des traces (patient, 1re page)", path: () => "/patient/historique", headers: (c) => ({ cookie: c.credentials().patientTracesCookie }) },
  {
    id: "iti67",
    label: "5. FHIR ITI-67 (recherche)",
    path: (c) => `/api/fhir/DocumentReference?patient.identifier=${encodeURIComponent(`urn:oid:1.2.250.1.213.1.4.8|${c.fixtures.documentsPatient.nir}`)}`,
    headers: fhirJson,
  },
  { id: "ingest", label: "6. FHIR ITI-65 (alimentation, 1 document par lot)", path: () => "/api/fhir", headers: fhirJson, ingestDocuments: 1 },
  { id: "ingest20", label: "6b. FHIR ITI-65 (alimentation, lots de 20 documents)", path: () => "/api/fhir", headers: fhirJson, ingestDocuments: 20 },
];

/** Always measured. `bytes` is the size of the document list page (the JSON reference matches it). */
export const REFERENCES = (listBytes: number): readonly TScenario[] => [
  { id: "baseline", label: "7. référence (JSON fixe, sans base)", path: () => `/api/bench/baseline?bytes=${listBytes}`, headers: () => ({}) },
  // A dynamic page (it reads the session cookie) with no database access at all.
  { id: "sign-in-page", label: "8. page dynamique sans base (connexion patient)", path: () => "/patient/connexion", headers: () => ({}) },
  // The floor of a page of rows in this app: a bare 20-row table in the site's layout, no database.
  { id: "page-floor", label: "9. plancher : tableau de 20 lignes, sans base", path: () => "/bench/plancher", headers: () => ({}) },
];

export const SCENARIO_IDS = SCENARIOS.map((s) => s.id);

/** The page the overload run loads (--overload): the patient's document list. */
export const OVERLOAD_SCENARIO_ID = "documents";
