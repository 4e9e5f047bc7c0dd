import { isDevToolsEnabled } from "@/lib/dev-tools/is-dev-tools-enabled";
import { currentNamespace } from "./namespace-scope";
import { offsetFor } from "./offsets";

/**
 * The platform's time: every time-dependent rule reads it, never `new Date()` nor `Date.now()` (guarded by
 * lib/clock/no-direct-time.test.ts). Real time plus the sandbox clock's offset for the
 * namespace in scope (lib/clock/namespace-scope.ts); the realistic mode always reads real time.
 */
export function platformNow(): Date {
  return new Date(platformNowMs());
}

/** `platformNow()` as milliseconds since the epoch. */
export function platformNowMs(): number {
  const real = Date.now();
  if (!isDevToolsEnabled()) return real;
  return real + offsetFor(currentNamespace());
}

/**
 * Real time, whatever the sandbox clock says: for durations measured for logs and
 * benchmarks, and for cryptographic validity checked by other parties (never for a rule).
 */
export function realNowMs(): number {
  return Date.now();
}
