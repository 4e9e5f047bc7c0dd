/**
 * What the sandbox reset must also forget besides the database: each module that keeps
 * state in the server's memory (a sandbox clock, a cache) registers a hook here, and
 * resetDemoData calls them all once the data is back. The list lives on globalThis so
 * that every route bundle of the server (and `next dev` reloads) shares it.
 */
type TResetHook = () => void | Promise<void>;

const globalForHooks = globalThis as unknown as { dmpSandboxResetHooks?: Set<TResetHook> };
const hooks: Set<TResetHook> = (globalForHooks.dmpSandboxResetHooks ??= new Set());

/** Registers a hook; returns the function that removes it. */
export function onSandboxReset(hook: TResetHook): () => void {
  hooks.add(hook);
  return () => hooks.delete(hook);
}

/** Runs every registered hook, in registration order; one failing does not stop the others. */
export async function runSandboxResetHooks(): Promise<void> {
  const failures: unknown[] = [];
  for (const hook of [...hooks]) {
    try {
      await hook();
    } catch (error) {
      failures.push(error);
    }
  }
  if (failures.length > 0) throw new AggregateError(failures, "Réinitialisation : un cache n'a pas pu être vidé.");
}
