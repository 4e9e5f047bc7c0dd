import type { PrismaClient } from "@/lib/db/create-client";
import { issueCard } from "@/lib/pki/issue-card";
import fs from "node:fs";
import path from "node:path";
import { CARD_FILE_EXTENSION } from "@/lib/pki/card-file";
import { DEMO_PIN, DEMO_PUK, demoCardsFolder, writeDemoCardFile } from "@/lib/pki/demo-cards";

/**
 * One CPS card per seeded professional, PIN 1234 and PUK 12345678 (prisma/DEMO-CARDS.md).
 * The test CA is created on the way (first use). Each card file is written next to the
 * database (cards/<serial>.cps.json) and offered on /pro/cartes-demo.
 */
export async function seedCards(prisma: PrismaClient, now: Date = new Date()): Promise<number> {
  const professionals = await prisma.professional.findMany({ orderBy: { createdAt: "asc" }, select: { id: true } });
  for (const p of professionals) {
    const card = await issueCard(prisma, p.id, { pin: DEMO_PIN, puk: DEMO_PUK, now });
    writeDemoCardFile(card.file);
  }
  return professionals.length;
}

/**
 * A database seeded before card files had a platform-held secret keeps cards whose files
 * (format 1, key under the PIN alone) no longer open: each such demo card is replaced by a
 * new one for the same professional (PIN 1234, PUK 12345678) and its file by the new file.
 * Returns how many were replaced.
 */
export async function renewDemoCardsWithoutSecret(prisma: PrismaClient, url?: string): Promise<number> {
  const folder = demoCardsFolder(url);
  const stale = await prisma.cpsCard.findMany({ where: { keySecret: "" }, select: { serial: true, professionalId: true } });
  let renewed = 0;
  for (const card of stale) {
    const oldFile = path.join(folder, `${card.serial}${CARD_FILE_EXTENSION}`);
    if (!fs.existsSync(oldFile)) continue;
    const issued = await issueCard(prisma, card.professionalId, { pin: DEMO_PIN, puk: DEMO_PUK });
    writeDemoCardFile(issued.file, url);
    fs.rmSync(oldFile);
    renewed += 1;
  }
  return renewed;
}
