import "server-only";
import { prisma } from "@/lib/db/client";
import type { TProActor } from "@/lib/auth/pro/pro-actor";
import { assertOperator, operatorDecision } from "@/lib/access/operator-only";
import { AppError } from "@/lib/errors/app-error";
import { getFeedReport } from "./feed-report";
import { establishmentOf, loadEstablishmentUser } from "@/lib/hospital/establishment-person";
import { getNationalStats } from "./national-stats";

/**
 * The hospital simulator's and the reports' entry points with the server's database
 * bound, so app/ stays free of Prisma. The signed-in professional comes from the
 * professional portal's session (same CPS card sign-in).
 */
export async function getHospitalHome(actor: TProActor) {
  // An EHPAD feeds its DLU from the same simulator (issue 16).
  const structure = establishmentOf(await loadEstablishmentUser(prisma, actor.professionalId));
  if (!structure) return null;
  const patients = await prisma.structurePatient.findMany({
    where: { structureId: structure.id },
    orderBy: [{ lastName: "asc" }, { firstName: "asc" }],
    select: { id: true, localId: true, firstName: true, lastName: true, birthDate: true, nir: true, identityStatus: true },
  });
  return { structure, patients };
}

const REPORT_SELECT = { id: true, name: true, finess: true, groupName: true } as const;

/**
 * Structures whose feed report this professional may read: their own first, then the
 * other sites of its hospital group (issue 16: reports per site and for the group); every
 * one for the operator.
 */
export async function reportStructures(actor: TProActor) {
  if (operatorDecision(actor).allowed) return prisma.structure.findMany({ orderBy: { name: "asc" }, select: REPORT_SELECT });
  const p = await prisma.professional.findUnique({ where: { id: actor.professionalId }, select: { structure: { select: { ...REPORT_SELECT, namespaceId: true } } } });
  if (!p?.structure) return [];
  const { namespaceId, ...own } = p.structure;
  if (!own.groupName) return [own];
  // A group is one namespace's: a sandbox site never pulls in the demo group of the same name.
  const sisters = await prisma.structure.findMany({ where: { groupName: own.groupName, namespaceId, id: { not: own.id } }, orderBy: { name: "asc" }, select: REPORT_SELECT });
  return [own, ...sisters];
}

/** One site, or every site of a group the reader may see. */
export type TReportTarget = { kind: "site"; structureId: string } | { kind: "group"; groupName: string };

export async function feedReportFor(actor: TProActor, target: TReportTarget, period: { from: string; to: string }) {
  const allowed = await reportStructures(actor);
  const ids = allowed.filter((s) => (target.kind === "site" ? s.id === target.structureId : s.groupName === target.groupName)).map((s) => s.id);
  if (ids.length === 0) throw new AppError("NOT_FOUND");
  return getFeedReport(prisma, ids, period);
}

export async function nationalStatsFor(actor: TProActor) {
  assertOperator(actor);
  return getNationalStats(prisma);
}
