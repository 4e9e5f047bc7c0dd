/**
 * TREATING_DOCTOR_DESIGNATION on a real database: the command that designates the treating
 * doctor and the care-team list the patient chooses from ask the same rule, row by row of
 * the policy table (lib/access/policy-table.ts).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TPatientActor } from "@/lib/access/actor";
import { TREATING_DOCTOR_DESIGNATION_EXPECTED } from "@/lib/access/policy-table";
import { createTestDatabase, type TTestDatabase } from "@/lib/testing/test-database";
import { findCareTeam, setTreatingDoctor } from "./care-team";

let db: TTestDatabase;
let patient: TPatientActor;
/** The professional created for each row of the table, by its `who`. */
const professionalIds = new Map<string, string>();

beforeAll(async () => {
  db = await createTestDatabase({ name: "treating-doctor-designation" });
  const p = db.prisma;
  const patientId = (await p.patient.create({ data: { nir: "185057511102733", birthDate: "1985-05-12", firstName: "Inès", lastName: "Choisit", sex: "F", department: "75" } })).id;
  const account = await p.account.create({ data: { loginId: "ines", passwordHash: "x", firstName: "Inès", lastName: "Choisit", patientId } });
  patient = { kind: "PATIENT", accountId: account.id, patientId, name: "Inès Choisit" };
  let n = 0;
  for (const row of TREATING_DOCTOR_DESIGNATION_EXPECTED) {
    n += 1;
    const pro = await p.professional.create({
      data: { idNat: `8100000${String(n).padStart(5, "0")}`, rpps: `100000${String(n).padStart(5, "0")}`, firstName: "Candidat", lastName: `${n}`, kind: row.kind, profession: row.profession, specialty: row.specialty },
    });
    professionalIds.set(row.who, pro.id);
    // Each candidate is in the care team the patient sees: authorized, or blocked.
    if (row.isBlocked) await p.patientBlock.create({ data: { patientId, professionalId: pro.id } });
    else await p.professionalAuthorization.create({ data: { patientId, professionalId: pro.id, method: "CONSENT", consentAt: new Date("2026-01-01T00:00:00Z"), recordedById: pro.id } });
  }
});

afterAll(async () => db?.cleanup());

describe("TREATING_DOCTOR_DESIGNATION: the command and the list the patient chooses from", () => {
  for (const row of TREATING_DOCTOR_DESIGNATION_EXPECTED) {
    it(`${row.who}: ${row.rule === "DOCTOR" ? "offered and designated" : "neither offered nor designated"}`, async () => {
      const professionalId = professionalIds.get(row.who) as string;
      const offered = (await findCareTeam(db.prisma, patient)).find((m) => m.professionalId === professionalId);
      expect(offered?.mayBeTreatingDoctor).toBe(row.rule === "DOCTOR");

      const designation = setTreatingDoctor(db.prisma, patient, { professionalId });
      if (row.rule === "DOCTOR") await expect(designation).resolves.toEqual({ name: expect.any(String) });
      else if (row.rule === "BLOCKED") await expect(designation).rejects.toMatchObject({ code: "CONFLICT", userMessage: "Ce médecin est bloqué : débloquez-le avant de le désigner." });
      else await expect(designation).rejects.toMatchObject({ code: "NOT_FOUND", userMessage: "Aucun médecin ne correspond à ce numéro RPPS." });

      const { treatingDoctorId } = await db.prisma.patient.findUniqueOrThrow({ where: { id: patient.patientId }, select: { treatingDoctorId: true } });
      if (row.rule === "DOCTOR") expect(treatingDoctorId).toBe(professionalId);
      else expect(treatingDoctorId).not.toBe(professionalId);
    });
  }

  it("by RPPS too: a nurse's number finds no doctor", async () => {
    const nurse = await db.prisma.professional.findUniqueOrThrow({ where: { id: professionalIds.get("a nurse") as string } });
    await expect(setTreatingDoctor(db.prisma, patient, { rppsOrIdNat: nurse.rpps ?? "" })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
