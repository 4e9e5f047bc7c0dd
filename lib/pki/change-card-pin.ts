import type { PrismaClient } from "@/lib/generated/prisma/client";
import { hashPassword } from "@/lib/auth/password";
import { appendTrace } from "@/lib/traces/append-trace";
import { PIN_PATTERN } from "./card-file";
import { CardError } from "./card-errors";
import { checkCardPin, type TRequestInfo } from "./card-sign-in";

export type TChangeCardPinInput = {
  serial: string;
  currentPin: string;
  newPin: string;
  /**
   * Whether the current PIN opened the key of the card file in the browser (which then
   * re-encrypted it under the new PIN). When false the PIN is still checked and counted,
   * but nothing changes: the professional would be left without a file the new PIN opens.
   */
  isKeyOpened: boolean;
};

/**
 * Changes a card's PIN (code porteur), as a card reader does: the new PIN is checked first
 * (4 digits, different from the current one: refused without counting), then the current
 * PIN exactly as at sign-in (checkCardPin: wrong PINs count toward the blocking, a blocked,
 * opposed or expired card is refused). On success, in the same request: the new PIN's hash
 * replaces the old one, the counter goes back to 0, and the change is traced on the
 * platform chain (patientId null), next to card oppositions. The old card file no longer
 * signs in: its PIN is no longer the card's.
 */
export async function changeCardPin(db: PrismaClient, input: TChangeCardPinInput, request: TRequestInfo = {}): Promise<void> {
  const now = request.now ?? new Date();
  const ipAddress = request.ipAddress ?? null;
  const newPin = String(input.newPin ?? "");
  if (!PIN_PATTERN.test(newPin)) throw new CardError("INVALID_NEW_PIN_FORMAT");
  if (newPin === String(input.currentPin ?? "")) throw new CardError("SAME_PIN");

  const card = await checkCardPin(db, { serial: input.serial, pin: input.currentPin }, { ipAddress, now });
  const success = { subject: card.serial, kind: "PIN" as const, success: true, ipAddress, at: now };
  if (!input.isKeyOpened) {
    await db.$transaction([
      db.cpsCard.update({ where: { id: card.id }, data: { pinTries: 0 } }),
      db.loginAttempt.create({ data: success }),
    ]);
    throw new CardError("FILE_NOT_OPENED");
  }

  const pinHash = await hashPassword(newPin);
  await db.$transaction(async (tx) => {
    const { professional } = await tx.cpsCard.update({
      where: { id: card.id },
      data: { pinHash, pinTries: 0 },
      include: { professional: { include: { structure: { select: { name: true } } } } },
    });
    await tx.loginAttempt.create({ data: success });
    await appendTrace(tx, {
      patientId: null,
      actorKind: "PROFESSIONAL",
      actorId: professional.id,
      actorName: [professional.title, professional.firstName, professional.lastName].filter(Boolean).join(" "),
      actorProfession: [professional.profession, professional.specialty].filter(Boolean).join("/") || null,
      actorStructure: professional.structure?.name ?? null,
      action: "CARD_PIN_CHANGE",
      reason: "Porteur de la carte (code porteur actuel vérifié)",
      detail: `Carte ${card.serial} de ${professional.firstName} ${professional.lastName} (${professional.idNat})`,
      ipAddress,
      at: now,
    });
  });
}
