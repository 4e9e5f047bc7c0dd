/**
 * Gets the database ready to serve (`npm run db:prepare`, run by `npm start`, `npm run dev`
 * and the Playwright web server):
 *   1. create the database folder;
 *   2. apply the migrations (`prisma migrate deploy`);
 *   3. put the file in WAL mode (readers do not wait for writers);
 *   4. load the demo data when there is no patient yet;
 *   5. refresh the query planner's statistics (new indexes, new data);
 *   6. keep the demo template the sandbox reset puts back (lib/sandbox/demo-template.ts).
 * DATABASE_URL selects another database file, or a PostgreSQL server (postgresql://…):
 * there prisma/migrations-postgresql is applied by lib/db/postgresql-migrations.ts, the
 * planner statistics are PostgreSQL's ANALYZE and the template is a schema (step 3 has no
 * equivalent: PostgreSQL readers never wait for writers).
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { createPrismaClient } from "../lib/db/create-client";
import { addMissingMatrixRows } from "../lib/habilitations/add-missing-rows";
import { platformNow } from "../lib/clock/clock";
import { databaseFile, databaseUrl, ensureDatabaseFolder, isPostgresqlUrl } from "../lib/db/database-url";
import { applyPostgresqlMigrations } from "../lib/db/postgresql-migrations";
import { refreshPostgresqlPlannerStatistics } from "../lib/db/planner-statistics";
import { hasPostgresqlDemoTemplate, writePostgresqlDemoTemplate } from "../lib/sandbox/postgresql-demo-template";
import { refreshPlannerStatistics } from "../lib/db/planner-statistics";
import { demoTemplateFile, migrationsMissingFromTemplate, writeDemoTemplate } from "../lib/sandbox/demo-template";

function migrate(env: NodeJS.ProcessEnv = process.env): void {
  console.log("Base de données : application des migrations…");
  const prismaBin = path.join(process.cwd(), "node_modules", ".bin", "prisma");
  // process.env carries DATABASE_URL when it is set; prisma.config.ts reads it.
  execFileSync(prismaBin, ["migrate", "deploy"], { stdio: "inherit", env });
}

/** Sets WAL mode and tells whether the Patient table is empty. */
function enableWalAndCountPatients(file: string): number {
  const db = new Database(file);
  try {
    db.pragma("journal_mode = WAL");
    const row = db.prepare('SELECT COUNT(*) AS count FROM "Patient"').get() as { count: number };
    return row.count;
  } finally {
    db.close();
  }
}

/** Returns true when it loaded the demo data. */
async function seedWhenEmpty(url: string, patientCount: number): Promise<boolean> {
  if (patientCount > 0) {
    console.log(`Base de données : ${patientCount} patient(s) déjà présent(s), données de démonstration conservées.`);
    await renewStaleDemoCards(url);
    return false;
  }
  console.log("Base de données : chargement des données de démonstration…");
  const { seedDemo } = await import("./seed");
  const prisma = createPrismaClient(url);
  try {
    await seedDemo(prisma);
  } finally {
    await prisma.$disconnect();
  }
  console.log("Base de données : données de démonstration chargées.");
  return true;
}

/**
 * The copy the sandbox reset puts back: taken right after the seed; for a database seeded
 * earlier without one, its present state; an existing template follows the migrations.
 */
function prepareDemoTemplate(url: string, file: string, seeded: boolean): void {
  const template = demoTemplateFile(url);
  const shown = path.relative(process.cwd(), template) || template;
  if (seeded || !fs.existsSync(template)) {
    writeDemoTemplate(file, template);
    console.log(`Base de données : modèle de réinitialisation écrit (${shown}${seeded ? "" : ", état actuel de la base"}).`);
    return;
  }
  if (migrationsMissingFromTemplate(file, template).length > 0) migrate({ ...process.env, DATABASE_URL: `file:${template}` });
  console.log(`Base de données : modèle de réinitialisation à jour (${shown}).`);
}

/** Demo cards issued before the card secret existed get a new card and file (prisma/seed/cards.ts). */
async function renewStaleDemoCards(url: string): Promise<void> {
  const { renewDemoCardsWithoutSecret } = await import("./seed/cards");
  const prisma = createPrismaClient(url);
  try {
    const renewed = await renewDemoCardsWithoutSecret(prisma, url);
    if (renewed > 0) console.log(`Base de données : ${renewed} carte(s) CPS de démonstration réémise(s) (nouveau format de fichier).`);
    // A matrix row this version introduces (e.g. PROFIL_MEDICAL) would otherwise refuse it to everyone.
    const added = await addMissingMatrixRows(prisma, platformNow());
    if (added.rows > 0) console.log(`Base de données : matrice d'habilitations complétée (${added.typeCodes.join(", ")} : ${added.rows} règle(s) par défaut).`);
  } finally {
    await prisma.$disconnect();
  }
}

async function preparePostgresql(url: string): Promise<void> {
  const shown = url.replace(/\/\/([^:@/]+):[^@/]*@/, "//$1:***@");
  console.log(`Base de données : ${shown} (PostgreSQL)`);
  console.log("Base de données : application des migrations…");
  const applied = await applyPostgresqlMigrations(url);
  console.log(applied.length > 0 ? `Base de données : ${applied.length} migration(s) appliquée(s).` : "Base de données : migrations à jour.");
  const prisma = createPrismaClient(url);
  let patientCount: number;
  try {
    patientCount = await prisma.patient.count();
  } finally {
    await prisma.$disconnect();
  }
  const seeded = await seedWhenEmpty(url, patientCount);
  await refreshPostgresqlPlannerStatistics(url);
  // The template's tables are copies: after a migration they no longer match, and are taken again.
  if (seeded || applied.length > 0 || !(await hasPostgresqlDemoTemplate(url))) {
    await writePostgresqlDemoTemplate(url);
    console.log(`Base de données : modèle de réinitialisation écrit (schéma demo_template${seeded ? "" : ", état actuel de la base"}).`);
  } else {
    console.log("Base de données : modèle de réinitialisation à jour (schéma demo_template).");
  }
  console.log("Base de données prête.");
}

async function main(): Promise<void> {
  const url = databaseUrl();
  if (isPostgresqlUrl(url)) return preparePostgresql(url);
  const file = databaseFile(url);
  ensureDatabaseFolder(url);
  console.log(`Base de données : ${path.relative(process.cwd(), file) || file}`);
  migrate();
  const patientCount = enableWalAndCountPatients(file);
  console.log("Base de données : mode WAL activé.");
  const seeded = await seedWhenEmpty(url, patientCount);
  refreshPlannerStatistics(file);
  prepareDemoTemplate(url, file, seeded);
  console.log("Base de données prête.");
}

main().catch((error: unknown) => {
  console.error("Échec de la préparation de la base de données.");
  console.error(error);
  process.exit(1);
});
