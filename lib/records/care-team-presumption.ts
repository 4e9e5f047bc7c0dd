import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { Db } from "@/lib/db/types";
import type { TProfessionalActor } from "@/lib/access/actor";
import { AppError } from "@/lib/errors/app-error";
import { appendTrace } from "@/lib/traces/append-trace";
import { traceActorFields } from "@/lib/traces/actor-fields";
import { grantAuthorization } from "./record-consent";
import { runPatientCommand, type TPatientSideActor } from "@/lib/record-door/patient-command";
import { platformNow } from "@/lib/clock/clock";
import { personWithStructure } from "@/lib/notifications/notification-wording";

/**
 * Care-team presumption (docs/DESIGN.md, "Records, rights and events"): once the patient agreed to
 * one professional of a structure — consent at first access, record creation, or choosing
 * them as treating doctor — the other professionals of that structure are presumed in the
 * care team and may access without asking the patient again, unless the patient objected.
 * The access is recorded as a CARE_TEAM authorization, so the policy, the traces and the
 * patient's care-team list name it; objecting removes those authorizations at once.
 */
export type TCareTeamPresumption = { structureName: string; colleagueName: string };

function fullName(p: { title: string | null; firstName: string; lastName: string }): string {
  return [p.title, p.firstName, p.lastName].filter(Boolean).join(" ");
}

/** The colleague whose agreement extends to this professional, or null when nothing is presumed. */
export async function findCareTeamPresumption(db: Db, professionalId: string, patientId: string): Promise<TCareTeamPresumption | null> {
  const [professional, patient] = await Promise.all([
    db.professional.findUnique({ where: { id: professionalId }, select: { structureId: true, structure: { select: { name: true } } } }),
    db.patient.findUnique({
      where: { id: patientId },
      select: {
        careTeamAllowed: true,
        treatingDoctor: { select: { id: true, title: true, firstName: true, lastName: true, structureId: true } },
      },
    }),
  ]);
  const structureId = professional?.structureId;
  if (!structureId || !professional.structure || !patient || !patient.careTeamAllowed) return null;
  const doctor = patient.treatingDoctor;
  if (doctor && doctor.id !== professionalId && doctor.structureId === structureId) {
    return { structureName: professional.structure.name, colleagueName: fullName(doctor) };
  }
  // Only the patient's own agreement counts: a presumed access does not extend further,
  // and nothing flows from a colleague the patient blocked (their agreement is withdrawn).
  const agreed = await db.professionalAuthorization.findFirst({
    where: {
      patientId,
      method: { in: ["CONSENT", "RECORD_CREATION"] },
      professionalId: { not: professionalId },
      professional: { structureId, blocks: { none: { patientId } } },
    },
    orderBy: { recordedAt: "asc" },
    select: { professional: { select: { title: true, firstName: true, lastName: true } } },
  });
  return agreed ? { structureName: professional.structure.name, colleagueName: fullName(agreed.professional) } : null;
}

/**
 * Ends the presumed accesses (CARE_TEAM authorizations) of a record that no longer flow
 * from a standing agreement: the colleague was blocked, or the treating doctor changed.
 * Called in the transaction of each change that can withdraw an agreement. Returns how
 * many were removed.
 */
export async function withdrawUnfoundedCareTeamAccess(db: Db, patientId: string): Promise<number> {
  const presumed = await db.professionalAuthorization.findMany({ where: { patientId, method: "CARE_TEAM" }, select: { professionalId: true } });
  const unfounded: string[] = [];
  for (const { professionalId } of presumed) {
    if (!(await findCareTeamPresumption(db, professionalId, patientId))) unfounded.push(professionalId);
  }
  if (unfounded.length === 0) return 0;
  const removed = await db.professionalAuthorization.deleteMany({ where: { patientId, method: "CARE_TEAM", professionalId: { in: unfounded } } });
  return removed.count;
}

/** The words a trace adds when a change ended presumed accesses. */
export function withdrawnCareTeamDetail(count: number): string {
  return count > 0 ? ` ; ${count} accès au titre de l'équipe de soins retiré${count > 1 ? "s" : ""}` : "";
}

/**
 * First access as a member of the care team: the presumption is checked again inside the
 * transaction, then the CARE_TEAM authorization is granted as a consent is (closed record
 * and block refused and traced; authorization, trace and notification together). No
 * presumption answers "not found", like any refusal.
 */
export async function recordCareTeamAccess(
  prisma: PrismaClient,
  actor: TProfessionalActor,
  patientId: string,
  request: { ipAddress?: string | null; now?: Date } = {},
): Promise<{ isNew: boolean }> {
  const now = request.now ?? platformNow();
  const outcome = await prisma.$transaction(async (tx) => {
    const presumption = await findCareTeamPresumption(tx, actor.professionalId, patientId);
    if (!presumption) return "NOT_FOUND" as const;
    return grantAuthorization(tx, actor, patientId, {
      method: "CARE_TEAM",
      consentAt: now,
      reason: `Équipe de soins de ${presumption.structureName} : accord donné à ${presumption.colleagueName}`,
      notification: { kind: "FIRST_CONSULTATION", by: personWithStructure(actor.name, presumption.structureName), careTeamColleague: presumption.colleagueName },
      ipAddress: request.ipAddress ?? null,
      now,
    });
  });
  if (outcome === "NOT_FOUND" || outcome === "REFUSED") throw new AppError("NOT_FOUND");
  return { isNew: outcome === "GRANTED" };
}

/**
 * The patient allows the care-team presumption, or objects to it: objecting removes every
 * access obtained that way (consents and the treating doctor stay). Traced with the choice.
 */
export async function setCareTeamPresumption(prisma: PrismaClient, actor: TPatientSideActor, isAllowed: boolean): Promise<{ removed: number }> {
  return runPatientCommand(prisma, actor, async (tx, ctx) => {
    const patient = await tx.patient.findUniqueOrThrow({ where: { id: ctx.patientId }, select: { careTeamAllowed: true } });
    if (patient.careTeamAllowed === isAllowed) {
      throw new AppError("CONFLICT", isAllowed ? "L'accès de l'équipe de soins est déjà autorisé." : "Vous vous êtes déjà opposé à l'accès de l'équipe de soins.");
    }
    await tx.patient.update({ where: { id: ctx.patientId }, data: { careTeamAllowed: isAllowed } });
    const removed = isAllowed ? { count: 0 } : await tx.professionalAuthorization.deleteMany({ where: { patientId: ctx.patientId, method: "CARE_TEAM" } });
    await appendTrace(tx, {
      patientId: ctx.patientId,
      ...traceActorFields(actor),
      action: "CARE_TEAM_SETTING_CHANGE",
      detail: isAllowed
        ? "Accès de l'équipe de soins : autorisé"
        : `Accès de l'équipe de soins : refusé (${removed.count} accès retiré${removed.count > 1 ? "s" : ""})`,
    });
    return { removed: removed.count };
  });
}
