import type { TProfessionalActor } from "@/lib/access/actor";
import type { TAccessContext, TPolicyDocument } from "@/lib/access/access-context";
import { describeDecision } from "@/lib/access/decision";
import { resolveHabilitation, type TResolvedHabilitation } from "@/lib/access/habilitation";
import { canAccessRecord, canRead } from "@/lib/access/policy";
import { contentDigests } from "@/lib/documents/content-digest";
import { DEFAULT_HABILITATION_MATRIX } from "@/lib/habilitations/default-matrix";
import { feedTraceText } from "@/lib/feed/feed-trace-text";
import { buildNir } from "@/lib/identity/nir";
import { notificationText } from "@/lib/notifications/notification-wording";
import { DEPARTMENT_CODES } from "@/lib/reference/departments";
import { classOfType, documentTypeLabel } from "@/lib/reference/document-types";
import { createRandom } from "@/lib/random/prng";
import { careProfileFor, generateReimbursementHistory, isoDay, reimbursementSeedKey, statementStart } from "@/lib/reimbursements/generate-history";
import type { TTraceInput } from "@/lib/traces/append-trace";
import { chainTraces } from "@/lib/traces/chain-traces";
import { FEMALE_FIRST_NAMES, LAST_NAMES, MALE_FIRST_NAMES } from "./names";

/**
 * The rows of one batch of synthetic patients, as positional parameters of the INSERT
 * statements of generate-large-database.ts. Pure and deterministic (patient i is the
 * same whichever batch or thread builds it), so batches can be built in a worker
 * thread while the main thread writes the previous one.
 */

const DAY = 86_400_000;
const HOUR = 3_600_000;
export const DOCS_PER_PATIENT = 10;
export const TRACES_PER_PATIENT = 30;

export type TSqlValue = string | number | null | Uint8Array;

export type TPro = {
  id: string;
  profession: string;
  specialty: string | null;
  name: string;
  label: string;
  structureId: string;
  structureName: string;
  structureKind: string;
};

const habilitations = new Map<string, TResolvedHabilitation>();

/**
 * An authorized professional as lib/access sees them on a generated record (open, the
 * default matrix), so the generated history holds only accesses the policy allows.
 */
function authorizedAccess(pro: TPro, patientId: string, method: "CONSENT" | "CARE_TEAM"): { actor: TProfessionalActor; ctx: TAccessContext } {
  const key = `${pro.profession}/${pro.specialty ?? ""}`;
  let habilitation = habilitations.get(key);
  if (!habilitation) {
    habilitation = resolveHabilitation(DEFAULT_HABILITATION_MATRIX, pro.profession, pro.specialty);
    habilitations.set(key, habilitation);
  }
  return {
    actor: { kind: "PROFESSIONAL", professionalId: pro.id, name: pro.name, profession: pro.profession, specialty: pro.specialty, isSamuRegulator: false },
    ctx: {
      patientId,
      namespaceId: null,
      recordStatus: "OPEN",
      breakGlassAllowed: true,
      samuAllowed: true,
      isTreatingDoctor: false,
      isBlocked: false,
      hasAuthorization: true,
      authorizationMethod: method,
      emergencyMode: null,
      isRepresentative: false,
      habilitation,
    },
  };
}

export type TBatchContext = {
  nowMs: number;
  benchmarkDocuments: number;
  benchmarkTraces: number;
  pros: TPro[];
  /** Indexes in `pros` of general practitioners (treating doctors). */
  gpIndexes: number[];
  /** Type code → indexes in `pros` of who may author it. */
  authorsByType: [string, number[]][];
  /** Patient index → account (login id, note). */
  accounts: [number, { loginId: string; note: string }][];
  passwordHash: string;
};

export type TBatchRows = {
  patients: TSqlValue[][];
  beneficiaries: TSqlValue[][];
  accounts: TSqlValue[][];
  authorizations: TSqlValue[][];
  documents: TSqlValue[][];
  contents: TSqlValue[][];
  reimbursements: TSqlValue[][];
  traces: TSqlValue[][];
  notifications: TSqlValue[][];
  accountNotes: { loginId: string; note: string }[];
};

