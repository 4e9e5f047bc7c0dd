import { randomBytes } from "node:crypto";
import { platformNowMs } from "@/lib/clock/clock";

let counter = 0;
let pool = Buffer.alloc(0);
let poolOffset = 0;

/** 12 base-36 characters of randomness (about 62 bits), from a pooled crypto buffer. */
function randomPart(): string {
  if (poolOffset + 8 > pool.length) {
    pool = randomBytes(8 * 256);
    poolOffset = 0;
  }
  const value = pool.readBigUInt64BE(poolOffset);
  poolOffset += 8;
  return value.toString(36).padStart(13, "0").slice(-12);
}

/**
 * A row id made by the application, in the shape of the ids Prisma's `@default(cuid())`
 * gives (25 characters, "c" first): raw multi-row INSERTs (the ITI-65 feed) name their rows
 * themselves instead of asking the database back. Time, then a per-process counter, then
 * randomness: ids made one after the other in a process sort in that order.
 */
export function newRowId(): string {
  counter = (counter + 1) % 36 ** 4;
  return `c${platformNowMs().toString(36).padStart(8, "0").slice(-8)}${counter.toString(36).padStart(4, "0")}${randomPart()}`;
}
