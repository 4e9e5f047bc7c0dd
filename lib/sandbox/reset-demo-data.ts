import fs from "node:fs";
import path from "node:path";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { FifoLock } from "@/lib/db/serialized-adapter";
import { dialectOf } from "@/lib/db/dialect";
import { clearSandboxCaches } from "./clear-sandbox-caches";
import { resetFromPostgresqlTemplate } from "./postgresql-demo-template";

/** The name the template is attached under, on the application's connection, for one reset. */
const TEMPLATE = "demo_template";


export type TDemoTemplateProblem = "MISSING" | "OUTDATED";

/** The template cannot be put back; the message says what to run. */
export class DemoTemplateError extends Error {
  readonly problem: TDemoTemplateProblem;

  constructor(problem: TDemoTemplateProblem, templateFile: string) {
    const where = path.relative(process.cwd(), templateFile) || templateFile;
    super(
      problem === "MISSING"
        ? `Réinitialisation impossible : le modèle des données de démonstration (${where}) est introuvable. Lancez « npm run db:prepare », puis réessayez (sans redémarrer le serveur).`
        : `Réinitialisation impossible : le modèle des données de démonstration (${where}) ne correspond plus au schéma de la base. Lancez « npm run db:prepare » pour le mettre à jour, puis réessayez.`,
    );
    this.name = "DemoTemplateError";
    this.problem = problem;
  }
}

export type TResetSummary = { tables: number; rows: number; elapsedMs: number };

type TTx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];

const quoted = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** Every data table of a schema with its columns, in one statement. SQLite's own tables and Prisma's bookkeeping are not data. */
async function tablesOf(tx: TTx, schema: string): Promise<Map<string, string[]>> {
  const rows = await tx.$queryRawUnsafe<{ tableName: string; columnName: string }[]>(
    `SELECT m.name AS tableName, c.name AS columnName FROM ${schema}.sqlite_master AS m, pragma_table_info(m.name, '${schema}') AS c WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite\\_%' ESCAPE '\\' AND m.name <> '_prisma_migrations' ORDER BY m.name, c.cid`,
  );
  const tables = new Map<string, string[]>();
  for (const row of rows) tables.set(row.tableName, [...(tables.get(row.tableName) ?? []), row.columnName]);
  return tables;
}

async function hasTable(tx: TTx, schema: string, name: string): Promise<boolean> {
  const rows = await tx.$queryRawUnsafe<unknown[]>(`SELECT 1 FROM ${schema}.sqlite_master WHERE type = 'table' AND name = ?`, name);
  return rows.length > 0;
}

const sameNames = (a: readonly string[], b: readonly string[]) => [...a].sort().join("\n") === [...b].sort().join("\n");

/** Each data table with its columns, when the template has exactly the database's tables and columns. */
async function copyPlan(tx: TTx): Promise<{ table: string; columns: string }[] | null> {
  const tables = await tablesOf(tx, "main");
  const inTemplate = await tablesOf(tx, TEMPLATE);
  if (!sameNames([...tables.keys()], [...inTemplate.keys()])) return null;
  const plan: { table: string; columns: string }[] = [];
  for (const [table, columns] of tables) {
    if (!sameNames(columns, inTemplate.get(table) ?? [])) return null;
    plan.push({ table, columns: columns.map(quoted).join(", ") });
  }
  return plan;
}

// One reset at a time: the attached name belongs to the connection.
const resets = new FifoLock();

/**
 * Puts the demo data back exactly as the template holds it, inside the running server, on
 * its own connection: ATTACH the template, then one transaction that empties every data
 * table and copies the template's rows in, then DETACH, then the in-memory caches
 * are emptied (clearSandboxCaches: clock offsets, namespace tokens). The serialized connection (lib/db/serialized-adapter.ts) makes every
 * other request run before or after that transaction, never inside it. A template that is
 * missing or no longer matches the schema changes nothing (DemoTemplateError).
 */
export async function resetDemoData(prisma: PrismaClient, templateFile: string): Promise<TResetSummary> {
  const release = await resets.acquire();
  try {
    const started = performance.now();
    if (dialectOf(prisma) === "postgresql") {
      const result = await resetFromPostgresqlTemplate(prisma);
      if (typeof result === "string") throw new DemoTemplateError(result, templateFile);
      await clearSandboxCaches();
      return { ...result, elapsedMs: Math.round(performance.now() - started) };
    }
    if (!fs.existsSync(templateFile)) throw new DemoTemplateError("MISSING", templateFile);
    // ATTACH cannot run inside a transaction; the lock of the serialized connection makes it wait for any open one.
    await prisma.$executeRawUnsafe(`ATTACH DATABASE ? AS ${TEMPLATE}`, templateFile);
    let summary: Omit<TResetSummary, "elapsedMs">;
    try {
      summary = await prisma.$transaction(
        async (tx) => {
          const plan = await copyPlan(tx);
          if (!plan) throw new DemoTemplateError("OUTDATED", templateFile);
          // The rows come back in any table order: foreign keys are checked once, at COMMIT.
          await tx.$executeRawUnsafe("PRAGMA defer_foreign_keys = ON");
          // The append-only triggers (Trace, TraceSeal) forbid the DELETE: dropped and created
          // again, from the database's own definition, inside the same transaction.
          const triggers = await tx.$queryRawUnsafe<{ name: string; sql: string }[]>(
            `SELECT name, sql FROM main.sqlite_master WHERE type = 'trigger' AND sql IS NOT NULL ORDER BY name`,
          );
          for (const trigger of triggers) await tx.$executeRawUnsafe(`DROP TRIGGER main.${quoted(trigger.name)}`);
          for (const { table } of plan) await tx.$executeRawUnsafe(`DELETE FROM main.${quoted(table)}`);
          let rows = 0;
          for (const { table, columns } of plan) {
            rows += await tx.$executeRawUnsafe(`INSERT INTO main.${quoted(table)} (${columns}) SELECT ${columns} FROM ${TEMPLATE}.${quoted(table)}`);
          }
          // AUTOINCREMENT counters (Trace, TraceSeal) restart where the template's stopped.
          if (await hasTable(tx, "main", "sqlite_sequence")) {
            await tx.$executeRawUnsafe("DELETE FROM main.sqlite_sequence");
            if (await hasTable(tx, TEMPLATE, "sqlite_sequence")) {
              await tx.$executeRawUnsafe(`INSERT INTO main.sqlite_sequence (name, seq) SELECT name, seq FROM ${TEMPLATE}.sqlite_sequence`);
            }
          }
          for (const trigger of triggers) await tx.$executeRawUnsafe(trigger.sql);
          return { tables: plan.length, rows };
        },
        { maxWait: 30_000, timeout: 60_000 },
      );
    } finally {
      await prisma.$executeRawUnsafe(`DETACH DATABASE ${TEMPLATE}`);
    }
    await clearSandboxCaches();
    return { ...summary, elapsedMs: Math.round(performance.now() - started) };
  } finally {
    release();
  }
}