/** Prisma's DateTime text with the better-sqlite3 adapter ("2026-11-26T04:32:59.036+00:00"). */
export function prismaDateTime(ms: number): string {
  return `${new Date(ms).toISOString().slice(0, 23)}+00:00`;
}

/** "c" + letters + base 36: unique per table, deterministic, and accepted by z.cuid(). */
export function largeId(prefix: string, n: number): string {
  return `c${prefix}${n.toString(36).padStart(9, "0")}`;
}

const METROPOLITAN = DEPARTMENT_CODES.filter((c) => c.length === 2);

/**
 * Birth place and order of the i-th person: (département, commune, order) is different
 * for every i, so NIR + birth date + rank never collide.
 */
export function birthPlace(i: number): { department: string; place: string; order: number } {
  const department = METROPOLITAN[i % METROPOLITAN.length] as string;
  const q = Math.floor(i / METROPOLITAN.length);
  const commune = String(1 + (Math.floor(q / 999) % 999)).padStart(3, "0");
  return { department, place: `${department}${commune}`, order: 1 + (q % 999) };
}

const DOC_SENTENCES = [
  "Examen clinique sans particularité. Poursuite du traitement habituel.",
  "Résultats dans les limites de la normale. Contrôle dans six mois.",
  "Évolution favorable, pas de complication. Consignes remises au patient.",
  "Bilan à compléter ; le médecin traitant est destinataire de ce document.",
  "Adaptation posologique réalisée. Surveillance clinique et biologique.",
  "Patient informé des résultats et de la conduite à tenir.",
];

export function emptyBatch(): TBatchRows {
  return { patients: [], beneficiaries: [], accounts: [], authorizations: [], documents: [], contents: [], reimbursements: [], traces: [], notifications: [], accountNotes: [] };
}

/** First document number of patient i (patient 0 is the many-documents benchmark). */
function firstDocument(i: number, ctx: TBatchContext): number {
  return i === 0 ? 0 : ctx.benchmarkDocuments + (i - 1) * DOCS_PER_PATIENT;
}

export function buildBatch(ctx: TBatchContext, from: number, to: number): TBatchRows {
  const rows = emptyBatch();
  const authors = new Map(ctx.authorsByType.map(([type, indexes]) => [type, indexes.map((k) => ctx.pros[k] as TPro)]));
  const types = [...authors.keys()];
  const gps = ctx.gpIndexes.map((k) => ctx.pros[k] as TPro);
  const accounts = new Map(ctx.accounts);
  const now = new Date(ctx.nowMs);
  const nowText = prismaDateTime(ctx.nowMs);
  for (let i = from; i < to; i++) addPatient(rows, ctx, i, { authors, types, gps, accounts, now, nowText });
  return rows;
}

