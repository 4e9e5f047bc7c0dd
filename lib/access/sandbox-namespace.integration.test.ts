import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TTestDatabase } from "@/lib/testing/test-database";
import type { TProfessionalActor } from "./actor";
import type { TAccessContext } from "./access-context";
import { documentWhere } from "./document-where";
import { loadAccessContext } from "./load-access-context";
import { canAccessRecord } from "./policy";
import { NAMESPACE_ROWS } from "./policy-table";
import { findPatients } from "@/lib/records/find-patients";
import { randomUUID } from "node:crypto";
import { buildProvideBundle } from "@/lib/fhir/build-provide-bundle";
import { ingestBundle } from "@/lib/feed/ingest-bundle";

/** SAME_SANDBOX_NAMESPACE: the pure rule and its SQL forms, on the rows of the policy table. */
let db: TTestDatabase;
const NIR = { A: "180019912300161", B: "180019912300260", demo: "180019912300359" } as const;
const BIRTH = "1980-01-01";
const records = new Map<string | null, string>();
const doctors = new Map<string | null, TProfessionalActor>();
const hospitals = new Map<string | null, { structureId: string; finess: string; authorIdNat: string }>();

function label(ns: string | null): keyof typeof NIR {
  return (ns ?? "demo") as keyof typeof NIR;
}

beforeAll(async () => {
  db = await createTestDatabase();
  let n = 0;
  for (const ns of [null, "A", "B"] as const) {
    n += 1;
    const pro = await db.prisma.professional.create({ data: { idNat: `81900000990${n}`, firstName: "Doc", lastName: `Espace${label(ns)}`, profession: "10", specialty: "SM54", namespaceId: ns } });
    const actor: TProfessionalActor = { kind: "PROFESSIONAL", professionalId: pro.id, name: pro.lastName, profession: "10", specialty: "SM54", isSamuRegulator: false, namespaceId: ns };
    doctors.set(ns, actor);
    const identity = { nir: NIR[label(ns)], birthDate: BIRTH, firstName: "Jeanne", lastName: "Pareil", sex: "F" as const, department: "75", namespaceId: ns };
    const patient = await db.prisma.patient.create({ data: { ...identity } });
    await db.prisma.beneficiary.create({ data: { ...identity, vitaleSerial: `V${n}`, patientId: patient.id } });
    records.set(ns, patient.id);
    // A hospital of the namespace that feeds records, and its doctor who signs.
    const finess = `75000${n}0${n}9`.slice(0, 9);
    const hospital = await db.prisma.structure.create({ data: { finess, name: `Hôpital ${label(ns)}`, kind: "HOSPITAL", city: "Paris", department: "75", namespaceId: ns } });
    const author = await db.prisma.professional.create({
      data: { idNat: `81900000880${n}`, firstName: "Hospi", lastName: `Espace${label(ns)}`, title: "Dr", profession: "10", specialty: "SM04", structureId: hospital.id, namespaceId: ns },
    });
    hospitals.set(ns, { structureId: hospital.id, finess, authorIdNat: author.idNat });
  }
  // Every doctor is every patient's treating doctor with consent: only the namespace stands between them.
  for (const [, patientId] of records) {
    for (const [, actor] of doctors) {
      await db.prisma.professionalAuthorization.create({ data: { patientId, professionalId: actor.professionalId, method: "CONSENT", consentAt: new Date(0), recordedById: actor.professionalId } });
    }
  }
});

afterAll(async () => {
  await db?.cleanup();
});

function handWritten(patientId: string, namespaceId: string | null): TAccessContext {
  return {
    patientId,
    recordStatus: "OPEN",
    breakGlassAllowed: true,
    samuAllowed: true,
    isTreatingDoctor: true,
    isBlocked: false,
    hasAuthorization: true,
    authorizationMethod: "CONSENT",
    emergencyMode: null,
    isRepresentative: false,
    habilitation: new Map(),
    namespaceId,
  };
}

describe("SAME_SANDBOX_NAMESPACE", () => {
  for (const row of NAMESPACE_ROWS) {
    const recordNs = row.record === "B" ? "B" : row.record;
    it(`professional of ${row.professional ?? "demo"} × record of ${recordNs ?? "demo"} → ${row.rule}`, async () => {
      const actor = doctors.get(row.professional)!;
      const patientId = records.get(recordNs)!;
      // The pure rule, on a hand-written context with the strongest facts.
      expect(canAccessRecord(actor, handWritten(patientId, recordNs)).rule).toBe(row.rule);
      expect(documentWhere(actor, handWritten(patientId, recordNs))).toEqual(row.rule === "OTHER_SANDBOX_NAMESPACE" ? { id: { in: [] } } : expect.anything());
      // Its SQL forms: the record of another namespace is unknown, the registry search finds nobody.
      const ctx = await loadAccessContext(db.prisma, actor, patientId);
      const found = await findPatients(db.prisma, actor, { mode: "ins", nir: NIR[label(recordNs)], birthDate: BIRTH, birthRank: 1 });
      const byName = await findPatients(db.prisma, actor, { mode: "name", lastName: "Pareil", birthDate: BIRTH });
      if (row.rule === "OTHER_SANDBOX_NAMESPACE") {
        expect(ctx).toBeNull();
        expect(found).toEqual([]);
      } else {
        expect(ctx).not.toBeNull();
        expect(canAccessRecord(actor, ctx!).allowed).toBe(true);
        // The search names the same way in as the record door (it was NONE for a namespaced doctor).
        expect(found.map((r) => r.access)).toEqual(["AUTHORIZED"]);
      }
      // By name, each professional finds exactly the one namesake of their own namespace.
      expect(byName.map((r) => r.patientId)).toEqual([records.get(row.professional)]);
    });
  }
});

describe("SAME_SANDBOX_NAMESPACE in the hospital feed (ITI-65)", () => {
  for (const row of NAMESPACE_ROWS) {
    const recordNs = row.record;
    it(`hospital of ${row.professional ?? "demo"} feeding a record of ${recordNs ?? "demo"} → ${row.rule === "OTHER_SANDBOX_NAMESPACE" ? "not found" : "fed"}`, async () => {
      const hospital = hospitals.get(row.professional)!;
      const patientId = records.get(recordNs)!;
      const before = await db.prisma.document.count({ where: { patientId } });
      const bundle = buildProvideBundle(
        [
          {
            uniqueId: `urn:uuid:${randomUUID()}`,
            patient: { nir: NIR[label(recordNs)], birthDate: BIRTH, birthRank: 1 },
            typeCode: "11488-4",
            title: "Compte rendu d'hospitalisation",
            authorIdNat: hospital.authorIdNat,
            custodianFiness: hospital.finess,
            serviceDate: "2026-12-01",
            content: { bytes: new TextEncoder().encode("Compte rendu"), contentType: "text/plain" },
            inlineContent: true,
          },
        ],
        { sourceFiness: hospital.finess },
      );
      const result = await ingestBundle(db.prisma, { mode: "INDIRECT", structureId: hospital.structureId, professionalId: null }, bundle);
      if (row.rule === "OTHER_SANDBOX_NAMESPACE") {
        // The answer for a record that does not exist, and nothing written on the other namespace's record.
        expect(result.results[0]).toMatchObject({ outcome: "RECORD_NOT_FOUND", status: 404 });
        expect(await db.prisma.document.count({ where: { patientId } })).toBe(before);
      } else {
        expect(result.results[0]).toMatchObject({ outcome: "FED_OK", status: 201 });
        expect(await db.prisma.document.count({ where: { patientId } })).toBe(before + 1);
      }
    });
  }
});
