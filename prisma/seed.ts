/**
 * Demo data for the DMP simulator: structures, professionals, patients with their
 * records, documents, summaries, reimbursements, the habilitation matrix and a
 * hash-chained access history. Expects a migrated, empty database.
 *   DATABASE_URL=file:/tmp/demo.db npx tsx prisma/seed.ts
 * The accounts and special cases are listed in prisma/DEMO.md.
 */
import { createPrismaClient, type PrismaClient } from "@/lib/db/create-client";
import type { Account } from "@/lib/generated/prisma/client";
import { createAccessRows, planAuthorizations } from "./seed/access";
import { createDocuments } from "./seed/documents";
import { createHabilitationMatrix } from "./seed/matrix";
import { createPatients } from "./seed/patients";
import { createProfessionals, type TProfessionalKey } from "./seed/professionals";
import { createBeneficiaries } from "./seed/registry";
import { createReimbursements } from "./seed/reimbursements";
import { createStructurePatientsAndFeed } from "./seed/structure-patients";
import { createGroupSites, createHospitalWorkflow } from "./seed/hospital-workflow";
import { createStructures, DEMO_STRUCTURES, type TStructureKey } from "./seed/structures";
import { createSummaries } from "./seed/summary";
import { planTraces, writeTraces } from "./seed/traces";
import { dialectOf } from "@/lib/db/dialect";

export type TSeedDemoOptions = {
  /** The moment the demo history ends; every date is relative to it. */
  now?: Date;
  log?: (message: string) => void;
};

export type TSeedDemoSummary = {
  skipped: boolean;
  patients: number;
  professionals: number;
  documents: number;
  traces: number;
  notifications: number;
  reimbursements: number;
};

function idsOf<K extends string>(rows: Record<K, { id: string }>): Record<K, string> {
  return Object.fromEntries(Object.entries(rows).map(([k, v]) => [k, (v as { id: string }).id])) as Record<K, string>;
}

export async function seedDemo(prisma: PrismaClient, options: TSeedDemoOptions = {}): Promise<TSeedDemoSummary> {
  const now = options.now ?? new Date();
  const log = options.log ?? (() => {});

  // Seeding twice would collide on unique keys: a database that has the demo hospital
  // is left as it is.
  const hospital = DEMO_STRUCTURES.find((s) => s.key === "hospital");
  if (hospital && (await prisma.structure.findUnique({ where: { finess: hospital.finess } }))) {
    log("Données de démonstration déjà présentes : rien à faire.");
    return { skipped: true, patients: 0, professionals: 0, documents: 0, traces: 0, notifications: 0, reimbursements: 0 };
  }

  // A few dozen bulk statements: without a sync to disk after each one the seed takes a
  // fraction of the time. Only this connection is affected, and only until the end.
  const restoreDurability = await relaxDurability(prisma);
  try {
    return await seedAll(prisma, now, log);
  } finally {
    await restoreDurability();
  }
}

async function relaxDurability(prisma: PrismaClient): Promise<() => Promise<void>> {
  // PostgreSQL: a pool of connections, and each statement of the seed is already a round trip; nothing to relax.
  if (dialectOf(prisma) === "postgresql") return async () => {};
  const rows = await prisma.$queryRawUnsafe<{ synchronous: number | bigint }[]>("PRAGMA synchronous");
  const previous = Number(rows[0]?.synchronous ?? 2);
  await prisma.$executeRawUnsafe("PRAGMA synchronous = OFF");
  return async () => {
    await prisma.$executeRawUnsafe(`PRAGMA synchronous = ${Number.isInteger(previous) ? previous : 2}`);
  };
}

async function seedAll(prisma: PrismaClient, now: Date, log: (message: string) => void): Promise<TSeedDemoSummary> {
  const matrixRows = await createHabilitationMatrix(prisma, now);
  const structures = await createStructures(prisma, now);
  const structureIds = idsOf<TStructureKey>(structures);
  const professionals = await createProfessionals(prisma, structureIds, now);
  const professionalIds = idsOf<TProfessionalKey>(professionals);

  // CPS cards (prisma/seed/cards.ts, owned by the PKI work): one per professional, so
  // this must stay right after the professionals are created.
  await (await import("./seed/cards")).seedCards(prisma, now);

  const { patients, representatives } = await createPatients(prisma, professionalIds, now);
  const accountsByLogin: Record<string, Account> = { ...representatives };
  for (const p of Object.values(patients)) if (p.account) accountsByLogin[p.account.loginId] = p.account;

  await createBeneficiaries(prisma, patients, now);
  const documents = await createDocuments(prisma, patients, professionalIds, structureIds, accountsByLogin, now);
  await createStructurePatientsAndFeed(prisma, patients, structureIds, professionalIds, documents, now);
  await createHospitalWorkflow(prisma, structureIds, professionalIds, now);
  await createGroupSites(prisma, structureIds, now);
  await createSummaries(prisma, patients, professionalIds, now);
  const reimbursements = await createReimbursements(prisma, patients, now);

  const authorizations = planAuthorizations(patients, documents, now);
  const plan = planTraces(patients, documents, authorizations, professionalIds, accountsByLogin, now);
  await createAccessRows(prisma, patients, professionalIds, authorizations, plan.lastAccess, now);
  const written = await writeTraces(prisma, patients, plan, now);

  const summary: TSeedDemoSummary = {
    skipped: false,
    patients: Object.keys(patients).length,
    professionals: Object.keys(professionals).length,
    documents: documents.length,
    traces: written.traces,
    notifications: written.notifications,
    reimbursements,
  };
  log(
    `Démo : ${summary.patients} patients, ${summary.professionals} professionnels, ${summary.documents} documents, ` +
      `${summary.traces} traces, ${summary.notifications} notifications, ${reimbursements} remboursements, ${matrixRows} règles d'habilitation.`,
  );
  return summary;
}

// Run directly (`tsx prisma/seed.ts`, `prisma db seed`), not when imported by a test.
if (/[\\/]prisma[\\/]seed\.ts$/.test(process.argv[1] ?? "")) {
  const started = Date.now();
  const prisma = createPrismaClient();
  seedDemo(prisma, { log: (m) => console.log(m) })
    .then(() => console.log(`Terminé en ${((Date.now() - started) / 1000).toFixed(1)} s.`))
    .catch((error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    })
    .finally(() => prisma.$disconnect());
}
