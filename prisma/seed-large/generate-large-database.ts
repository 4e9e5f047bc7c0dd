import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { Worker } from "node:worker_threads";
import { hashPassword } from "@/lib/auth/password";
import { DEFAULT_HABILITATION_MATRIX } from "@/lib/habilitations/default-matrix";
import { buildNir } from "@/lib/identity/nir";
import { authorableTypes } from "@/lib/reference/authorable-types";
import { DEPARTMENT_CODES } from "@/lib/reference/departments";
import { PROFESSIONAL_DOCUMENT_TYPES } from "@/lib/reference/document-types";
import { professionWithSpecialtyLabel } from "@/lib/reference/professions";
import { createRandom } from "@/lib/random/prng";
import { finess, idNatFromRpps, rpps } from "../seed/identifiers";
import { DEMO_PASSWORD } from "../seed/patients";
import { FEMALE_FIRST_NAMES, LAST_NAMES, MALE_FIRST_NAMES } from "./names";
import { openLargeSeedTarget, type TLargeSeedStatement, type TLargeSeedTarget } from "./large-seed-target";
import { birthPlace, buildBatch, largeId, prismaDateTime, type TBatchContext, type TBatchRows, type TPro } from "./patient-rows";

export { prismaDateTime };

/**
 * Fills a migrated, empty database (SQLite file or PostgreSQL, large-seed-target.ts) with
 * a large synthetic population, fast: a bulk load per batch of patients, secondary
 * indexes rebuilt at the end, and the rows of the next batch built in worker threads
 * while the current one is written. Values are written exactly as the Prisma client
 * writes them with the SQLite adapter, and PostgreSQL reads the same text: DateTime →
 * "2026-11-26T04:32:59.036+00:00"; enums → their names; Boolean → 0/1; Bytes → BLOB /
 * bytea. Trace chains use the hash of appendTrace (verifyTraceChain holds).
 */
export type TLargeSeedOptions = {
  /** A SQLite file or a postgresql:// URL, already migrated and without patients. */
  database: string;
  patients: number;
  now?: Date;
  /** Documents of the "many documents" benchmark record. */
  benchmarkDocuments?: number;
  /** Traces of the "long history" benchmark record. */
  benchmarkTraces?: number;
  /** Worker threads building rows (0: everything on this thread). Default: cores − 1, at least 1. */
  workers?: number;
  log?: (message: string) => void;
};

export type TLargeSeedAccount = { loginId: string; password: string; note: string };

export type TLargeSeedResult = {
  patients: number;
  professionals: number;
  structures: number;
  documents: number;
  traces: number;
  reimbursements: number;
  accounts: TLargeSeedAccount[];
  elapsedMs: number;
};

const BATCH = 1000;

const PROFESSION_MIX: readonly [string, string | null, number][] = [
  // profession, specialty, weight
  ["10", "SM54", 22], ["10", "SM53", 6], ["10", "SM04", 4], ["10", "SM44", 3], ["10", "SM02", 2], ["10", "SM59", 3],
  ["10", "SM40", 2], ["10", "SM20", 2], ["10", "SM42", 2], ["10", "SM15", 1], ["10", "SM24", 1], ["10", "SM32", 1],
  ["10", "SM38", 1], ["10", "SM30", 1], ["21", null, 8], ["40", null, 6], ["50", null, 3], ["60", null, 14],
  ["70", null, 7], ["80", null, 2], ["91", null, 2], ["92", null, 1], ["94", null, 1], ["95", null, 1], ["98", null, 2],
];

