import type { PrismaClient } from "@/lib/generated/prisma/client";
import { AppError } from "@/lib/errors/app-error";
import { patientSideTraceSql } from "@/lib/access/trace-visibility-sql";
import { recordNamespaceWhere } from "@/lib/access/sandbox-namespace";
import { mayBeDesignatedTreatingDoctor, treatingDoctorDesignationDecision } from "@/lib/access/treating-doctor-designation";
import { appendTrace } from "@/lib/traces/append-trace";
import { traceActorFields } from "@/lib/traces/actor-fields";
import { openRecord } from "@/lib/record-door/open-record";
import { runPatientCommand, type TPatientSideActor } from "@/lib/record-door/patient-command";
import { withdrawnCareTeamDetail, withdrawUnfoundedCareTeamAccess } from "./care-team-presumption";
import { platformNow } from "@/lib/clock/clock";
import { queryRows } from "@/lib/db/raw-sql";
import { Prisma } from "@/lib/generated/prisma/client";

export type TCareTeamMember = {
  professionalId: string;
  name: string;
  profession: string | null;
  specialty: string | null;
  structureName: string | null;
  isTreatingDoctor: boolean;
  isAuthorized: boolean;
  /** The access was presumed (care team of a structure) rather than agreed by the patient. */
  isPresumedCareTeam: boolean;
  isBlocked: boolean;
  /** The patient may designate them treating doctor (TREATING_DOCTOR_DESIGNATION). */
  mayBeTreatingDoctor: boolean;
  lastAccessAt: Date | null;
};

function fullName(p: { title: string | null; firstName: string; lastName: string }): string {
  return [p.title, p.firstName, p.lastName].filter(Boolean).join(" ");
}

/**
 * The care team: professionals who accessed the record, who are authorized on it, the
 * treating doctor and those the patient blocked, with the date of their last access as
 * the reader's history shows it (the trace visibility rule).
 */
export async function findCareTeam(prisma: PrismaClient, actor: TPatientSideActor): Promise<TCareTeamMember[]> {
  const { ctx } = await openRecord(prisma, actor, actor.patientId);
  const patientId = ctx.patientId;
  const [accesses, authorizations, blocks, patient] = await Promise.all([
    // Only the traces the reader may see in the history: an access to a document hidden
    // from them neither dates a "last access" nor brings a professional into the list.
    queryRows<{ actorId: string; lastAt: number | string | Date }>(prisma, Prisma.sql`
      SELECT t.actorId AS actorId, MAX(t.at) AS lastAt FROM Trace t
      WHERE ${patientSideTraceSql(actor, ctx)} AND t.actorKind = 'PROFESSIONAL' AND t.outcome = 'ALLOWED' AND t.actorId IS NOT NULL
      GROUP BY t.actorId`),
    prisma.professionalAuthorization.findMany({ where: { patientId }, select: { professionalId: true, lastAccessAt: true, method: true } }),
    prisma.patientBlock.findMany({ where: { patientId }, select: { professionalId: true } }),
    prisma.patient.findUniqueOrThrow({ where: { id: patientId }, select: { treatingDoctorId: true } }),
  ]);
  const lastAccess = new Map<string, Date>();
  for (const a of accesses) lastAccess.set(a.actorId, new Date(a.lastAt));
  for (const a of authorizations) {
    const known = lastAccess.get(a.professionalId);
    if (a.lastAccessAt && (!known || known < a.lastAccessAt)) lastAccess.set(a.professionalId, a.lastAccessAt);
  }
  const authorized = new Set(authorizations.map((a) => a.professionalId));
  const presumed = new Set(authorizations.filter((a) => a.method === "CARE_TEAM").map((a) => a.professionalId));
  const blocked = new Set(blocks.map((b) => b.professionalId));
  const ids = new Set([...lastAccess.keys(), ...authorized, ...blocked, ...(patient.treatingDoctorId ? [patient.treatingDoctorId] : [])]);
  const pros = await prisma.professional.findMany({
    where: { id: { in: [...ids] } },
    select: { id: true, title: true, firstName: true, lastName: true, kind: true, profession: true, specialty: true, structure: { select: { name: true } } },
  });
  return pros
    .map((p) => ({
      professionalId: p.id,
      name: fullName(p),
      profession: p.profession,
      specialty: p.specialty,
      structureName: p.structure?.name ?? null,
      isTreatingDoctor: p.id === patient.treatingDoctorId,
      isAuthorized: authorized.has(p.id),
      isPresumedCareTeam: presumed.has(p.id),
      isBlocked: blocked.has(p.id),
      mayBeTreatingDoctor: mayBeDesignatedTreatingDoctor({ kind: p.kind, profession: p.profession, isBlocked: blocked.has(p.id) }),
      lastAccessAt: lastAccess.get(p.id) ?? null,
    }))
    .sort((a, b) => (b.lastAccessAt?.getTime() ?? 0) - (a.lastAccessAt?.getTime() ?? 0) || a.name.localeCompare(b.name, "fr"));
}

