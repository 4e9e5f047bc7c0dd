import { z } from "zod";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { recordNamespaceWhere } from "@/lib/access/sandbox-namespace";
import { AppError } from "@/lib/errors/app-error";
import { runPatientCommand, type TPatientSideActor } from "@/lib/record-door/patient-command";
import { appendTrace } from "@/lib/traces/append-trace";
import { traceActorFields } from "@/lib/traces/actor-fields";
import { platformNow } from "@/lib/clock/clock";

/**
 * The patient's opposition, before any document arrives, to a professional (RPPS or
 * IdNat_PS) or an establishment (FINESS) feeding the record (issue 17). Its effect on the
 * feed is FEED_OPPOSITION (lib/access/feed-rules.ts, applied by lib/feed/feed-opposition.ts).
 */

export const ZOpposedSource = z
  .string()
  .transform((v) => v.replace(/\s/g, ""))
  .pipe(z.string().regex(/^\d{9,12}$/, "Saisissez le numéro RPPS (11 chiffres), l'identifiant national (12 chiffres) ou le numéro FINESS (9 chiffres)."));

const UNKNOWN = "Aucun professionnel ni établissement ne correspond à ce numéro.";

export async function addFeedOpposition(prisma: PrismaClient, actor: TPatientSideActor, reference: string) {
  const parsed = ZOpposedSource.safeParse(reference);
  if (!parsed.success) throw new AppError("INVALID_INPUT", parsed.error.issues[0]?.message);
  const ref = parsed.data;
  return runPatientCommand(prisma, actor, async (tx, ctx) => {
    const where = recordNamespaceWhere(ctx);
    const professional = ref.length === 9 ? null : await tx.professional.findFirst({ where: { OR: [{ rpps: ref }, { idNat: ref }], ...where } });
    const structure = ref.length === 9 ? await tx.structure.findFirst({ where: { finess: ref, ...where } }) : null;
    if (!professional && !structure) throw new AppError("NOT_FOUND", UNKNOWN);
    const existing = await tx.feedOpposition.count({
      where: { patientId: ctx.patientId, withdrawnAt: null, ...(professional ? { professionalId: professional.id } : { structureId: structure?.id }) },
    });
    if (existing > 0) throw new AppError("CONFLICT", "Vous vous êtes déjà opposé à ce que cette source alimente votre dossier.");
    const now = platformNow();
    const label = professional ? [professional.title, professional.firstName, professional.lastName].filter(Boolean).join(" ") : (structure?.name ?? "");
    await tx.feedOpposition.create({
      data: { patientId: ctx.patientId, professionalId: professional?.id ?? null, structureId: structure?.id ?? null, requestedByAccountId: actor.accountId, createdAt: now },
    });
    await appendTrace(tx, { patientId: ctx.patientId, ...traceActorFields(actor), action: "FEED_OPPOSITION_ADD", detail: label, at: now });
    return { label };
  });
}

export async function withdrawFeedOpposition(prisma: PrismaClient, actor: TPatientSideActor, oppositionId: string) {
  return runPatientCommand(prisma, actor, async (tx, ctx) => {
    const now = platformNow();
    const updated = await tx.feedOpposition.updateMany({ where: { id: oppositionId, patientId: ctx.patientId, withdrawnAt: null }, data: { withdrawnAt: now } });
    if (updated.count !== 1) throw new AppError("NOT_FOUND");
    await appendTrace(tx, { patientId: ctx.patientId, ...traceActorFields(actor), action: "FEED_OPPOSITION_WITHDRAW", at: now });
  });
}

/** The oppositions in force, with the name of the source. */
export async function findFeedOppositions(prisma: PrismaClient, actor: TPatientSideActor) {
  return runPatientCommand(
    prisma,
    actor,
    async (tx, ctx) => {
      const rows = await tx.feedOpposition.findMany({ where: { patientId: ctx.patientId, withdrawnAt: null }, orderBy: { createdAt: "asc" } });
      const [pros, structures] = await Promise.all([
        tx.professional.findMany({ where: { id: { in: rows.flatMap((r) => (r.professionalId ? [r.professionalId] : [])) } }, select: { id: true, title: true, firstName: true, lastName: true } }),
        tx.structure.findMany({ where: { id: { in: rows.flatMap((r) => (r.structureId ? [r.structureId] : [])) } }, select: { id: true, name: true, finess: true } }),
      ]);
      return rows.map((r) => {
        const pro = pros.find((p) => p.id === r.professionalId);
        const structure = structures.find((s) => s.id === r.structureId);
        return {
          id: r.id,
          createdAt: r.createdAt,
          label: pro ? [pro.title, pro.firstName, pro.lastName].filter(Boolean).join(" ") : structure ? `${structure.name} (FINESS ${structure.finess})` : "—",
          kind: pro ? ("PROFESSIONAL" as const) : ("STRUCTURE" as const),
        };
      });
    },
    { allowClosed: true },
  );
}
