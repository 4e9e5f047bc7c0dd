import type { PrismaClient } from "@/lib/db/create-client";
import { issueCard } from "@/lib/pki/issue-card";
import { DEMO_PIN, DEMO_PUK, writeDemoCardFile } from "@/lib/pki/demo-cards";

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
