/**
 * The same policy table as policy.test.ts, run against a real SQLite database: the facts
 * are rows (authorizations, blocks, emergency accesses, matrix rows, patient settings),
 * loadAccessContext reads them, and the Prisma filter must return exactly the documents
 * the table expects and canRead() allows; so must its raw-SQL form, documentSql. The list
 * rule OTHER_PROFESSIONALS_TRACES is checked the same way: its Prisma filter against the
 * pure function and the table.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TTestDatabase } from "@/lib/testing/test-database";
import type { TActor } from "./actor";
import { canAccessRecord, canRead } from "./policy";
import { documentWhere } from "./document-where";
import { documentSql } from "./document-sql";
import { loadAccessContext } from "./load-access-context";
import { isOtherProfessionalsTrace, otherProfessionalsTraceWhere } from "./record-actions";
import { appendTrace } from "@/lib/traces/append-trace";
import { ACTOR_CASES, CASE_FACTS, MASKS, TRACE_ROWS, expectedFor, expectedTracesFor, type TActorCase } from "./policy-table";

const TYPE = "11488-4";
let db: TTestDatabase;
let patientId: string;
let otherPatientId: string;
let maskedDocIds: string[] = [];
const proIds = new Map<TActorCase, string>();
let representativeAccountId: string;
let patientAccountId: string;

const PRO_CASES = ACTOR_CASES.filter((c) => c !== "patient" && c !== "legalRepresentative");

beforeAll(async () => {
  db = await createTestDatabase();
  const p = db.prisma;
  const structure = await p.structure.create({
    data: { finess: "750000001", name: "Cabinet test", kind: "PRACTICE", city: "Paris", department: "75" },
  });
  let n = 0;
  for (const c of PRO_CASES) {
    n += 1;
    const pro = await p.professional.create({
      data: {
        idNat: `8100000000${String(n).padStart(2, "0")}`,
        firstName: "Test",
        lastName: c,
        profession: CASE_FACTS[c].isStaff ? null : "10",
        specialty: CASE_FACTS[c].isStaff ? null : "SM54",
        kind: CASE_FACTS[c].isStaff ? "STAFF" : "HEALTH_PROFESSIONAL",
        isSamuRegulator: CASE_FACTS[c].isSamuRegulator ?? false,
        structureId: structure.id,
      },
    });
    proIds.set(c, pro.id);
  }
  const identity = { birthDate: "1980-01-01", birthRank: 1, firstName: "Jeanne", lastName: "Test", sex: "F" as const, department: "75" };
  // A minor: a legal representation is in force only before the 18th birthday.
  const patient = await p.patient.create({ data: { ...identity, birthDate: "2012-01-01", nir: "280017505600195", treatingDoctorId: proIds.get("treatingDoctor") } });
  const other = await p.patient.create({ data: { ...identity, nir: "180017505600138", firstName: "Paul", sex: "M" } });
  patientId = patient.id;
  otherPatientId = other.id;
  patientAccountId = (
    await p.account.create({ data: { loginId: "jeanne", passwordHash: "x", firstName: "Jeanne", lastName: "Test", patientId } })
  ).id;
  representativeAccountId = (
    await p.account.create({ data: { loginId: "parent", passwordHash: "x", firstName: "Parent", lastName: "Test" } })
  ).id;
  await p.legalRepresentation.create({ data: { accountId: representativeAccountId, patientId, relationship: "Mère" } });

  const authorId = proIds.get("author")!;
  for (const c of ["author", "authorizedProfessional", "careTeamMember", "blockedProfessional"] as const) {
    await p.professionalAuthorization.create({
      data: { patientId, professionalId: proIds.get(c)!, method: CASE_FACTS[c].authorizationMethod ?? "CONSENT", consentAt: new Date(), recordedById: proIds.get(c)! },
    });
  }
  await p.patientBlock.create({ data: { patientId, professionalId: proIds.get("blockedProfessional")! } });
  const inOneHour = new Date(Date.now() + 3_600_000);
  for (const c of PRO_CASES) {
    const mode = CASE_FACTS[c].emergencyMode;
    if (mode) {
      await p.emergencyAccess.create({ data: { patientId, professionalId: proIds.get(c)!, mode, expiresAt: inOneHour } });
    }
  }
  // An expired break-the-glass access must not count: the unauthorized professional has one.
  await p.emergencyAccess.create({
    data: { patientId, professionalId: proIds.get("unauthorizedProfessional")!, mode: "BREAK_GLASS", expiresAt: new Date(Date.now() - 1000) },
  });

  const docBase = {
    typeCode: TYPE,
    classCode: "10",
    authorId,
    serviceDate: new Date("2026-01-01"),
    source: "PROFESSIONAL" as const,
    mediaType: "text/plain",
    size: 1,
    sha256: "0",
  };
  maskedDocIds = [];
  for (const [i, mask] of MASKS.entries()) {
    const { name: _name, ...flags } = mask;
    const d = await p.document.create({ data: { ...docBase, ...flags, uniqueId: `u-${i}`, title: mask.name, patientId } });
    maskedDocIds.push(d.id);
  }
  await p.document.create({ data: { ...docBase, uniqueId: "u-opposed", title: "opposé", patientId, opposedAt: new Date() } });
  await p.document.create({ data: { ...docBase, uniqueId: "u-other", title: "autre patient", patientId: otherPatientId } });
  await p.document.create({ data: { ...docBase, typeCode: "60591-5", uniqueId: "u-no-row", title: "sans ligne", patientId } });
});

afterAll(async () => {
  await db?.cleanup();
});

function actorFor(c: TActorCase): TActor {
  if (c === "patient") return { kind: "PATIENT", accountId: patientAccountId, patientId, name: "Jeanne Test" };
  if (c === "legalRepresentative") return { kind: "LEGAL_REPRESENTATIVE", accountId: representativeAccountId, patientId, name: "Parent" };
  return {
    kind: "PROFESSIONAL",
    professionalId: proIds.get(c)!,
    name: c,
    profession: CASE_FACTS[c].isStaff ? null : "10",
    specialty: CASE_FACTS[c].isStaff ? null : "SM54",
    isSamuRegulator: CASE_FACTS[c].isSamuRegulator ?? false,
  };
}

async function setState(c: TActorCase, isOpen: boolean, isMatrixAllowed: boolean) {
  await db.prisma.patient.update({
    where: { id: patientId },
    data: {
      recordStatus: isOpen ? "OPEN" : "CLOSED",
      samuAllowed: CASE_FACTS[c].samuAllowed ?? true,
      breakGlassAllowed: CASE_FACTS[c].breakGlassAllowed ?? true,
    },
  });
  await db.prisma.habilitationRule.upsert({
    where: { profession_specialty_typeCode: { profession: "10", specialty: "*", typeCode: TYPE } },
    create: { profession: "10", specialty: "*", typeCode: TYPE, canRead: isMatrixAllowed },
    update: { canRead: isMatrixAllowed },
  });
}

describe("documentWhere and documentSql on SQLite return exactly what canRead allows", () => {
  for (const c of ACTOR_CASES) {
    for (const isOpen of [true, false]) {
      for (const isMatrixAllowed of [true, false]) {
        it(`${c}, dossier ${isOpen ? "ouvert" : "fermé"}, matrice ${isMatrixAllowed ? "autorise" : "refuse"}`, async () => {
          await setState(c, isOpen, isMatrixAllowed);
          const actor = actorFor(c);
          const ctx = await loadAccessContext(db.prisma, actor, patientId);
          expect(ctx).not.toBeNull();
          const found = await db.prisma.document.findMany({ where: documentWhere(actor, ctx!), select: { id: true } });
          const foundIds = new Set(found.map((d) => d.id));

          const got = maskedDocIds.map((id) => (foundIds.has(id) ? "Y" : ".")).join("");
          expect(got).toBe(expectedFor(c, isOpen, isMatrixAllowed));

          const all = await db.prisma.document.findMany();
          const allowedByFunction = all.filter((d) => canRead(actor, d, ctx!).allowed).map((d) => d.id).sort();
          expect([...foundIds].sort()).toEqual(allowedByFunction);

          // The raw-SQL form of the same rule (hot list queries) finds the same documents.
          const bySql = await db.prisma.$queryRaw<{ id: string }[]>`SELECT d.id FROM Document d WHERE ${documentSql(actor, ctx!)}`;
          expect(bySql.map((d) => d.id).sort()).toEqual(allowedByFunction);
        });
      }
    }
  }

  it("an unknown record gives no context (the caller answers not found)", async () => {
    expect(await loadAccessContext(db.prisma, actorFor("patient"), "no-such-record")).toBeNull();
  });

  it("reads how an authorization was obtained: consent or care-team presumption", async () => {
    await setState("careTeamMember", true, true);
    const careTeam = await loadAccessContext(db.prisma, actorFor("careTeamMember"), patientId);
    expect(careTeam).toMatchObject({ hasAuthorization: true, authorizationMethod: "CARE_TEAM" });
    expect(canAccessRecord(actorFor("careTeamMember"), careTeam!)).toMatchObject({ allowed: true, rule: "CARE_TEAM" });
    const consent = await loadAccessContext(db.prisma, actorFor("authorizedProfessional"), patientId);
    expect(canAccessRecord(actorFor("authorizedProfessional"), consent!)).toMatchObject({ allowed: true, rule: "CONSENT" });
    const none = await loadAccessContext(db.prisma, actorFor("unauthorizedProfessional"), patientId);
    expect(none).toMatchObject({ hasAuthorization: false, authorizationMethod: null });
  });

  it("a representative of another child is not a representative of this one", async () => {
    const ctx = await loadAccessContext(db.prisma, { ...(actorFor("legalRepresentative") as TActor), patientId: otherPatientId } as TActor, otherPatientId);
    expect(ctx?.isRepresentative).toBe(false);
  });
});

describe("otherProfessionalsTraceWhere on SQLite returns exactly what isOtherProfessionalsTrace allows", () => {
  for (const c of PRO_CASES) {
    for (const isOpen of [true, false]) {
      it(`${c}, dossier ${isOpen ? "ouvert" : "fermé"}`, async () => {
        await setState(c, isOpen, true);
        const actor = actorFor(c);
        if (actor.kind !== "PROFESSIONAL") throw new Error("professional case expected");
        // The trace rows of TRACE_ROWS, "their own" being this professional's (traces are
        // append-only: each case compares only the rows it wrote).
        const ids: number[] = [];
        for (const row of TRACE_ROWS) {
          const selfOrAuthor = row.actor === "self" ? actor.professionalId : proIds.get("author")!;
          await appendTrace(db.prisma, {
            patientId: "otherRecord" in row ? otherPatientId : patientId,
            ...(row.actor === "patient"
              ? { actorKind: "PATIENT" as const, actorId: patientAccountId, actorName: "Jeanne Test" }
              : { actorKind: "PROFESSIONAL" as const, actorId: selfOrAuthor, actorName: row.name }),
            action: "RECORD_VIEW",
          });
          ids.push((await db.prisma.trace.findFirstOrThrow({ orderBy: { id: "desc" } })).id);
        }
        const ctx = (await loadAccessContext(db.prisma, actor, patientId))!;
        const mine = { id: { in: ids } };
        const found = new Set(
          (await db.prisma.trace.findMany({ where: { AND: [otherProfessionalsTraceWhere(actor, ctx), mine] }, select: { id: true } })).map((t) => t.id),
        );
        const all = await db.prisma.trace.findMany({ where: mine });
        const byFunction = all.filter((t) => isOtherProfessionalsTrace(actor, t, ctx)).map((t) => t.id).sort();
        expect([...found].sort()).toEqual(byFunction);
        expect(ids.map((id) => (found.has(id) ? "Y" : ".")).join("")).toBe(expectedTracesFor(c, isOpen));
      });
    }
  }
});
