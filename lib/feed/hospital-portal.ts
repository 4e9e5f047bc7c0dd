import "server-only";
import { prisma } from "@/lib/db/client";
import type { TProActor } from "@/lib/auth/pro/pro-actor";
import { requestIp } from "@/lib/pro/request-ip";
import { assertOperator, operatorDecision } from "@/lib/access/operator-only";
import { AppError } from "@/lib/errors/app-error";
import { getFeedReport } from "./feed-report";
import { getNationalStats } from "./national-stats";
import { hospitalOfProfessional, letterAuthorChoices, submitHospitalLetter, type THospitalLetterInput } from "./submit-hospital-letter";

/**
 * The hospital simulator's and the reports' entry points with the server's database
 * bound, so app/ stays free of Prisma. The signed-in professional comes from the
 * professional portal's session (same CPS card sign-in).
 */
export async function getHospitalHome(actor: TProActor) {
  const structure = await hospitalOfProfessional(prisma, actor.professionalId);
  if (!structure) return null;
  const patients = await prisma.structurePatient.findMany({
    where: { structureId: structure.id },
    orderBy: [{ lastName: "asc" }, { firstName: "asc" }],
    select: { id: true, localId: true, firstName: true, lastName: true, birthDate: true, nir: true, identityStatus: true },
  });
  return { structure, patients };
}

export async function getLetterForm(actor: TProActor, structurePatientId: string) {
  const structure = await hospitalOfProfessional(prisma, actor.professionalId);
  if (!structure || structurePatientId.length > 64) return null;
  const patient = await prisma.structurePatient.findFirst({
    where: { id: structurePatientId, structureId: structure.id },
    select: { id: true, localId: true, firstName: true, lastName: true, birthDate: true, birthRank: true, nir: true, identityStatus: true },
  });
  if (!patient) return null;
  const authors = await letterAuthorChoices(prisma, actor.professionalId);
  return { structure, patient, authors };
}

export async function validateHospitalLetter(actor: TProActor, input: THospitalLetterInput) {
  return submitHospitalLetter(prisma, actor.professionalId, input, { ipAddress: await requestIp() });
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
