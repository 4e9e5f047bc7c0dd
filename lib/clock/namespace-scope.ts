import { AsyncLocalStorage } from "node:async_hooks";

/**
 * The sandbox namespace the current request acts in, for the clock and the namespace
 * rules (README "Bac à sable"). One convention: it is entered where the request's actor
 * is known — the sandbox routes from their `X-DMP-Espace` header, the sessions from the
 * signed-in person's row (lib/auth) — and read by `platformNow()` and by the namespace filters.
 * Nothing else passes it around. Outside any scope: no namespace (the demo data).
 * The scope object is per request (a new async context per request): filling it in is
 * seen by every caller up the chain, which a plain enterWith after an await is not.
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
 * Opens the request's namespace scope: called first thing, before any `await`, by the
 * functions that resolve a request's actor (sessions, sign-ins), so that the scope object
 * lands in their caller's async context too. `enterNamespace` then fills it in once the
 * actor's row is read: an `enterWith` after an `await` would not reach the caller.
 */
export function openNamespaceScope(): void {
  if (!storage.getStore()) storage.enterWith({ namespaceId: null });
}

/** Sets the namespace of the open scope (see openNamespaceScope), else of a new one from here on. */
export function enterNamespace(namespaceId: string | null): void {
  const scope = storage.getStore();
  if (scope) scope.namespaceId = namespaceId;
  else storage.enterWith({ namespaceId });
}

/** The namespace in scope, or null. */
export function currentNamespace(): string | null {
  return storage.getStore()?.namespaceId ?? null;
}
