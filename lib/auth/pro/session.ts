import "server-only";
import { cache } from "react";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { decode } from "next-auth/jwt";
import { operatorDecision } from "@/lib/access/operator-only";
import { prisma } from "@/lib/db/client";
import { sessionSecret } from "@/lib/auth/session-secret";
import type { TProActor } from "./pro-actor";
import { endCardSessions, loadProfessionalActor, proTokenFromClaims, type TProToken } from "./professional-session";
import { PRO_SESSION_COOKIE } from "./session-config";
import { enterNamespace, openNamespaceScope } from "@/lib/clock/namespace-scope";

export type { TProToken };

/** The token if it is a professional portal token, well formed and not expired; else null. */
export async function decodeProToken(raw: string | undefined): Promise<TProToken | null> {
  if (!raw) return null;
  try {
    return proTokenFromClaims(await decode({ token: raw, secret: sessionSecret() }));
  } catch {
    return null;
  }
}

async function readProToken(): Promise<TProToken | null> {
  const jar = await cookies();
  return decodeProToken(jar.get(PRO_SESSION_COOKIE)?.value);
}

/**
 * The signed-in professional, checked against the database on every request: the card
 * of the session must still be active and the session not ended (an opposed card, a
 * sign-out end its sessions; see professional-session.ts). Null when there is no valid
 * professional session — a patient session never counts.
 */
// cache(): the layout and the page of one request share a single lookup (one render only).
const loadRequestActor = cache(async function loadRequestActor(): Promise<TProActor | null> {
  return loadProfessionalActor(prisma, await readProToken());
});

/** The professional of the request; every caller then runs in their sandbox namespace (lib/clock/namespace-scope.ts). */
export async function getProfessionalActor(): Promise<TProActor | null> {
  openNamespaceScope();
  const actor = await loadRequestActor();
  enterNamespace(actor?.namespaceId ?? null);
  return actor;
}

/** For pages of the portal: the actor, or a redirect to the card sign-in. */
export async function requireProfessionalActor(): Promise<TProActor> {
  const actor = await getProfessionalActor();
  if (!actor) redirect("/pro/connexion");
  return actor;
}

/** For the operator area: a signed-in operator, else sign-in or "not found". */
export async function requireOperator(): Promise<TProActor> {
  const actor = await requireProfessionalActor();
  if (!operatorDecision(actor).allowed) redirect("/pro");
  return actor;
}

/** Ends every session of the card (a copied cookie included), then this browser's cookie (server actions only). */
export async function clearProfessionalSession(): Promise<void> {
  const actor = await getProfessionalActor();
  if (actor) await endCardSessions(prisma, actor.cardSerial);
  const jar = await cookies();
  jar.delete(PRO_SESSION_COOKIE);
}
