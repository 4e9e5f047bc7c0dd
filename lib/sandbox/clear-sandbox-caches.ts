import { clearClockCache } from "@/lib/clock/offsets";
import { clearNamespaceCache } from "./namespaces";

/**
 * Empties every in-process cache of the sandbox (clock offsets, namespace tokens): the
 * reset calls it once the database is restored. The clock reloads its offsets from the
 * restored database (instrumentation.ts set its loader); until then it reads real time.
 */
export function clearSandboxCaches(): Promise<void> {
  clearNamespaceCache();
  return clearClockCache();
}
