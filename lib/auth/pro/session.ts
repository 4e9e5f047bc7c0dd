import "server-only";
import { cache } from "react";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { decode } from "next-auth/jwt";
import { prisma } from "@/lib/db/client";
import { sessionSecret } from "@/lib/auth/session-secret";
import type { TProActor } from "./pro-actor";
import { PRO_SESSION_COOKIE } from "./session-config";

export type TProToken = { sub: string; cardSerial: string; portal: "pro" };

/** The token if it is a professional portal token, well formed and not expired; else null. */
export async function decodeProToken(raw: string | undefined): Promise<TProToken | null> {
  if (!raw) return null;
  try {
    const token = await decode({ token: raw, secret: sessionSecret() });
    if (!token || token.portal !== "pro" || typeof token.sub !== "string" || typeof token.cardSerial !== "string") return null;
    return { sub: token.sub, cardSerial: token.cardSerial, portal: "pro" };
  } catch {
    return null;
  }
}

/**
 * The signed-in professional, checked against the database on every request: the card
 * of the session must still be active (an opposed card ends its sessions). Null when
 * there is no valid professional session — a patient session never counts.
 */
// cache(): the layout and the page of one request share a single lookup (one render only).
export const getProfessionalActor = cache(async function getProfessionalActor(): Promise<TProActor | null> {
  const jar = await cookies();
  const token = await decodeProToken(jar.get(PRO_SESSION_COOKIE)?.value);
  if (!token) return null;
  const card = await prisma.cpsCard.findUnique({
    where: { serial: token.cardSerial },
    select: {
      status: true,
      expiresAt: true,
      professional: {
        select: {
          id: true,
          idNat: true,
          title: true,
          firstName: true,
          lastName: true,
          profession: true,
          specialty: true,
          isSamuRegulator: true,
          isOperator: true,
          structure: { select: { name: true } },
        },
      },
    },
  });
  if (!card || card.status !== "ACTIVE" || card.expiresAt < new Date() || card.professional.id !== token.sub) return null;
  const p = card.professional;
  return {
    kind: "PROFESSIONAL",
    professionalId: p.id,
    idNat: p.idNat,
    name: [p.title, p.firstName, p.lastName].filter(Boolean).join(" "),
    profession: p.profession,
    specialty: p.specialty,
    isSamuRegulator: p.isSamuRegulator,
    isOperator: p.isOperator,
    structureName: p.structure?.name ?? null,
    cardSerial: token.cardSerial,
  };
});

/** For pages of the portal: the actor, or a redirect to the card sign-in. */
export async function requireProfessionalActor(): Promise<TProActor> {
  const actor = await getProfessionalActor();
  if (!actor) redirect("/pro/connexion");
  return actor;
}

/** For the operator area: a signed-in operator, else sign-in or "not found". */
export async function requireOperator(): Promise<TProActor> {
  const actor = await requireProfessionalActor();
  if (!actor.isOperator) redirect("/pro");
  return actor;
}

/** Ends the professional session (server actions only). */
export async function clearProfessionalSession(): Promise<void> {
  const jar = await cookies();
  jar.delete(PRO_SESSION_COOKIE);
}
