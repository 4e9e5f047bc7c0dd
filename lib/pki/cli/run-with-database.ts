import { createPrismaClient, type PrismaClient } from "../../db/create-client";

/**
 * Runs a command-line tool against the database (DATABASE_URL, else the embedded file):
 * opens the client, prints an error as one French line instead of a stack trace, closes
 * the client and exits with the tool's code (1 on error).
 */
export function runWithDatabase(run: (prisma: PrismaClient) => Promise<number>): void {
  const prisma = createPrismaClient();
  run(prisma)
    .catch((error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      return 1;
    })
    .then(async (code) => {
      await prisma.$disconnect();
      process.exit(code);
    });
}
