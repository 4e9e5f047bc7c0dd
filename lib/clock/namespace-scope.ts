import { AsyncLocalStorage } from "node:async_hooks";

/**
 * The sandbox namespace the current request acts in, for the clock and the namespace
 * rules (README "Bac à sable"). One convention: it is entered where the request's actor
 * is known — the sandbox routes from their `X-DMP-Espace` header, the sessions from the
 * signed-in person's row (lib/auth) — and read by `platformNow()` and by the namespace filters.
 * Nothing else passes it around. Outside any scope: no namespace (the demo data).
 *
 * Kept on globalThis: Next.js bundles instrumentation, routes and pages apart, and they
 * must share one storage.
 */
const holder = globalThis as unknown as { dmpNamespaceScope?: AsyncLocalStorage<{ namespaceId: string | null }> };
const storage = (holder.dmpNamespaceScope ??= new AsyncLocalStorage<{ namespaceId: string | null }>());

/** Runs `fn` in the namespace (null: the demo data, outside every namespace). */
export function runInNamespace<T>(namespaceId: string | null, fn: () => T): T {
  return storage.run({ namespaceId }, fn);
}

/**
 * Enters the namespace for the rest of the current request (where a session resolves its
 * actor, inside a page or route Next.js already runs in its own async context).
 */
export function enterNamespace(namespaceId: string | null): void {
  storage.enterWith({ namespaceId });
}

/** The namespace in scope, or null. */
export function currentNamespace(): string | null {
  return storage.getStore()?.namespaceId ?? null;
}
