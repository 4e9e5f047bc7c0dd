/**
 * The trace visibility rule in its two forms, on a real SQLite database: the pure
 * patientSideTraceView() and the SQL the history runs (patientSideTraceSql for the rows,
 * patientSideReasonSql for the reason) must agree on every trace, for the patient and a
 * legal representative, over every patient-side masking of a document and of the version
 * it replaces, and every kind of trace (about the record, about a document, about a new
 * version, about another record). The expected views are the hand-written
 * TRACE_VIEWS_EXPECTED of patient-side-table.ts. The history's count
 * (patientSideTraceCountSql, written as a difference) counts exactly the rows shown.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TTestDatabase } from "@/lib/testing/test-database";
import type { TLegalRepresentativeActor, TPatientActor } from "./actor";
import { loadAccessContext } from "./load-access-context";
import { patientSideTraceView, type TTraceView } from "./trace-visibility";
import { Prisma } from "@/lib/generated/prisma/client";
import { patientSideReasonSql, patientSideTraceCountSql, patientSideTraceSql } from "./trace-visibility-sql";
import { appendTraces, type TTraceInput } from "@/lib/traces/append-trace";
import {
  PATIENT_SIDE_MASKINGS,
  PATIENT_SIDE_MASKING_NAMES,
  TRACE_VIEW_WITHOUT_DOCUMENT,
  expectedTraceView,
  traceViewOf,
  type TPatientSideMaskingName,
} from "./patient-side-table";

const MASKINGS = PATIENT_SIDE_MASKINGS;
type TMaskingName = TPatientSideMaskingName;
const NAMES = PATIENT_SIDE_MASKING_NAMES;

let db: TTestDatabase;
let patient: TPatientActor;
let parent: TLegalRepresentativeActor;
/** Expected view per trace label, for [patient, representative]. */
const expected = new Map<string, [TTraceView, TTraceView]>();
/** Both readers' expected views from the hand-written TRACE_VIEWS_EXPECTED. */
const views = (m: TMaskingName, replaced: TMaskingName | null): [TTraceView, TTraceView] => [
  expectedTraceView("patient", m, replaced),
  expectedTraceView("representative", m, replaced),
];
const withoutDocument = (code: string): [TTraceView, TTraceView] => [traceViewOf(code), traceViewOf(code)];

beforeAll(async () => {
  db = await createTestDatabase({ name: "trace-visibility" });
  const p = db.prisma;
  const identity = { birthDate: "2015-01-01", birthRank: 1, firstName: "Léa", lastName: "Test", sex: "F" as const, department: "75" };
  const child = await p.patient.create({ data: { ...identity, nir: "280017505600195" } });
  const other = await p.patient.create({ data: { ...identity, nir: "180017505600138", firstName: "Paul" } });
  const own = await p.account.create({ data: { loginId: "lea", passwordHash: "x", firstName: "Léa", lastName: "Test", patientId: child.id } });
  const rep = await p.account.create({ data: { loginId: "parent", passwordHash: "x", firstName: "Parent", lastName: "Test" } });
  await p.legalRepresentation.create({ data: { accountId: rep.id, patientId: child.id, relationship: "Mère" } });
  patient = { kind: "PATIENT", accountId: own.id, patientId: child.id, name: "Léa Test" };
  parent = { kind: "LEGAL_REPRESENTATIVE", accountId: rep.id, patientId: child.id, name: "Parent Test" };

  let n = 0;
  const doc = async (patientId: string, masking: TMaskingName, replacesId: string | null = null) => {
    n += 1;
    const d = await p.document.create({
      data: {
        patientId,
        ...MASKINGS[masking],
        uniqueId: `u-${n}`,
        title: `doc ${n}`,
        typeCode: "11488-4",
        classCode: "11",
        source: "PROFESSIONAL",
        serviceDate: new Date("2026-01-01"),
        mediaType: "text/plain",
        size: 1,
        sha256: "0",
        replacesId,
        status: "ACTIVE",
      },
    });
    return d.id;
  };
  const traces: TTraceInput[] = [];
  const trace = (label: string, patientId: string, action: string, documentId: string | null, view: [TTraceView, TTraceView]) => {
    expected.set(label, view);
    traces.push({ patientId, actorKind: "PROFESSIONAL", actorId: "pro", actorName: label, action: action as TTraceInput["action"], documentId, reason: `motif ${label}` });
  };

  trace("record view", child.id, "RECORD_VIEW", null, withoutDocument(TRACE_VIEW_WITHOUT_DOCUMENT.ownRecord));
  trace("other record", other.id, "RECORD_VIEW", null, withoutDocument(TRACE_VIEW_WITHOUT_DOCUMENT.otherRecord));
  for (const m of NAMES) {
    const id = await doc(child.id, m);
    trace(`add ${m}`, child.id, "DOCUMENT_ADD", id, views(m, null));
    trace(`read ${m}`, child.id, "DOCUMENT_READ", id, views(m, null));
    for (const old of NAMES) {
      const oldId = await doc(child.id, old);
      const newId = await doc(child.id, m, oldId);
      trace(`replace ${old} by ${m}`, child.id, "DOCUMENT_REPLACE", newId, views(m, old));
      // The replaced version itself replaces nothing: it shows as any document so masked.
      trace(`old ${old} replaced by ${m}`, child.id, "DOCUMENT_READ", oldId, views(old, null));
    }
  }
  await appendTraces(p, traces);
});

