import { z } from "zod";
import type { Db } from "@/lib/db/types";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { TProActor } from "@/lib/auth/pro/pro-actor";
import { resolveHabilitation, rowLabel, type THabilitationRow } from "@/lib/access/habilitation";
import { assertOperator } from "@/lib/access/operator-only";
import { MATRIX_ROW_CODES } from "@/lib/habilitations/default-matrix";
import { isKnownProfession, isKnownSpecialty } from "@/lib/reference/professions";
import { appendTrace } from "@/lib/traces/append-trace";
import { traceActorFields } from "@/lib/traces/actor-fields";
import { AppError } from "@/lib/errors/app-error";
import { platformNow } from "@/lib/clock/clock";

/** A matrix line: a profession, all its specialties ("*") or one specialty. */
export const ZMatrixLine = z
  .string()
  .regex(/^\d{2}\/(\*|[A-Z]{2}\d{2})$/, "Ligne de matrice invalide.")
  .refine((l) => {
    const [p, s] = l.split("/") as [string, string];
    return isKnownProfession(p) && (s === "*" || isKnownSpecialty(s));
  }, "Profession ou spécialité inconnue.");

export type TMatrixLineView = {
  line: string;
  profession: string;
  specialty: string;
  cells: { typeCode: string; canRead: boolean; isExplicit: boolean; label: string }[];
};

function splitLine(line: string): { profession: string; specialty: string } {
  const [profession, specialty] = line.split("/") as [string, string];
  return { profession, specialty };
}

/** Every line that has rows in the table, profession lines first. */
export async function findMatrixLines(db: PrismaClient): Promise<string[]> {
  const rows = await db.habilitationRule.findMany({ distinct: ["profession", "specialty"], select: { profession: true, specialty: true } });
  return rows
    .map((r) => `${r.profession}/${r.specialty}`)
    .sort((a, b) => a.localeCompare(b, "en", { numeric: true }));
}

/** One line as it applies (a specialty line inherits its profession's "*" rows). */
export async function getMatrixLine(db: Db, line: string): Promise<TMatrixLineView> {
  const { profession, specialty } = splitLine(ZMatrixLine.parse(line));
  const rows: THabilitationRow[] = await db.habilitationRule.findMany({
    where: { profession, specialty: { in: ["*", specialty] } },
    select: { profession: true, specialty: true, typeCode: true, canRead: true },
  });
  const resolved = resolveHabilitation(rows, profession, specialty === "*" ? null : specialty);
  return {
    line,
    profession,
    specialty,
    cells: MATRIX_ROW_CODES.map((typeCode) => {
      const entry = resolved.get(typeCode);
      const isExplicit = rows.some((r) => r.specialty === specialty && r.typeCode === typeCode);
      return { typeCode, canRead: entry?.canRead ?? false, isExplicit, label: entry?.label ?? `matrice : aucune ligne pour ${typeCode}` };
    }),
  };
}

/**
 * An operator sets a matrix line: for each document type whose effective value changes,
 * the row of this line is created or updated, with a HABILITATION_CHANGE trace naming it
 * (platform chain, patientId null). loadAccessContext reads the table on every request,
 * so the change applies at once. Returns the number of cells changed.
 */
export async function setMatrixLine(
  db: PrismaClient,
  operator: TProActor,
  line: string,
  readable: ReadonlySet<string>,
  request: { ipAddress?: string | null; now?: Date } = {},
): Promise<number> {
  assertOperator(operator);
  const parsed = ZMatrixLine.safeParse(line);
  if (!parsed.success) throw new AppError("INVALID_INPUT", parsed.error.issues[0]?.message);
  for (const code of readable) if (!MATRIX_ROW_CODES.includes(code)) throw new AppError("INVALID_INPUT", "Type de document inconnu.");
  const now = request.now ?? platformNow();
  const { profession, specialty } = splitLine(line);
  return db.$transaction(async (tx) => {
    const current = await getMatrixLine(tx, line);
    let changed = 0;
    for (const cell of current.cells) {
      const canRead = readable.has(cell.typeCode);
      if (canRead === cell.canRead) continue;
      await tx.habilitationRule.upsert({
        where: { profession_specialty_typeCode: { profession, specialty, typeCode: cell.typeCode } },
        create: { profession, specialty, typeCode: cell.typeCode, canRead },
        update: { canRead },
      });
      await appendTrace(tx, {
        patientId: null,
        ...traceActorFields(operator),
        action: "HABILITATION_CHANGE",
        reason: "Opérateur de la plateforme",
        detail: `${rowLabel({ profession, specialty, typeCode: cell.typeCode, canRead })} (auparavant ${cell.canRead ? "autorisé" : "refusé"})`,
        ipAddress: request.ipAddress ?? null,
        at: now,
      });
      changed += 1;
    }
    return changed;
  });
}
