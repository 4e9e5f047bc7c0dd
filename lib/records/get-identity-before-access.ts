import type { Db } from "@/lib/db/types";
import type { TProfessionalActor } from "@/lib/access/actor";
import { identityBeforeAccessDecision } from "@/lib/access/identity-before-access";
import { loadAccessContext } from "@/lib/access/load-access-context";
import { isWellFormedId } from "@/lib/http/row-id";

export type TIdentityBeforeAccess = { id: string; firstName: string; lastName: string; birthDate: string; sex: "M" | "F" };

/**
 * The identity shown on the first-access page, or null (the page of an unknown record) when
 * the record is unknown, closed, or the patient blocked this professional.
 */
export async function getIdentityBeforeAccess(db: Db, actor: TProfessionalActor, patientId: string): Promise<TIdentityBeforeAccess | null> {
  if (!isWellFormedId(patientId)) return null;
  const ctx = await loadAccessContext(db, actor, patientId);
  if (!identityBeforeAccessDecision(ctx).isShown) return null;
  return db.patient.findUnique({ where: { id: patientId }, select: { id: true, firstName: true, lastName: true, birthDate: true, sex: true } });
}
