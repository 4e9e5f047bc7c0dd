import "server-only";
import type { TProActor } from "@/lib/auth/pro/pro-actor";
import { prisma } from "@/lib/db/client";
import { assertOperator } from "@/lib/access/operator-only";
import { existingSealKey } from "@/lib/traces/seal-key";
import { verifyAllTraceChains } from "@/lib/traces/verify-traces";

/** The operator's check of every trace chain and seal (what `npm run traces:verify` prints). */
export async function operatorVerifyTraces(actor: TProActor) {
  assertOperator(actor);
  const key = existingSealKey();
  const report = await verifyAllTraceChains(prisma, key && { key: key.publicKey, keyId: key.keyId });
  return { ...report, keyId: key?.keyId ?? null };
}
