/**
 * A large database for benchmarks:
 *   npm run seed:large -- --patients 100000 [--db path/to/file.db | --db postgresql://…] [--workers N]
 * The database comes from --db, else DATABASE_URL, else prisma/data/large.db. A new SQLite
 * file is migrated first (`prisma migrate deploy`), a PostgreSQL database too
 * (prisma/migrations-postgresql); either must have no patient. The rows go straight into
 * it, by one bulk load per batch (prisma/seed-large/large-seed-target.ts); every trace chain
 * is then sealed, as on a platform that has been running.
 * --workers: threads building rows while the main thread writes (default: cores − 1;
 * 0 builds everything on the main thread, best when the machine is already busy).
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { databaseFile, isPostgresqlUrl } from "@/lib/db/database-url";
import { applyPostgresqlMigrations } from "@/lib/db/postgresql-migrations";
import { createPrismaClient } from "@/lib/db/create-client";
import { sealAllChainsLogged } from "@/lib/traces/seal-chains";
import { sealKey, sealKeyFile } from "@/lib/traces/seal-key";
import { generateLargeDatabase } from "./seed-large/generate-large-database";

function argument(name: string): string | undefined {
  const args = process.argv.slice(2);
  const i = args.indexOf(`--${name}`);
  if (i >= 0) return args[i + 1];
  const inline = args.find((a) => a.startsWith(`--${name}=`));
  return inline?.slice(name.length + 3);
}

/** The database to fill, migrated: a PostgreSQL URL as given, or a SQLite file's path. */
async function migratedDatabase(db: string | undefined): Promise<{ database: string; shown: string }> {
  const target = db ?? process.env.DATABASE_URL;
  if (target && isPostgresqlUrl(target)) {
    await applyPostgresqlMigrations(target);
    return { database: target, shown: target.replace(/\/\/[^@/]*@/, "//…@") };
  }
  const file = db ? path.resolve(db) : target ? databaseFile(target) : path.join(process.cwd(), "prisma", "data", "large.db");
  fs.mkdirSync(path.dirname(file), { recursive: true });
  if (!fs.existsSync(file)) {
    console.log(`Nouvelle base ${file} : application des migrations…`);
    const prismaBin = path.join(process.cwd(), "node_modules", ".bin", "prisma");
    execFileSync(prismaBin, ["migrate", "deploy"], { stdio: "inherit", env: { ...process.env, DATABASE_URL: `file:${file}` } });
  }
  return { database: file, shown: file };
}

async function main(): Promise<void> {
  const patients = Number(argument("patients") ?? "100000");
  if (!Number.isInteger(patients) || patients < 2) throw new Error("--patients doit être un entier supérieur ou égal à 2.");
  const workersArg = argument("workers");
  const workers = workersArg === undefined ? undefined : Number(workersArg);
  if (workers !== undefined && (!Number.isInteger(workers) || workers < 0)) throw new Error("--workers doit être un entier positif ou nul.");
  const { database, shown } = await migratedDatabase(argument("db"));

  console.log(`Génération de ${patients} patients dans ${shown}…`);
  const result = await generateLargeDatabase({ database, patients, workers, log: (m) => console.log(m) });
  console.log(
    `Terminé en ${(result.elapsedMs / 1000).toFixed(1)} s : ${result.patients} patients, ${result.documents} documents, ` +
      `${result.traces} traces, ${result.reimbursements} remboursements, ${result.professionals} professionnels, ${result.structures} structures.`,
  );
  // A platform that has been running has its chains sealed: the server would otherwise
  // spend its first hours sealing the generated backlog, a window every 2 s.
  const url = isPostgresqlUrl(database) ? database : `file:${database}`;
  const prisma = createPrismaClient(url);
  try {
    await sealAllChainsLogged(prisma, sealKey(sealKeyFile(url)), (m) => console.log(m));
  } finally {
    await prisma.$disconnect();
  }
  console.log("Comptes patients (mot de passe identique pour tous) :");
  for (const a of result.accounts) console.log(`  ${a.loginId} / ${a.password} – ${a.note}`);
  console.log(`Pour servir cette base : DATABASE_URL=${isPostgresqlUrl(database) ? shown : `file:${database}`}`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
