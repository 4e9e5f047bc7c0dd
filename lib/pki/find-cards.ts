import type { Db } from "@/lib/db/types";
import type { CardStatus } from "@/lib/generated/prisma/enums";

export type TCardListItem = {
  serial: string;
  status: CardStatus;
  pinTries: number;
  issuedAt: Date;
  expiresAt: Date;
  opposedAt: Date | null;
  holderName: string;
  idNat: string;
  profession: string | null;
  specialty: string | null;
  isOperator: boolean;
  isSamuRegulator: boolean;
  kind: "HEALTH_PROFESSIONAL" | "STAFF";
  structureName: string | null;
};

/** Every issued card with its holder, for the operator area and the demo page. */
export async function findCards(db: Db, filter: { query?: string } = {}): Promise<TCardListItem[]> {
  const q = filter.query?.trim();
  const rows = await db.cpsCard.findMany({
    where: q
      ? { OR: [{ serial: { contains: q.toUpperCase() } }, { professional: { lastName: { contains: q } } }, { professional: { idNat: { contains: q } } }] }
      : undefined,
    orderBy: [{ professional: { lastName: "asc" } }, { issuedAt: "asc" }],
    take: 500,
    include: { professional: { include: { structure: { select: { name: true } } } } },
  });
  return rows.map((c) => ({
    serial: c.serial,
    status: c.status,
    pinTries: c.pinTries,
    issuedAt: c.issuedAt,
    expiresAt: c.expiresAt,
    opposedAt: c.opposedAt,
    holderName: [c.professional.title, c.professional.firstName, c.professional.lastName].filter(Boolean).join(" "),
    idNat: c.professional.idNat,
    profession: c.professional.profession,
    specialty: c.professional.specialty,
    isOperator: c.professional.isOperator,
    isSamuRegulator: c.professional.isSamuRegulator,
    kind: c.professional.kind,
    structureName: c.professional.structure?.name ?? null,
  }));
}
