import type { Db } from "@/lib/db/types";
import { sameNamespaceWhere } from "@/lib/access/sandbox-namespace";
import type { TProfessionalActor } from "@/lib/access/actor";
import { isMinorOn } from "./create-record-by-professional";
import { platformNow } from "@/lib/clock/clock";
import { isWellFormedId } from "@/lib/http/row-id";

export type TBeneficiaryForRecordCreation = {
  beneficiaryId: string;
  nir: string;
  birthDate: string;
  birthRank: number;
  firstName: string;
  lastName: string;
  birthName: string | null;
  sex: "M" | "F";
  hasRecord: boolean;
  isMinor: boolean;
};

/**
 * The registry identity shown (read-only) on the record creation form, or null for an
 * unknown id. Only the registry's identity and whether a record exists: nothing of a
 * record's content.
 */
export async function getBeneficiaryForRecordCreation(
  db: Db,
  actor: TProfessionalActor,
  beneficiaryId: string,
  now: Date = platformNow(),
): Promise<TBeneficiaryForRecordCreation | null> {
  if (!isWellFormedId(beneficiaryId)) return null;
  const b = await db.beneficiary.findFirst({ where: { id: beneficiaryId, ...sameNamespaceWhere(actor) } });
  if (!b) return null;
  return {
    beneficiaryId: b.id,
    nir: b.nir,
    birthDate: b.birthDate,
    birthRank: b.birthRank,
    firstName: b.firstName,
    lastName: b.lastName,
    birthName: b.birthName,
    sex: b.sex,
    hasRecord: b.patientId !== null,
    isMinor: isMinorOn(b.birthDate, now),
  };
}
