import type { Prisma } from "@/lib/generated/prisma/client";
import type { TActor } from "./actor";
import type { TAccessContext } from "./access-context";
import { readableTypeCodes } from "./habilitation";
import { canAccessRecord } from "./policy";

/** Matches no row: what a refused actor gets, so a list is empty rather than an error. */
export const NO_DOCUMENT: Prisma.DocumentWhereInput = { id: { in: [] } };

/**
 * canRead() as a Prisma filter, so lists and counts are filtered in the database and
 * what is hidden is neither returned nor counted. Every document query starts here.
 */
export function documentWhere(actor: TActor, ctx: TAccessContext): Prisma.DocumentWhereInput {
  if (!canAccessRecord(actor, ctx).allowed) return NO_DOCUMENT;
  const own: Prisma.DocumentWhereInput = { patientId: ctx.patientId };

  if (actor.kind === "PATIENT") return { ...own, hiddenFromPatient: false };
  if (actor.kind === "LEGAL_REPRESENTATIVE") {
    return { ...own, hiddenFromPatient: false, hiddenFromLegalReps: false };
  }

  const me = actor.professionalId;
  const and: Prisma.DocumentWhereInput[] = [
    own,
    { opposedAt: null },
    { OR: [{ authorId: me }, { typeCode: { in: readableTypeCodes(ctx.habilitation) } }] },
  ];
  if (!ctx.isTreatingDoctor) and.push({ OR: [{ hiddenFromPros: false }, { authorId: me }] });
  return { AND: and };
}
