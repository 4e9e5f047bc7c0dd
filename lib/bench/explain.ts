import Database from "better-sqlite3";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { prepareSqliteConnections, registerSqlFunctions } from "@/lib/db/sqlite-connections";
import { sqliteQueryPlan, isTransactionControl } from "@/lib/db/query-plan";
import type { TPatientActor, TProfessionalActor } from "@/lib/access/actor";
import { openRecord } from "@/lib/record-door/open-record";
import { findDocuments } from "@/lib/documents/find-documents";
import { parseDocumentFilters } from "@/lib/documents/document-filters";
import { readDocument } from "@/lib/documents/read-document";
import { findTraces, parseTraceFilters } from "@/lib/traces/find-traces";
import { getProfessionalRecord } from "@/lib/records/get-professional-record";
import { findDocumentReferences, parseSearchQuery } from "@/lib/fhir/http/find-document-references";
import { verifyAccessToken } from "@/lib/oauth/access-token";
import type { TBenchFixtures, TBenchCredentials } from "./fixtures";

export type TQueryPlan = { sql: string; ms: number; plan: string[] };
export type TScenarioPlans = { scenario: string; queries: number; totalMs: number; statements: TQueryPlan[] };

type TQueryEvent = { query: string; params: string; duration: number };

/**
 * Runs the lib functions behind reads 1-5 once, against the benchmark database, with
 * Prisma's query log on: how many SQL statements each one sends (N+1 shows here), how
 * long each took, and SQLite's EXPLAIN QUERY PLAN for each (a SCAN of a big table is a
 * missing index). Writes nothing but the traces those reads write anyway.
 */
export async function explainReads(url: string, f: TBenchFixtures, credentials: TBenchCredentials): Promise<TScenarioPlans[]> {
  // Not createPrismaClient's serialized adapter: every statement goes through Prisma, whose
  // query events carry the parameters and durations EXPLAIN needs.
  const prisma = new PrismaClient({ adapter: prepareSqliteConnections(new PrismaBetterSQLite3({ url, timeout: 5000 })), log: [{ emit: "event", level: "query" }] });
  const sqlite = new Database(url.replace(/^file:/, ""), { readonly: true, fileMustExist: true });
  // The statements may call the platform's SQL functions (the trace INSERT's dmp_sha256).
  registerSqlFunctions(sqlite);
  let captured: TQueryEvent[] = [];
  prisma.$on("query", (e: TQueryEvent) => captured.push({ query: e.query, params: e.params, duration: e.duration }));

  const patient: TPatientActor = { kind: "PATIENT", accountId: f.documentsPatient.accountId, patientId: f.documentsPatient.id, name: f.documentsPatient.name };
  const tracesPatient: TPatientActor = { kind: "PATIENT", accountId: f.tracesPatient.accountId, patientId: f.tracesPatient.id, name: f.tracesPatient.name };
  await verifyAccessToken(prisma, `Bearer ${credentials.bearer}`);
  const p = await prisma.professional.findUniqueOrThrow({ where: { id: f.professional.id }, include: { structure: { select: { name: true } } } });
  const pro: TProfessionalActor = {
    kind: "PROFESSIONAL",
    professionalId: p.id,
    name: f.professional.name,
    profession: p.profession,
    specialty: p.specialty,
    isSamuRegulator: p.isSamuRegulator,
    structureName: p.structure?.name ?? null,
  };
  const scenarios: [string, () => Promise<unknown>][] = [
    [
      "1. liste des documents (patient)",
      async () => {
        const { ctx } = await openRecord(prisma, patient, patient.patientId);
        await findDocuments(prisma, patient, ctx, parseDocumentFilters({}));
      },
    ],
    ["2. dossier vu par un professionnel", () => getProfessionalRecord(prisma, pro, f.documentsPatient.id, parseDocumentFilters({}))],
    [
      "3. ouverture d'un document (patient)",
      async () => {
        const { ctx } = await openRecord(prisma, patient, patient.patientId);
        await readDocument(prisma, patient, ctx, f.documentId);
      },
    ],
    [
      "4. historique des traces (patient)",
      async () => {
        const { ctx } = await openRecord(prisma, tracesPatient, tracesPatient.patientId);
        await findTraces(prisma, tracesPatient, ctx, parseTraceFilters({}));
      },
    ],
    [
      "5. FHIR ITI-67",
      () =>
        findDocumentReferences(prisma, pro, parseSearchQuery(new URLSearchParams({ "patient.identifier": `urn:oid:1.2.250.1.213.1.4.8|${f.documentsPatient.nir}` })), {
          baseUrl: "http://bench/api/fhir",
        }),
    ],
  ];
  const out: TScenarioPlans[] = [];
  try {
    for (const [scenario, run] of scenarios) {
      await run(); // warm the page cache and the client
      captured = [];
      await run();
      const statements = captured
        .filter((q) => !isTransactionControl(q.query))
        .map((q) => {
          let plan: string[];
          try {
            plan = sqliteQueryPlan(sqlite, q.query, q.params);
          } catch (error) {
            plan = [`(plan indisponible : ${error instanceof Error ? error.message : String(error)})`];
          }
          return { sql: q.query, ms: Math.round(q.duration * 100) / 100, plan };
        });
      out.push({ scenario, queries: statements.length, totalMs: Math.round(statements.reduce((s, q) => s + q.ms, 0) * 100) / 100, statements });
    }
  } finally {
    sqlite.close();
    await prisma.$disconnect();
  }
  return out;
}
