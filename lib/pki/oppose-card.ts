import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { TProActor } from "@/lib/auth/pro/pro-actor";
import { assertOperator } from "@/lib/access/operator-only";
import { AppError } from "@/lib/errors/app-error";
import { appendTrace } from "@/lib/traces/append-trace";
import { traceActorFields } from "@/lib/traces/actor-fields";
import { platformNow } from "@/lib/clock/clock";
import { ofName } from "@/lib/text/french";

/**
 * An operator opposes a lost or stolen card: its status becomes OPPOSED, its next sign-in
 * (and any open session) is refused. Traced on the platform chain (patientId null).
 */
export async function opposeCard(
  db: PrismaClient,
  operator: TProActor,
  serial: string,
  request: { ipAddress?: string | null; now?: Date } = {},
): Promise<void> {
  assertOperator(operator);
  const now = request.now ?? platformNow();
  await db.$transaction(async (tx) => {
    const card = await tx.cpsCard.findUnique({
      where: { serial: String(serial ?? "").toUpperCase() },
      include: { professional: { select: { firstName: true, lastName: true, idNat: true } } },
    });
    if (!card) throw new AppError("NOT_FOUND", "Carte introuvable.");
    if (card.status === "OPPOSED") throw new AppError("CONFLICT", "Cette carte est déjà en opposition.");
    // sessionVersion: the card's open sessions end even if its status were ever restored.
    await tx.cpsCard.update({ where: { id: card.id }, data: { status: "OPPOSED", opposedAt: now, sessionVersion: { increment: 1 } } });
    await appendTrace(tx, {
      patientId: null,
      ...traceActorFields(operator),
      action: "CARD_OPPOSE",
      reason: "Opérateur de la plateforme",
      detail: `Carte ${card.serial} ${ofName(`${card.professional.firstName} ${card.professional.lastName}`)} (${card.professional.idNat})`,
      ipAddress: request.ipAddress ?? null,
      at: now,
    });
  });
}