afterAll(async () => {
  await db?.cleanup();
});

describe("patientSideTraceView and its SQL twin agree on a real database", () => {
  for (const [reader, column] of [
    ["patient", 0],
    ["legal representative", 1],
  ] as const) {
    it(`${reader}: every trace × document masking × replaced version masking`, async () => {
      const actor = reader === "patient" ? patient : parent;
      const ctx = await loadAccessContext(db.prisma, actor, actor.patientId);
      if (!ctx) throw new Error("record not found");

      const bySql = await db.prisma.$queryRaw<{ actorName: string; reason: string | null }[]>`
        SELECT t.actorName, ${patientSideReasonSql(actor, ctx)} AS reason FROM Trace t WHERE ${patientSideTraceSql(actor, ctx)}`;
      const sqlView = new Map(bySql.map((t) => [t.actorName, t.reason === null ? "SHOWN_WITHOUT_REASON" : "SHOWN"]));

      const all = await db.prisma.trace.findMany();
      const documents = new Map((await db.prisma.document.findMany({ where: { patientId: ctx.patientId }, include: { replaces: true } })).map((d) => [d.id, d]));
      for (const t of all) {
        const d = t.documentId ? documents.get(t.documentId) : undefined;
        const pure = patientSideTraceView(actor, ctx, { patientId: t.patientId, document: d ? { ...d, replaced: d.replaces } : null });
        const label = t.actorName;
        expect({ label, pure }).toEqual({ label, pure: expected.get(label)?.[column] });
        expect({ label, sql: sqlView.get(label) ?? "HIDDEN" }).toEqual({ label, sql: pure });
      }
      expect(all).toHaveLength(expected.size);

      // The count, with and without a condition of the history's filters, is that of the rows shown.
      const countOf = async (and: Prisma.Sql[]) =>
        Number((await db.prisma.$queryRaw<{ total: number | bigint }[]>`SELECT ${patientSideTraceCountSql(actor, ctx, and)} AS total`)[0]?.total);
      const shown = await db.prisma.$queryRaw<{ action: string }[]>`SELECT t.action FROM Trace t WHERE ${patientSideTraceSql(actor, ctx)}`;
      expect(shown.length).toBeGreaterThan(0);
      expect(await countOf([])).toBe(shown.length);
      for (const action of ["DOCUMENT_READ", "DOCUMENT_REPLACE", "RECORD_VIEW"]) {
        expect({ action, count: await countOf([Prisma.sql`t.action = ${action}`]) }).toEqual({ action, count: shown.filter((t) => t.action === action).length });
      }
    });
  }

  it("a professional has no patient-side view of the history", async () => {
    const pro = { kind: "PROFESSIONAL" as const, professionalId: "pro", name: "Dr", profession: "10", specialty: null, isSamuRegulator: false };
    const ctx = await loadAccessContext(db.prisma, pro, patient.patientId);
    expect(patientSideTraceView(pro, ctx!, { patientId: patient.patientId, document: null })).toBe("HIDDEN");
    expect(() => patientSideTraceSql(pro, ctx!)).toThrow();
    expect(() => patientSideTraceCountSql(pro, ctx!, [])).toThrow();
  });
});