async function loadProfessional(tx: Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0], professionalId: string, ctx: { namespaceId: string | null }) {
  const pro = await tx.professional.findFirst({
    where: { id: professionalId, ...recordNamespaceWhere(ctx) },
    select: { id: true, title: true, firstName: true, lastName: true, profession: true, kind: true, structure: { select: { name: true } } },
  });
  if (!pro) throw new AppError("NOT_FOUND", "Professionnel introuvable.");
  return pro;
}

/** Blocks a professional: from now on the policy refuses them this record. */
export async function blockProfessional(prisma: PrismaClient, actor: TPatientSideActor, professionalId: string) {
  return runPatientCommand(prisma, actor, async (tx, ctx) => {
    const pro = await loadProfessional(tx, professionalId, ctx);
    const patient = await tx.patient.findUniqueOrThrow({ where: { id: ctx.patientId }, select: { treatingDoctorId: true } });
    if (patient.treatingDoctorId === pro.id) {
      throw new AppError("CONFLICT", "Vous ne pouvez pas bloquer votre médecin traitant : désignez d'abord un autre médecin traitant.");
    }
    const existing = await tx.patientBlock.findUnique({ where: { patientId_professionalId: { patientId: ctx.patientId, professionalId } } });
    if (existing) throw new AppError("CONFLICT", "Ce professionnel est déjà bloqué.");
    await tx.patientBlock.create({ data: { patientId: ctx.patientId, professionalId, requestedBy: "PATIENT" } });
    await tx.emergencyAccess.updateMany({ where: { patientId: ctx.patientId, professionalId, expiresAt: { gt: platformNow() } }, data: { expiresAt: platformNow() } });
    const withdrawn = await withdrawUnfoundedCareTeamAccess(tx, ctx.patientId);
    await appendTrace(tx, { patientId: ctx.patientId, ...traceActorFields(actor), action: "PROFESSIONAL_BLOCK", detail: fullName(pro) + withdrawnCareTeamDetail(withdrawn) });
    return { name: fullName(pro) };
  });
}

export async function unblockProfessional(prisma: PrismaClient, actor: TPatientSideActor, professionalId: string) {
  return runPatientCommand(prisma, actor, async (tx, ctx) => {
    const pro = await loadProfessional(tx, professionalId, ctx);
    const removed = await tx.patientBlock.deleteMany({ where: { patientId: ctx.patientId, professionalId } });
    if (removed.count === 0) throw new AppError("CONFLICT", "Ce professionnel n'est pas bloqué.");
    await appendTrace(tx, { patientId: ctx.patientId, ...traceActorFields(actor), action: "PROFESSIONAL_UNBLOCK", detail: fullName(pro) });
    return { name: fullName(pro) };
  });
}

/**
 * Designates (or changes) the treating doctor, found by id or by national identifier /
 * RPPS, as the TREATING_DOCTOR_DESIGNATION rule allows: a doctor the patient did not block.
 */
export async function setTreatingDoctor(
  prisma: PrismaClient,
  actor: TPatientSideActor,
  input: { professionalId?: string | null; rppsOrIdNat?: string | null },
) {
  return runPatientCommand(prisma, actor, async (tx, ctx) => {
    const ref = input.rppsOrIdNat?.replace(/\s/g, "") ?? "";
    const pro = input.professionalId
      ? await tx.professional.findFirst({ where: { id: input.professionalId, ...recordNamespaceWhere(ctx) } })
      : ref
        ? await tx.professional.findFirst({ where: { OR: [{ rpps: ref }, { idNat: ref }], ...recordNamespaceWhere(ctx) } })
        : null;
    const noSuchDoctor = new AppError("NOT_FOUND", "Aucun médecin ne correspond à ce numéro RPPS.");
    if (!pro) throw noSuchDoctor;
    const blocked = await tx.patientBlock.findUnique({ where: { patientId_professionalId: { patientId: ctx.patientId, professionalId: pro.id } } });
    const decision = treatingDoctorDesignationDecision({ kind: pro.kind, profession: pro.profession, isBlocked: blocked !== null });
    if (decision.rule === "NOT_A_DOCTOR") throw noSuchDoctor;
    if (decision.rule === "BLOCKED") throw new AppError("CONFLICT", "Ce médecin est bloqué : débloquez-le avant de le désigner.");
    await tx.patient.update({ where: { id: ctx.patientId }, data: { treatingDoctorId: pro.id, treatingDoctorSince: platformNow() } });
    // The former treating doctor's structure may have been the only source of presumed accesses.
    const withdrawn = await withdrawUnfoundedCareTeamAccess(tx, ctx.patientId);
    await appendTrace(tx, { patientId: ctx.patientId, ...traceActorFields(actor), action: "TREATING_DOCTOR_SET", detail: fullName(pro) + withdrawnCareTeamDetail(withdrawn) });
    return { name: fullName(pro) };
  });
}
