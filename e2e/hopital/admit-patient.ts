import { randomBytes, randomInt } from "node:crypto";
import type { TBeneficiary, TStructure } from "../fixtures/dmp";

/**
 * The hospital simulator lists the structure's own patient files (StructurePatient, IPP),
 * which no sandbox factory makes yet and no page of the simulator adds: the journey writes
 * its patient's file straight into the e2e database (DATABASE_URL, set by
 * playwright.config.ts), for a structure it made itself. Without a NIR the identity is
 * provisional, as for a patient whose INS was never qualified.
 */
export async function admitToHospital(
  structure: Pick<TStructure, "structureId">,
  person: Pick<TBeneficiary, "firstName" | "lastName" | "sex" | "birthDate"> & { nir?: string | null; patientId?: string | null },
): Promise<{ localId: string }> {
  const { default: Database } = await import("better-sqlite3");
  const db = new Database((process.env.DATABASE_URL ?? "").replace(/^file:/, ""), { fileMustExist: true, timeout: 5000 });
  try {
    const localId = `IPP${String(randomInt(0, 100_000_000)).padStart(8, "0")}`;
    const qualified = Boolean(person.nir);
    db.prepare(
      `INSERT INTO "StructurePatient" (id, structureId, localId, nir, birthDate, birthRank, firstName, lastName, sex, identityStatus, patientId)
       VALUES (?, ?, ?, ?, ?, 1, ?, ?, ?, ?, ?)`,
    ).run(
      `e2e${randomBytes(10).toString("hex")}`,
      structure.structureId,
      localId,
      person.nir ?? null,
      person.birthDate,
      person.firstName,
      person.lastName,
      person.sex,
      qualified ? "QUALIFIED" : "PROVISIONAL",
      qualified ? (person.patientId ?? null) : null,
    );
    return { localId };
  } finally {
    db.close();
  }
}
