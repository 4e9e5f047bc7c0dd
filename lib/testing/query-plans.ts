import Database from "better-sqlite3";
import pg from "pg";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { createQueryLoggingPrismaClient } from "@/lib/db/create-client";
import { registerSqlFunctions } from "@/lib/db/sqlite-connections";
import { sqliteQueryPlan, isTransactionControl } from "@/lib/db/query-plan";
import { onDirectStatement } from "@/lib/db/raw-sql";
import { quoteMixedCaseIdentifiers } from "@/lib/db/quote-identifiers";
import type { TTestDatabase } from "./test-database";

type TLogged = { query: string; params: string };

/**
 * What a read costs as the table grows: the plan of each statement a call sends (through
 * Prisma or directly), one line per statement. SQLite: EXPLAIN QUERY PLAN (a whole table read shows as "SCAN <table>");
 * PostgreSQL: EXPLAIN with sequential scans priced out, so that on a test's few rows a
 * missing index still shows as "Seq Scan" (the planner would rightly scan so small a table).
 */
export type TQueryPlanRecorder = {
  /** A client on the test database whose statements are recorded: pass it to the code under test. */
  prisma: PrismaClient;
  plansOf(run: () => Promise<unknown>): Promise<string[]>;
  disconnect(): Promise<void>;
};

export function recordQueryPlans(db: TTestDatabase): TQueryPlanRecorder {
  const logged = createQueryLoggingPrismaClient(db.url);
  let statements: TLogged[] = [];
  logged.$on("query", (e: TLogged) => statements.push({ query: e.query, params: e.params }));
  // The hot paths' raw statements (lib/db/raw-sql) bypass Prisma's log and come without their
  // arguments: planned with NULLs, SQLite's plan not depending on the values.
  const stopListening = onDirectStatement(logged, (sql) => {
    statements.push({ query: sql, params: JSON.stringify(new Array((sql.match(/\?/g) ?? []).length).fill(null)) });
  });
  return {
    prisma: logged as unknown as PrismaClient,
    async plansOf(run) {
      statements = [];
      await run();
      const sent = statements.filter((s) => !isTransactionControl(s.query));
      return db.engine === "sqlite" ? sqlitePlans(db.file, sent) : postgresqlPlans(db.url, sent);
    },
    disconnect: () => {
      stopListening();
      return logged.$disconnect();
    },
  };
}

function sqlitePlans(file: string, sent: TLogged[]): string[] {
  const sqlite = new Database(file, { readonly: true });
  registerSqlFunctions(sqlite);
  try {
    return sent.map((s) => sqliteQueryPlan(sqlite, s.query, s.params).join(" / "));
  } finally {
    sqlite.close();
  }
}

async function postgresqlPlans(url: string, sent: TLogged[]): Promise<string[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query("SET enable_seqscan = off");
    const plans: string[] = [];
    for (const s of sent) {
      // As the application's adapter sends it (lib/db/postgresql-adapter.ts quotes the raw statements' identifiers).
      const rows = (await client.query(`EXPLAIN ${quoteMixedCaseIdentifiers(s.query)}`, JSON.parse(s.params || "[]") as unknown[])).rows as { "QUERY PLAN": string }[];
      plans.push(rows.map((r) => r["QUERY PLAN"].trim()).join(" / "));
    }
    return plans;
  } finally {
    await client.end();
  }
}

/**
 * What a plan line shows when a statement reads the whole of one of `tables` (table or index):
 * SQLite's "SCAN <table>", PostgreSQL's "Seq Scan on <table>" (sequential scans priced out by
 * plansOf, so one left means there was no index to use).
 */
export function wholeTableRead(db: Pick<TTestDatabase, "engine">, ...tables: string[]): RegExp {
  const names = tables.join("|");
  return db.engine === "sqlite" ? new RegExp(`\\bSCAN (main\\.)?(${names})\\b`) : new RegExp(`Seq Scan on "(${names})"`);
}
