import "server-only";
import { prisma } from "./client";
import type { Db } from "./types";

/** True when the database answers a trivial query. Never throws. */
export async function checkDatabase(db: Db = prisma): Promise<boolean> {
  try {
    await db.$queryRaw`SELECT 1`;
    return true;
  } catch {
    return false;
  }
}
