/**
 * Every e-mail and SMS the platform sends looks up its recipient's sandbox namespace by
 * address (the notification job, a sign-in code outside any namespace). On the bench's
 * 100,000 patients that lookup scanned the whole Patient table, 16 ms per message in the
 * process that also serves pages: it must read an index, whatever the number of patients.
 */
import Database from "better-sqlite3";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { createQueryLoggingPrismaClient } from "@/lib/db/create-client";
import { registerSqlFunctions } from "@/lib/db/sqlite-connections";
import { sqliteQueryPlan } from "@/lib/bench/explain";
import { runInNamespace } from "@/lib/clock/namespace-scope";
import { createTestDatabase, type TTestDatabase } from "@/lib/testing/test-database";
import { createNamespace } from "./namespaces";
import { createSandboxPatient, patientInputSchema } from "./create-patient";
import { namespaceOfMessage } from "./message-namespace";

type TLogged = { query: string; params: string };

let db: TTestDatabase;
let logged: PrismaClient<"query">;
let statements: TLogged[] = [];

beforeAll(async () => {
  db = await createTestDatabase({ name: "message-namespace" });
  logged = createQueryLoggingPrismaClient(db.url);
  logged.$on("query", (e: TLogged) => statements.push({ query: e.query, params: e.params }));
});
afterAll(async () => {
  await logged?.$disconnect();
  await db?.cleanup();
});

/** The plan of each statement, as one line; on PostgreSQL with sequential scans priced out, so a missing index shows as "Seq Scan". */
async function plansOf(run: () => Promise<unknown>): Promise<string[]> {
  statements = [];
  await run();
  const sent = statements.filter((s) => !/^(BEGIN|COMMIT|ROLLBACK)/i.test(s.query.trim()));
  if (db.engine === "sqlite") {
    const sqlite = new Database(db.file, { readonly: true });
    registerSqlFunctions(sqlite);
    try {
      return sent.map((s) => sqliteQueryPlan(sqlite, s.query, s.params).join(" / "));
    } finally {
      sqlite.close();
    }
  }
  const client = new pg.Client({ connectionString: db.url });
  await client.connect();
  try {
    await client.query("SET enable_seqscan = off");
    const plans: string[] = [];
    for (const s of sent) {
      const rows = (await client.query(`EXPLAIN ${s.query}`, JSON.parse(s.params || "[]") as unknown[])).rows as { "QUERY PLAN": string }[];
      plans.push(rows.map((r) => r["QUERY PLAN"].trim()).join(" / "));
    }
    return plans;
  } finally {
    await client.end();
  }
}

describe("the namespace of a message", () => {
  it("is found from the recipient's address through an index, never a scan of the patients or the accounts", async () => {
    const { namespaceId } = await createNamespace(db.prisma, { label: "messages" });
    const patient = await runInNamespace(namespaceId, () => createSandboxPatient(db.prisma, patientInputSchema.parse({ otpChannel: "SMS" })));

    let found: (string | null)[] = [];
    const plans = await plansOf(async () => {
      found = [
        await namespaceOfMessage(logged, patient.email, null),
        await namespaceOfMessage(logged, patient.phone, null),
        // Nobody's address: both the accounts and the patients are looked up.
        await namespaceOfMessage(logged, "personne@exemple.test", null),
        await namespaceOfMessage(logged, "+33799999999", null),
      ];
    });

    expect(found).toEqual([namespaceId, namespaceId, null, null]);
    expect(plans.length).toBeGreaterThanOrEqual(6);
    for (const plan of plans) {
      expect(plan).not.toMatch(db.engine === "sqlite" ? /\bSCAN (main\.)?(Patient|Account)\b/ : /Seq Scan/);
      // The index is sought by the address itself (an index on the namespace alone would read every sandbox row).
      expect(plan).toMatch(db.engine === "sqlite" ? /SEARCH (main\.)?(Patient|Account) USING INDEX \S+ \((email|phone)=\?\)/ : /Index Cond: \(\(?"?(email|phone)"? = /);
    }
  });
});
