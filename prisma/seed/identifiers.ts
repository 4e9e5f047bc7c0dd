import type { TRandom } from "@/lib/random/prng";

/** Luhn check digit: FINESS and RPPS numbers end with one, so the demo ones do too. */
export function luhnDigit(body: string): string {
  let sum = 0;
  for (let i = 0; i < body.length; i++) {
    // Double every second digit from the right of the final number (check digit at the end).
    let d = Number(body[body.length - 1 - i]);
    if (i % 2 === 0) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return String((10 - (sum % 10)) % 10);
}

/** A 9-digit FINESS number from its first 8 digits. */
export function finess(body8: string): string {
  return `${body8}${luhnDigit(body8)}`;
}

/** An 11-digit RPPS number from its first 10 digits. */
export function rpps(body10: string): string {
  return `${body10}${luhnDigit(body10)}`;
}

/** IdNat_PS of a professional known by RPPS. */
export function idNatFromRpps(rppsNumber: string): string {
  return `8${rppsNumber}`;
}

/** A document uniqueId under the simulator's OID arc (XDS uniqueId / masterIdentifier). */
export function documentUniqueId(prefix: string, n: number): string {
  return `1.2.250.1.213.1.1.9.${prefix}.${n}`;
}

/** A cuid-looking id ("c" + 24 base-36 characters): deterministic, and accepted by z.cuid(). */
export function makeId(rng: TRandom): string {
  let id = "c";
  for (let i = 0; i < 24; i++) id += "0123456789abcdefghijklmnopqrstuvwxyz"[Math.floor(rng.next() * 36)];
  return id;
}
