import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";

/** Either the client or an open transaction: lib functions that write take this. */
export type Db = PrismaClient | Prisma.TransactionClient;
