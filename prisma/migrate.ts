/**
 * `npm run db:migrate`: the migrations of the database DATABASE_URL names. SQLite:
 * `prisma migrate deploy` (prisma/migrations); PostgreSQL: prisma/migrations-postgresql,
 * applied by lib/db/postgresql-migrations.ts (the CLI's offline engine cannot).
 */
import { execFileSync } from "node:child_process";
import path from "node:path";
import { databaseUrl, isPostgresqlUrl } from "../lib/db/database-url";
import { applyPostgresqlMigrations } from "../lib/db/postgresql-migrations";

async function main(): Promise<void> {
  const url = databaseUrl();
  if (!isPostgresqlUrl(url)) {
    execFileSync(path.join(process.cwd(), "node_modules", ".bin", "prisma"), ["migrate", "deploy"], { stdio: "inherit" });
    return;
  }
  const applied = await applyPostgresqlMigrations(url);
  console.log(applied.length > 0 ? `Migrations appliquées : ${applied.join(", ")}` : "Aucune migration à appliquer.");
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