const SQL = {
  patient:
    'INSERT INTO "Patient" (id, nir, birthDate, birthRank, firstName, lastName, sex, department, email, phone, notifyByEmail, notifyBySms, recordStatus, recordOpenedAt, breakGlassAllowed, samuAllowed, reimbursementsLoadedAt, treatingDoctorId, treatingDoctorSince, createdAt, updatedAt) VALUES (?, ?, ?, 1, ?, ?, ?, ?, ?, ?, 1, 0, \'OPEN\', ?, ?, ?, ?, ?, ?, ?, ?)',
  beneficiary:
    'INSERT INTO "Beneficiary" (id, nir, birthDate, birthRank, firstName, lastName, birthName, sex, vitaleSerial, department, patientId, createdAt) VALUES (?, ?, ?, 1, ?, ?, NULL, ?, ?, ?, ?, ?)',
  account:
    'INSERT INTO "Account" (id, loginId, passwordHash, mustChangePassword, firstName, lastName, email, phone, otpChannel, patientId, createdAt, updatedAt) VALUES (?, ?, ?, 0, ?, ?, ?, ?, \'EMAIL\', ?, ?, ?)',
  authorization:
    'INSERT INTO "ProfessionalAuthorization" (id, patientId, professionalId, method, consentAt, recordedAt, recordedById, lastAccessAt) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
  document:
    'INSERT INTO "Document" (id, uniqueId, patientId, typeCode, classCode, title, authorId, structureId, serviceDate, submittedAt, confidentiality, hiddenFromPros, hiddenFromPatient, hiddenFromLegalReps, source, status, mediaType, size, sha256, sha1) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, \'ACTIVE\', \'text/plain\', ?, ?, ?)',
  content: 'INSERT INTO "DocumentContent" (documentId, data) VALUES (?, ?)',
  reimbursement:
    'INSERT INTO "ReimbursementItem" (id, patientId, category, date, actCode, label, specialty, quantity, activeIngredients, deliveredInHospital, stayDays) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
  trace:
    'INSERT INTO "Trace" (patientId, actorKind, actorId, actorName, actorProfession, actorStructure, action, documentId, mode, justification, outcome, reason, detail, at, ipAddress, prevHash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
  notification:
    'INSERT INTO "Notification" (id, patientId, kind, title, body, sentEmail, sentSms, createdAt, settledAt, readAt) VALUES (?, ?, \'RECORD_CREATED\', ?, ?, 1, 0, ?, ?, ?)',
} as const;

function workerFile(): string {
  const local = path.join(__dirname, "batch-worker.ts");
  return fs.existsSync(local) ? local : path.join(process.cwd(), "prisma", "seed-large", "batch-worker.ts");
}

/** A worker thread running batch-worker.ts through tsx (workers do not inherit the loader). */
function startWorker(ctx: TBatchContext): { build: (from: number, to: number) => Promise<TBatchRows>; stop: () => Promise<number> } {
  const worker = new Worker(`require("tsx/cjs/api").register(); require(${JSON.stringify(workerFile())});`, { eval: true, workerData: ctx });
  const waiting = new Map<number, { resolve: (rows: TBatchRows) => void; reject: (error: unknown) => void }>();
  worker.on("message", (m: { from: number; rows: TBatchRows }) => {
    waiting.get(m.from)?.resolve(m.rows);
    waiting.delete(m.from);
  });
  worker.on("error", (error) => {
    for (const w of waiting.values()) w.reject(error);
    waiting.clear();
  });
  return {
    build: (from, to) =>
      new Promise<TBatchRows>((resolve, reject) => {
        waiting.set(from, { resolve, reject });
        worker.postMessage({ from, to });
      }),
    stop: () => worker.terminate(),
  };
}

export async function generateLargeDatabase(options: TLargeSeedOptions): Promise<TLargeSeedResult> {
  const started = Date.now();
  const target = await openLargeSeedTarget(options.database);
  try {
    return await fill(target, options, started);
  } catch (error) {
    await target.abort().catch(() => {});
    throw error;
  }
}

