/**
 * One of the "server processes" of lib/db/cross-process-writes.integration.test.ts:
 *   node --import tsx lib/testing/concurrent-writer.ts <file: url> <label> <count>
 * Runs `count` interactive transactions that read, give the event loop away, then write (the
 * shape of a trace append or a feed), plus plain writes, all at once, on its own connection;
 * says "ready", waits for a line on stdin, then prints one JSON line: how many succeeded and the errors met.
 */
import { setTimeout as sleep } from "node:timers/promises";
import { createPrismaClient } from "@/lib/db/create-client";

async function main(): Promise<void> {
  const [url, label, countText] = process.argv.slice(2);
  if (!url || !label || !countText) throw new Error("Usage : concurrent-writer.ts <url> <label> <count>");
  const prisma = createPrismaClient(url);
  const errors: string[] = [];
  let committed = 0;
  const expiresAt = new Date("2030-01-01T00:00:00Z");
  // Connected and ready, then wait for the test's "go" so that both processes write at once.
  await prisma.usedClientAssertion.count();
  process.stdout.write("ready\n");
  await new Promise<void>((resolve) => process.stdin.once("data", () => resolve()));
  const work = Array.from({ length: Number(countText) }, async (_, i) => {
    try {
      await prisma.$transaction(async (tx) => {
        await tx.usedClientAssertion.count();
        await sleep(2);
        await tx.usedClientAssertion.create({ data: { key: `${label}-tx-${i}`, expiresAt } });
        // Generous: on a loaded machine this process's own queue of transactions is long.
      }, { maxWait: 20_000, timeout: 20_000 });
      await prisma.usedClientAssertion.create({ data: { key: `${label}-plain-${i}`, expiresAt } });
      committed++;
    } catch (error) {
      errors.push(error instanceof Error ? error.message.split("\n").slice(-1)[0] ?? error.message : String(error));
    }
  });
  await Promise.all(work);
  await prisma.$disconnect();
  process.stdout.write(`${JSON.stringify({ committed, errors })}\n`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
