import type { TRandom } from "@/lib/random/prng";

const DAY = 86_400_000;

/** `days` days before now, at a given hour (UTC) and a minute that depends on the day. */
export function daysBefore(now: Date, days: number, hour = 10): Date {
  const d = new Date(now.getTime() - days * DAY);
  d.setUTCHours(hour, (days * 7) % 60, 0, 0);
  return d;
}

/**
 * A moment in working hours (8 h to 19 h UTC) within `maxDays` days after `base`, and
 * strictly after it: people read and file documents in the daytime.
 */
export function workingTimeAfter(base: Date, rng: TRandom, maxDays: number): Date {
  for (let attempt = 0; attempt < 5; attempt++) {
    const d = new Date(base.getTime() + rng.int(0, maxDays) * DAY);
    d.setUTCHours(rng.int(8, 18), rng.int(0, 59), 0, 0);
    if (d.getTime() > base.getTime()) return d;
  }
  const d = new Date(base.getTime() + DAY);
  d.setUTCHours(9, rng.int(0, 59), 0, 0);
  return d;
}