function addPatient(
  rows: TBatchRows,
  ctx: TBatchContext,
  i: number,
  shared: { authors: Map<string, TPro[]>; types: string[]; gps: TPro[]; accounts: Map<number, { loginId: string; note: string }>; now: Date; nowText: string },
): void {
  const r = createRandom(`large-patient:${i}`);
  const nowMs = ctx.nowMs;
  const sex = r.chance(0.51) ? "F" : "M";
  const firstName = r.pick(sex === "F" ? FEMALE_FIRST_NAMES : MALE_FIRST_NAMES);
  const lastName = r.pick(LAST_NAMES);
  const birthDate = `${r.int(1930, 2024)}-${String(r.int(1, 12)).padStart(2, "0")}-${String(r.int(1, 28)).padStart(2, "0")}`;
  const { department, place, order } = birthPlace(i);
  const nir = buildNir({ sex, birthDate, place, order });
  const patientId = largeId("pt", i);
  const openedMs = nowMs - r.int(30, 5 * 365) * DAY - r.int(0, 23) * HOUR;
  const opened = prismaDateTime(openedMs);
  const treating = r.chance(0.6) ? r.pick(shared.gps) : null;
  const email = `patient${i}@large-patient.fr`;
  const phone = `+3367${String(i).padStart(7, "0")}`;

  rows.patients.push([
    patientId, nir, birthDate, firstName, lastName, sex, department, email, phone, opened,
    r.chance(0.97) ? 1 : 0, r.chance(0.98) ? 1 : 0, shared.nowText, treating?.id ?? null,
    treating ? prismaDateTime(openedMs + 7 * DAY) : null, opened, opened,
  ]);
  rows.beneficiaries.push([largeId("be", i), nir, birthDate, firstName, lastName, sex, String(1_000_000_000 + i), department, patientId, opened]);
  const account = shared.accounts.get(i);
  if (account) {
    rows.accounts.push([largeId("ac", i), account.loginId, ctx.passwordHash, firstName, lastName, email, phone, patientId, opened, opened]);
    rows.accountNotes.push({ loginId: account.loginId, note: `${account.note} – ${firstName} ${lastName}` });
  }

  // Two authorized professionals, other than the treating doctor.
  const authorized: TPro[] = [];
  while (authorized.length < 2) {
    const p = r.pick(ctx.pros);
    if (p.id !== treating?.id && !authorized.includes(p)) authorized.push(p);
  }
  const consentMs = authorized.map(() => openedMs + r.int(1, 60) * DAY);
  const access = authorized.map((p) => authorizedAccess(p, patientId, p.structureKind === "HOSPITAL" ? "CARE_TEAM" : "CONSENT"));
  authorized.forEach((p, k) => {
    const at = prismaDateTime(consentMs[k] as number);
    rows.authorizations.push([largeId("au", i * 2 + k), patientId, p.id, access[k]?.ctx.authorizationMethod ?? "CONSENT", at, at, p.id, at]);
  });

  const events: { ms: number; trace: TTraceInput }[] = [];
  const patientActor = { actorKind: "PATIENT" as const, actorName: `${firstName} ${lastName}` };
  events.push({ ms: openedMs, trace: { patientId, ...patientActor, action: "RECORD_CREATE", detail: "Création en ligne." } });
  authorized.forEach((p, k) => {
    const ms = consentMs[k] as number;
    const actor = { actorKind: "PROFESSIONAL" as const, actorId: p.id, actorName: p.name, actorProfession: p.label, actorStructure: p.structureName };
    events.push({ ms, trace: { patientId, ...actor, action: "AUTHORIZATION_GRANT", reason: "Consentement du patient recueilli" } });
    const { actor: policyActor, ctx: policyCtx } = access[k] as (typeof access)[number];
    events.push({ ms: ms + 5 * 60_000, trace: { patientId, ...actor, action: "RECORD_VIEW", reason: describeDecision(canAccessRecord(policyActor, policyCtx)) } });
  });

  const patientLabel = `${firstName} ${lastName.toUpperCase()}, ${sex === "F" ? "née" : "né"} le ${birthDate.split("-").reverse().join("/")}`;
  const docCount = i === 0 ? ctx.benchmarkDocuments : DOCS_PER_PATIENT;
  const docs: { id: string; ms: number; policy: TPolicyDocument }[] = [];
  const first = firstDocument(i, ctx);
  for (let d = 0; d < docCount; d++) {
    const type = r.pick(shared.types);
    const author = r.pick(shared.authors.get(type) as TPro[]);
    const serviceMs = openedMs + Math.floor(r.next() * Math.max(DAY, nowMs - openedMs - DAY));
    const submittedMs = Math.min(serviceMs + r.int(1, 48) * HOUR, nowMs - HOUR);
    const n = first + d;
    const docId = largeId("dc", n);
    const uniqueId = `1.2.250.1.213.1.1.9.7.${n}`;
    const title = documentTypeLabel(type);
    const serviceText = prismaDateTime(serviceMs);
    const text = `${title}\nPatient : ${patientLabel}\nAuteur : ${author.name} (${author.label}), ${author.structureName}\nDate : ${serviceText.slice(0, 10)}\n${r.pick(DOC_SENTENCES)}\nRéf. ${uniqueId}\n`;
    const data = Buffer.from(text, "utf8");
    const digests = contentDigests(data);
    const roll = r.next();
    const feed = author.structureKind === "HOSPITAL";
    const hiddenFromPros = r.chance(0.05);
    const hiddenFromPatient = r.chance(0.02);
    rows.documents.push([
      docId, uniqueId, patientId, type, classOfType(type) ?? "10", title, author.id, author.structureId, serviceText, prismaDateTime(submittedMs),
      roll < 0.02 ? "V" : roll < 0.1 ? "R" : "N", hiddenFromPros ? 1 : 0, hiddenFromPatient ? 1 : 0,
      feed ? "HOSPITAL_FEED" : "PROFESSIONAL", data.byteLength, digests.sha256, digests.sha1,
    ]);
    rows.contents.push([docId, data]);
    const policy = { patientId, typeCode: type, authorId: author.id, hiddenFromPros, hiddenFromPatient, hiddenFromLegalReps: false, opposedAt: null };
    docs.push({ id: docId, ms: submittedMs, policy });
    // A hospital's document comes through the feed, whose trace names the person who
    // submitted (here the author) with the structure, as lib/feed/ingest-bundle writes it.
    const authorActor = { actorKind: "PROFESSIONAL" as const, actorId: author.id, actorName: author.name, actorProfession: author.label, actorStructure: author.structureName };
    events.push({
      ms: submittedMs,
      trace: feed
        ? {
            patientId,
            ...authorActor,
            action: "FEED_DOCUMENT",
            documentId: docId,
            ...feedTraceText({ typeCode: type, title, masking: { hiddenFromPros, hiddenFromPatient, hiddenFromLegalReps: false }, authorName: author.name, isNewVersion: false }),
          }
        : { patientId, ...authorActor, action: "DOCUMENT_ADD", documentId: docId },
    });
  }

  // Reads by the authorized professionals fill the history up to its size.
  const traceTarget = i === 1 ? ctx.benchmarkTraces : TRACES_PER_PATIENT;
  events.push({ ms: nowMs - r.int(1, 20) * DAY, trace: { patientId, ...patientActor, action: "TRACES_VIEW" } });
  // Each professional reads only what lib/access lets them read; without any, they view the record.
  const readable = access.map(({ actor, ctx }) =>
    docs.flatMap((d) => {
      const decision = canRead(actor, d.policy, ctx);
      return decision.allowed ? [{ doc: d, reason: describeDecision(decision) }] : [];
    }),
  );
  const views = access.map(({ actor, ctx }) => describeDecision(canAccessRecord(actor, ctx)));
  while (events.length < traceTarget) {
    const k = r.int(0, authorized.length - 1);
    const p = authorized[k] as TPro;
    const mine = readable[k] ?? [];
    const read = mine.length > 0 ? r.pick(mine) : null;
    const ms = Math.min(nowMs - 60_000, (read?.doc.ms ?? openedMs) + r.int(1, 24 * 30) * HOUR);
    events.push({
      ms,
      trace: {
        patientId, actorKind: "PROFESSIONAL", actorId: p.id, actorName: p.name, actorProfession: p.label, actorStructure: p.structureName,
        action: read ? "DOCUMENT_READ" : "RECORD_VIEW", documentId: read?.doc.id ?? null, reason: read?.reason ?? views[k] ?? null,
      },
    });
  }
  events.sort((a, b) => a.ms - b.ms);
  for (const t of chainTraces(events.map((e) => ({ ...e.trace, at: new Date(e.ms) })))) {
    rows.traces.push([t.patientId, t.actorKind, t.actorId, t.actorName, t.actorProfession, t.actorStructure, t.action, t.documentId, t.mode, t.justification, t.outcome, t.reason, t.detail, prismaDateTime(t.at.getTime()), t.ipAddress, t.prevHash, t.hash]);
  }

  // About twenty reimbursements: the last nine months of the statement the monthly job would load.
  let k = 0;
  const seedKey = reimbursementSeedKey({ nir, birthDate, birthRank: 1 });
  const today = isoDay(shared.now);
  for (const item of generateReimbursementHistory({ seedKey, profile: careProfileFor(seedKey, null), birthDate, after: statementStart(today, 9), through: today })) {
    rows.reimbursements.push([largeId("rb", i * 1000 + k++), patientId, item.category, item.date, item.actCode, item.label, item.specialty, item.quantity, item.activeIngredients, item.deliveredInHospital ? 1 : 0, item.stayDays]);
  }
  const created = notificationText({ kind: "RECORD_CREATED", opening: "SELF", at: new Date(openedMs) });
  rows.notifications.push([largeId("nt", i), patientId, created.title, created.body, opened, opened, prismaDateTime(openedMs + DAY)]);
}
