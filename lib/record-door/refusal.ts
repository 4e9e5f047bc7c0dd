import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import type { Db } from "@/lib/db/types";
import { appendTrace, type TTraceInput } from "@/lib/traces/append-trace";
import { AppError } from "@/lib/errors/app-error";

/**
 * A refusal whose REFUSED trace is still to be written. It is a NOT_FOUND like any
 * refusal; the record door (withRefusalTraces) writes its trace once the transaction
 * that threw it has rolled back, so the refusal survives and nothing else of the command does.
 */
export class RefusedAccess extends AppError {
  readonly trace: TTraceInput;

  constructor(trace: TTraceInput) {
    super("NOT_FOUND");
    this.name = "RefusedAccess";
    this.trace = trace;
  }
}

/** A transaction client has no $transaction of its own. */
export function isTransaction(db: Db): db is Prisma.TransactionClient {
  return !("$transaction" in db);
}

/**
 * Traces a refusal and answers NOT_FOUND. Outside a transaction the trace is written now;
 * inside one it would be rolled back with the throw, so it travels in the error to the
 * door around the transaction.
 */
export async function refuseWithTrace(db: Db, trace: TTraceInput): Promise<never> {
  if (isTransaction(db)) throw new RefusedAccess(trace);
  await appendTrace(db, trace);
  throw new AppError("NOT_FOUND");
}

/**
 * Runs work that opens transactions; a refusal thrown from inside one is traced after
 * its rollback, then answered NOT_FOUND like an unknown record.
 */
export async function withRefusalTraces<T>(prisma: PrismaClient, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (!(error instanceof RefusedAccess)) throw error;
    await appendTrace(prisma, error.trace);
    throw new AppError("NOT_FOUND");
  }
}
