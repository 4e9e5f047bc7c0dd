/**
 * Seals every trace chain up to its head now, what the server's background job does a
 * window at a time (lib/jobs/background-jobs.ts): after `seed:large`, or before measuring,
 * so that the server does not spend its first hours sealing a backlog.
 *   npm run traces:seal              (DATABASE_URL selects the database)
 */
import { createPrismaClient } from "@/lib/db/create-client";
import { sealKey, sealKeyFile } from "../seal-key";
import { sealAllChainsLogged } from "../seal-chains";

async function main(): Promise<void> {
  const prisma = createPrismaClient();
  try {
    console.log(`Clé de scellement : ${sealKeyFile()}.`);
    await sealAllChainsLogged(prisma, sealKey(), (m) => console.log(m));
  } finally {
    await prisma.$disconnect();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
