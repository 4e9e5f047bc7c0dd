import "server-only";
import { prisma } from "@/lib/db/client";
import { findDemoCards, type TDemoCard } from "./demo-cards";

/** The demo cards, for the demo page (which may not touch Prisma itself). */
export async function getDemoCardsForPage(): Promise<TDemoCard[]> {
  return findDemoCards(prisma);
}
