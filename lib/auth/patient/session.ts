import "server-only";
import { cache } from "react";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { prisma } from "@/lib/db/client";
import { enterNamespace, openNamespaceScope } from "@/lib/clock/namespace-scope";
import { loadPatientAccountSession } from "./session-account";
import { actorFromSession, type TPatientAccountSession, type TPatientPortalActor } from "./actor-from-session";
import { decodePatientToken, encodePatientToken, PATIENT_SESSION_COOKIE, PATIENT_SESSION_MAX_AGE, type TPatientToken } from "./session-token";

export type { TPatientAccountSession, TPatientPortalActor };

function secureCookies(): boolean {
  return (process.env.NEXTAUTH_URL ?? "").startsWith("https://");
}

export async function readPatientToken(): Promise<TPatientToken | null> {
  const jar = await cookies();
  return decodePatientToken(jar.get(PATIENT_SESSION_COOKIE)?.value);
}

/** Writes (or renews) the session cookie. Server actions and route handlers only. */
export async function writePatientSession(token: TPatientToken): Promise<void> {
  const jar = await cookies();
  jar.set(PATIENT_SESSION_COOKIE, await encodePatientToken(token), {
    httpOnly: true,
    sameSite: "lax",
    path: "/",
    secure: secureCookies(),
    maxAge: PATIENT_SESSION_MAX_AGE,
  });
}

export async function clearPatientSession(): Promise<void> {
  const jar = await cookies();
  jar.delete(PATIENT_SESSION_COOKIE);
}

/** Renews the cookie of a live session (activity). Returns false when there is none, or it was ended. */
export async function renewPatientSession(): Promise<boolean> {
  const token = await readPatientToken();
  if (!token || !(await getPatientAccountSession())) return false;
  await writePatientSession(token);
  return true;
}

/**
 * After the account's sessions were ended on purpose by this session (password or contact
 * change), this one carries on with the new version; all the others stay ended.
 */
export async function carryOnPatientSession(sessionVersion: number): Promise<void> {
  const token = await readPatientToken();
  if (token) await writePatientSession({ ...token, sv: sessionVersion });
}

/** The signed-in account (checked against the database on every request: revoked or too old is none), or null. */
// cache(): the layout and the page of one request share a single lookup (one render only).
const loadRequestSession = cache(async function loadRequestSession(): Promise<TPatientAccountSession | null> {
  return loadPatientAccountSession(prisma, await readPatientToken());
});

/** The signed-in account; every caller then runs in its sandbox namespace (lib/clock/namespace-scope.ts). */
export async function getPatientAccountSession(): Promise<TPatientAccountSession | null> {
  openNamespaceScope();
  const session = await loadRequestSession();
  enterNamespace(session?.namespaceId ?? null);
  return session;
}

/** The actor for server actions and route handlers: null when not signed in (never trust a form). */
export async function getPatientActor(): Promise<TPatientPortalActor | null> {
  const session = await getPatientAccountSession();
  return session ? actorFromSession(session) : null;
}

/**
 * For pages: the actor, or a redirect to sign-in, password change or record choice.
 * Cached so that the layout and the page of one render share the same actor object.
 */
const requireRequestActor = cache(async function requireRequestActor(): Promise<{ actor: TPatientPortalActor; session: TPatientAccountSession }> {
  const session = await getPatientAccountSession();
  if (!session) redirect("/patient/connexion");
  if (session.mustChangePassword) redirect("/patient/changer-mot-de-passe");
  const actor = actorFromSession(session);
  if (!actor) redirect("/patient/choisir-dossier");
  return { actor, session };
});

export async function requirePatientActor(): Promise<{ actor: TPatientPortalActor; session: TPatientAccountSession }> {
  openNamespaceScope();
  const signedIn = await requireRequestActor();
  enterNamespace(signedIn.session.namespaceId ?? null);
  return signedIn;
}
