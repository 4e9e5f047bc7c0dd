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

/** Structures whose feed report this professional may read: their own; every one for the operator. */
export async function reportStructures(actor: TProActor) {
  if (operatorDecision(actor).allowed) return prisma.structure.findMany({ orderBy: { name: "asc" }, select: { id: true, name: true, finess: true } });
  const p = await prisma.professional.findUnique({ where: { id: actor.professionalId }, select: { structure: { select: { id: true, name: true, finess: true } } } });
  return p?.structure ? [p.structure] : [];
}

export async function feedReportFor(actor: TProActor, structureId: string, period: { from: string; to: string }) {
  const allowed = await reportStructures(actor);
  if (!allowed.some((s) => s.id === structureId)) throw new AppError("NOT_FOUND");
  return getFeedReport(prisma, structureId, period);
}

export async function nationalStatsFor(actor: TProActor) {
  assertOperator(actor);
  return getNationalStats(prisma);
}
