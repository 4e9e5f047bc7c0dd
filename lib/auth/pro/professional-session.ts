import type { PrismaClient } from "@/lib/generated/prisma/client";
import { cardHolder } from "@/lib/pki/card-holder";
import type { TProActor } from "./pro-actor";
import { PRO_SESSION_ABSOLUTE_MAX_AGE_MS, PRO_SESSION_MAX_AGE } from "./session-config";
import { platformNow } from "@/lib/clock/clock";
import { enterNamespace, openNamespaceScope } from "@/lib/clock/namespace-scope";
import { queryRows } from "@/lib/db/raw-sql";
import { Prisma } from "@/lib/generated/prisma/client";

/**
 * A professional session token: the card it was opened with, the card's sessionVersion
 * at sign-in (raising it ends every session of the card: sign-out, opposition) and the
 * sign-in time (absolute lifetime, whatever the activity).
 */
export type TProToken = {
  sub: string;
  cardSerial: string;
  portal: "pro";
  sv: number;
  authAt: number;
  /** Last renewal (ms, sandbox clock): the 30 minutes of inactivity on the platform's clock. */
  seenAt?: number;
};

/** The professional claims of a decoded JWT, or null when it is not a well-formed professional token. */
export function proTokenFromClaims(token: Record<string, unknown> | null): TProToken | null {
  if (!token || token.portal !== "pro" || typeof token.sub !== "string" || typeof token.cardSerial !== "string") return null;
  if (typeof token.sv !== "number" || typeof token.authAt !== "number") return null;
  return { sub: token.sub, cardSerial: token.cardSerial, portal: "pro", sv: token.sv, authAt: token.authAt, ...(typeof token.seenAt === "number" ? { seenAt: token.seenAt } : {}) };
}

type TCardRow = {
  status: string;
  expiresAt: Date | string;
  sessionVersion: number | bigint;
  id: string;
  idNat: string;
  title: string | null;
  firstName: string;
  lastName: string;
  profession: string | null;
  specialty: string | null;
  isSamuRegulator: boolean | number | bigint;
  isOperator: boolean | number | bigint;
  namespaceId: string | null;
  structureName: string | null;
};

/** The professional of a token, checked on the card row every request already reads; null when refused. */
export async function loadProfessionalActor(prisma: PrismaClient, token: TProToken | null, at?: Date): Promise<TProActor | null> {
  openNamespaceScope();
  if (!token) return null;
  // Every signed-in request starts here: one raw statement, not a Prisma call compiled on each request (issue 14).
  const [row] = await queryRows<TCardRow>(prisma, Prisma.sql`
    SELECT c.status, c.expiresAt, c.sessionVersion, pr.id, pr.idNat, pr.title, pr.firstName, pr.lastName, pr.profession, pr.specialty,
      pr.isSamuRegulator, pr.isOperator, pr.namespaceId, s.name AS structureName
    FROM CpsCard c JOIN Professional pr ON pr.id = c.professionalId LEFT JOIN Structure s ON s.id = pr.structureId
    WHERE c.serial = ${token.cardSerial}`);
  const card = row
    ? {
        status: row.status,
        expiresAt: row.expiresAt instanceof Date ? row.expiresAt : new Date(row.expiresAt),
        sessionVersion: Number(row.sessionVersion),
        professional: {
          id: row.id,
          idNat: row.idNat,
          title: row.title,
          firstName: row.firstName,
          lastName: row.lastName,
          profession: row.profession,
          specialty: row.specialty,
          isSamuRegulator: Boolean(Number(row.isSamuRegulator)),
          isOperator: Boolean(Number(row.isOperator)),
          structure: row.structureName === null ? null : { name: row.structureName },
          namespaceId: row.namespaceId,
        },
      }
    : null;
  // The request goes on in the professional's sandbox namespace: its clock, its people.
  if (card) enterNamespace(card.professional.namespaceId);
  const now = at ?? platformNow();
  if (!card || card.status !== "ACTIVE" || card.expiresAt < now || card.professional.id !== token.sub) return null;
  const age = now.getTime() - token.authAt;
  if (card.sessionVersion !== token.sv || age < 0 || age >= PRO_SESSION_ABSOLUTE_MAX_AGE_MS) return null;
  if (token.seenAt !== undefined && now.getTime() - token.seenAt >= PRO_SESSION_MAX_AGE * 1000) return null;
  const p = card.professional;
  return { kind: "PROFESSIONAL", ...cardHolder(p), idNat: p.idNat, cardSerial: token.cardSerial, namespaceId: p.namespaceId };
}

/** The card's current sessionVersion, for a new session's token (null for an unknown card). */
export async function cardSessionVersion(prisma: PrismaClient, serial: string): Promise<number | null> {
  const card = await prisma.cpsCard.findUnique({ where: { serial }, select: { sessionVersion: true } });
  return card?.sessionVersion ?? null;
}

/** Ends every session of the card at once (one atomic statement). */
export async function endCardSessions(prisma: Pick<PrismaClient, "$executeRaw">, serial: string): Promise<void> {
  await prisma.$executeRaw`UPDATE CpsCard SET sessionVersion = sessionVersion + 1 WHERE serial = ${serial}`;
}