async function fill(db: TLargeSeedTarget, options: TLargeSeedOptions, started: number): Promise<TLargeSeedResult> {
  const log = options.log ?? (() => {});
  const nowMs = (options.now ?? new Date()).getTime();
  const patientCount = Math.max(2, Math.floor(options.patients));
  const benchmarkDocuments = options.benchmarkDocuments ?? 500;
  const benchmarkTraces = options.benchmarkTraces ?? 5000;
  const workerCount = options.workers ?? Math.max(1, (os.availableParallelism?.() ?? os.cpus().length) - 1);
  const rng = createRandom(`seed-large:${patientCount}`);
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const nowText = prismaDateTime(nowMs);

  // --- Reference rows -------------------------------------------------------------
  const structureCount = Math.max(8, Math.min(400, Math.ceil(patientCount / 500)));
  const professionalCount = Math.max(40, Math.min(5000, Math.ceil(patientCount / 40)));
  const structures: { id: string; name: string; kind: string; department: string }[] = [];
  const pros: TPro[] = [];
  const weights = PROFESSION_MIX.reduce((s, [, , w]) => s + w, 0);
  const insertRule = db.prepare('INSERT INTO "HabilitationRule" (id, profession, specialty, typeCode, canRead, updatedAt) VALUES (?, ?, ?, ?, ?, ?)');
  const insertStructure = db.prepare('INSERT INTO "Structure" (id, finess, name, kind, city, department, createdAt) VALUES (?, ?, ?, ?, ?, ?, ?)');
  const insertPro = db.prepare(
    'INSERT INTO "Professional" (id, idNat, rpps, kind, title, firstName, lastName, profession, specialty, isSamuRegulator, isOperator, email, structureId, createdAt) VALUES (?, ?, ?, \'HEALTH_PROFESSIONAL\', ?, ?, ?, ?, ?, ?, 0, ?, ?, ?)',
  );

  db.transaction(() => {
    DEFAULT_HABILITATION_MATRIX.forEach((r, i) => insertRule.run(largeId("hr", i), r.profession, r.specialty, r.typeCode, r.canRead ? 1 : 0, nowText));
    const kinds = ["HOSPITAL", "PRACTICE", "PRACTICE", "EHPAD", "PRACTICE", "SAMU"] as const;
    for (let i = 0; i < structureCount; i++) {
      const department = DEPARTMENT_CODES[i % DEPARTMENT_CODES.length] as string;
      const kind = i < kinds.length ? kinds[i] : kinds[i % 5];
      const name =
        kind === "HOSPITAL" ? `Centre hospitalier ${department}-${i}` : kind === "EHPAD" ? `EHPAD Les Tilleuls ${i}` : kind === "SAMU" ? `SAMU ${department} - Centre 15` : `Cabinet médical ${i}`;
      const s = { id: largeId("st", i), name, kind: kind as string, department };
      structures.push(s);
      insertStructure.run(s.id, finess(`${department.replace(/[AB]/, "0").slice(0, 2)}${String(500000 + i).padStart(6, "0")}`), name, s.kind, `Ville ${department}`, department, nowText);
    }
    for (let i = 0; i < professionalCount; i++) {
      let roll = rng.next() * weights;
      let pick = PROFESSION_MIX[0] as (typeof PROFESSION_MIX)[number];
      for (const entry of PROFESSION_MIX) {
        roll -= entry[2];
        if (roll <= 0) {
          pick = entry;
          break;
        }
      }
      const [profession, baseSpecialty] = pick;
      const firstName = rng.pick(rng.chance(0.55) ? FEMALE_FIRST_NAMES : MALE_FIRST_NAMES);
      const lastName = rng.pick(LAST_NAMES);
      const number = rpps(`2${String(i).padStart(9, "0")}`);
      const structure = structures[i % structures.length] as (typeof structures)[number];
      const isRegulator = structure.kind === "SAMU" && profession === "10";
      const specialty = isRegulator ? "SM59" : baseSpecialty;
      const title = profession === "10" || profession === "40" ? "Dr" : null;
      const p: TPro = {
        id: largeId("pr", i),
        profession,
        specialty,
        name: [title, firstName, lastName].filter(Boolean).join(" "),
        label: professionWithSpecialtyLabel(profession, specialty),
        structureId: structure.id,
        structureName: structure.name,
        structureKind: structure.kind,
      };
      pros.push(p);
      const email = `${firstName}.${lastName}.${i}@large-sante.fr`.normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/\s+/g, "-").toLowerCase();
      insertPro.run(p.id, idNatFromRpps(number), number, title, firstName, lastName, profession, specialty, isRegulator ? 1 : 0, email, structure.id, nowText);
    }
  })();
  log(`Référentiels : ${DEFAULT_HABILITATION_MATRIX.length} règles, ${structures.length} structures, ${pros.length} professionnels.`);

  const accountPlan = new Map<number, { loginId: string; note: string }>([
    [0, { loginId: "bench.documents", note: `${benchmarkDocuments} documents` }],
    [1, { loginId: "bench.traces", note: `${benchmarkTraces} traces` }],
  ]);
  for (let k = 1; k <= 5; k++) {
    const index = Math.min(patientCount - 1, Math.floor((k * patientCount) / 6));
    if (!accountPlan.has(index)) accountPlan.set(index, { loginId: `large.patient${k}`, note: "patient ordinaire" });
  }
  const ctx: TBatchContext = {
    nowMs,
    benchmarkDocuments,
    benchmarkTraces,
    pros,
    gpIndexes: pros.flatMap((p, k) => (p.profession === "10" && (p.specialty === "SM54" || p.specialty === "SM53") ? [k] : [])),
    // Who may author which type (types nobody may author, like REMB, are left out).
    authorsByType: PROFESSIONAL_DOCUMENT_TYPES.map((type) => [type, pros.flatMap((p, k) => (authorableTypes(p.profession, p.specialty).includes(type) ? [k] : []))] as [string, number[]]).filter(
      ([, authors]) => authors.length > 0,
    ),
    accounts: [...accountPlan.entries()],
    passwordHash,
  };

  // --- Patients, in batches ----------------------------------------------------------
  const statements = Object.fromEntries(Object.entries(SQL).map(([k, sql]) => [k, db.prepare(sql)])) as Record<keyof typeof SQL, TLargeSeedStatement>;
  const counts = { documents: 0, traces: 0, reimbursements: 0 };
  const accounts: TLargeSeedAccount[] = [];
  const writeBatch = db.transaction((rows: TBatchRows) => {
    for (const r of rows.patients) statements.patient.run(r);
    for (const r of rows.beneficiaries) statements.beneficiary.run(r);
    for (const r of rows.accounts) statements.account.run(r);
    for (const r of rows.authorizations) statements.authorization.run(r);
    for (const r of rows.documents) statements.document.run(r);
    for (const r of rows.contents) statements.content.run(r);
    for (const r of rows.reimbursements) statements.reimbursement.run(r);
    for (const r of rows.traces) statements.trace.run(r);
    for (const r of rows.notifications) statements.notification.run(r);
  });

  const ranges: [number, number][] = [];
  for (let from = 0; from < patientCount; from += BATCH) ranges.push([from, Math.min(patientCount, from + BATCH)]);
  const workers = Array.from({ length: workerCount }, () => startWorker(ctx));
  const build = (k: number): Promise<TBatchRows> => {
    const [from, to] = ranges[k] as [number, number];
    const worker = workers[k % Math.max(1, workers.length)];
    return worker ? worker.build(from, to) : Promise.resolve(buildBatch(ctx, from, to));
  };
  try {
    // Keep every worker one batch ahead of the writer.
    const inFlight = new Map<number, Promise<TBatchRows>>();
    for (let k = 0; k < Math.min(ranges.length, Math.max(1, workers.length)); k++) inFlight.set(k, build(k));
    for (let k = 0; k < ranges.length; k++) {
      const rows = await (inFlight.get(k) as Promise<TBatchRows>);
      inFlight.delete(k);
      const next = k + Math.max(1, workers.length);
      if (next < ranges.length) inFlight.set(next, build(next));
      writeBatch(rows);
      await db.flush();
      counts.documents += rows.documents.length;
      counts.traces += rows.traces.length;
      counts.reimbursements += rows.reimbursements.length;
      for (const a of rows.accountNotes) accounts.push({ loginId: a.loginId, password: DEMO_PASSWORD, note: a.note });
      const to = (ranges[k] as [number, number])[1];
      if (to % (BATCH * 10) === 0 || to === patientCount) log(`${to} / ${patientCount} patients (${((Date.now() - started) / 1000).toFixed(0)} s)`);
    }
  } finally {
    await Promise.all(workers.map((w) => w.stop()));
  }

  // Beneficiaries without a record yet (one for twenty patients).
  const extra = Math.ceil(patientCount / 20);
  db.transaction(() => {
    for (let i = patientCount; i < patientCount + extra; i++) {
      const r = createRandom(`large-beneficiary:${i}`);
      const sex = r.chance(0.5) ? "F" : "M";
      const birthDate = `${r.int(1930, 2024)}-${String(r.int(1, 12)).padStart(2, "0")}-${String(r.int(1, 28)).padStart(2, "0")}`;
      const { department, place, order } = birthPlace(i);
      statements.beneficiary.run(
        largeId("be", i), buildNir({ sex, birthDate, place, order }), birthDate, r.pick(sex === "F" ? FEMALE_FIRST_NAMES : MALE_FIRST_NAMES),
        r.pick(LAST_NAMES), sex, String(1_000_000_000 + i), department, null, nowText,
      );
    }
  })();

  await db.flush();
  log(`Lignes écrites en ${((Date.now() - started) / 1000).toFixed(0)} s.`);
  await db.finish(log);

  return {
    patients: patientCount,
    professionals: pros.length,
    structures: structures.length,
    documents: counts.documents,
    traces: counts.traces,
    reimbursements: counts.reimbursements,
    accounts,
    elapsedMs: Date.now() - started,
  };
}
