/**
 * A large database for benchmarks:
 *   npm run seed:large -- --patients 100000 [--db path/to/file.db] [--workers N]
 * The file comes from --db, else DATABASE_URL, else prisma/data/large.db. A new file is
 * migrated first (`prisma migrate deploy`); an existing one must have no patient.
 * --workers: threads building rows while the main thread writes (default: cores − 1;
 * 0 builds everything on the main thread, best when the machine is already busy).
 * A PostgreSQL URL (--db postgresql://… or DATABASE_URL): the rows are generated into a
 * temporary SQLite file as above, then copied into the database, which is migrated first
 * (prisma/migrations-postgresql) and must have no patient.
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import os from "node:os";
import { databaseFile, isPostgresqlUrl } from "@/lib/db/database-url";
import { applyPostgresqlMigrations } from "@/lib/db/postgresql-migrations";
import { createPrismaClient } from "@/lib/db/create-client";
import { copySqliteToPostgresql } from "./seed-large/copy-to-postgresql";
import { generateLargeDatabase } from "./seed-large/generate-large-database";

function argument(name: string): string | undefined {
  const args = process.argv.slice(2);
  const i = args.indexOf(`--${name}`);
  if (i >= 0) return args[i + 1];
  const inline = args.find((a) => a.startsWith(`--${name}=`));
  return inline?.slice(name.length + 3);
}

async function main(): Promise<void> {
  const patients = Number(argument("patients") ?? "100000");
  if (!Number.isInteger(patients) || patients < 2) throw new Error("--patients doit être un entier supérieur ou égal à 2.");
  const workersArg = argument("workers");
  const workers = workersArg === undefined ? undefined : Number(workersArg);
  if (workers !== undefined && (!Number.isInteger(workers) || workers < 0)) throw new Error("--workers doit être un entier positif ou nul.");
  const db = argument("db");
  const target = db ?? process.env.DATABASE_URL;
  if (target && isPostgresqlUrl(target)) return seedPostgresql(target, patients, workers);
  const file = db
    ? path.resolve(db)
    : process.env.DATABASE_URL
      ? databaseFile(process.env.DATABASE_URL)
      : path.join(process.cwd(), "prisma", "data", "large.db");
  fs.mkdirSync(path.dirname(file), { recursive: true });

  if (!fs.existsSync(file)) {
    console.log(`Nouvelle base ${file} : application des migrations…`);
    const prismaBin = path.join(process.cwd(), "node_modules", ".bin", "prisma");
    execFileSync(prismaBin, ["migrate", "deploy"], { stdio: "inherit", env: { ...process.env, DATABASE_URL: `file:${file}` } });
  }

  console.log(`Génération de ${patients} patients dans ${file}…`);
  const result = await generateLargeDatabase({ file, patients, workers, log: (m) => console.log(m) });
  console.log(
    `Terminé en ${(result.elapsedMs / 1000).toFixed(1)} s : ${result.patients} patients, ${result.documents} documents, ` +
      `${result.traces} traces, ${result.reimbursements} remboursements, ${result.professionals} professionnels, ${result.structures} structures.`,
  );
  console.log("Comptes patients (mot de passe identique pour tous) :");
  for (const a of result.accounts) console.log(`  ${a.loginId} / ${a.password} – ${a.note}`);
  console.log(`Pour servir cette base : DATABASE_URL=file:${file}`);
}

async function seedPostgresql(url: string, patients: number, workers: number | undefined): Promise<void> {
  await applyPostgresqlMigrations(url);
  const prisma = createPrismaClient(url);
  const existing = await prisma.patient.count().finally(() => prisma.$disconnect());
  if (existing > 0) throw new Error(`La base PostgreSQL contient déjà ${existing} patient(s) : seed:large attend une base vide.`);
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), "dmp-large-"));
  const file = path.join(scratch, "large.db");
  try {
    const prismaBin = path.join(process.cwd(), "node_modules", ".bin", "prisma");
    execFileSync(prismaBin, ["migrate", "deploy"], { stdio: "inherit", env: { ...process.env, DATABASE_URL: `file:${file}` } });
    console.log(`Génération de ${patients} patients (fichier intermédiaire ${file})…`);
    const result = await generateLargeDatabase({ file, patients, workers, log: (m) => console.log(m) });
    console.log("Copie vers PostgreSQL…");
    const rows = await copySqliteToPostgresql(file, url, (m) => console.log(m));
    console.log(`Terminé : ${rows} lignes copiées (${result.patients} patients, ${result.documents} documents, ${result.traces} traces).`);
    console.log("Comptes patients (mot de passe identique pour tous) :");
    for (const a of result.accounts) console.log(`  ${a.loginId} / ${a.password} – ${a.note}`);
  } finally {
    fs.rmSync(scratch, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
