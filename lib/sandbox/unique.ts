import { randomBytes, randomInt } from "node:crypto";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { buildNir } from "@/lib/identity/nir";
import { finess, rpps } from "@/prisma/seed/identifiers";

/**
 * Identifiers no other call and no demo row uses. The demo people are born in France or in
 * Morocco (99350), their RPPS numbers start with 10 or 75 and their FINESS with 75, 93 or 94:
 * a sandbox person is born in a foreign country 99100-99349, and sandbox RPPS and FINESS
 * numbers start with 19. A random draw is checked against the database and drawn again on
 * the rare collision.
 */
const TRIES = 20;

/** A short random token for logins and addresses ("k3f9q2x7"). */
export function sandboxToken(): string {
  return randomBytes(6).toString("base64url").toLowerCase().replace(/[^a-z0-9]/g, "x").slice(0, 8);
}

export async function freeSandboxNir(prisma: PrismaClient, person: { sex: "M" | "F"; birthDate: string }): Promise<string> {
  for (let i = 0; i < TRIES; i++) {
    const nir = buildNir({ ...person, place: `99${randomInt(100, 350)}`, order: randomInt(1, 1000) });
    const taken = await prisma.beneficiary.findFirst({ where: { nir }, select: { id: true } });
    if (!taken) return nir;
  }
  throw new Error("no free sandbox NIR");
}

export async function freeSandboxRpps(prisma: PrismaClient): Promise<string> {
  for (let i = 0; i < TRIES; i++) {
    const number = rpps(`19${String(randomInt(0, 100_000_000)).padStart(8, "0")}`);
    const taken = await prisma.professional.findFirst({ where: { OR: [{ rpps: number }, { idNat: `8${number}` }] }, select: { id: true } });
    if (!taken) return number;
  }
  throw new Error("no free sandbox RPPS");
}

/** A mobile number in the 07 99 range, never a demo one, never another call's. */
export async function freeSandboxMobile(prisma: PrismaClient): Promise<string> {
  for (let i = 0; i < TRIES; i++) {
    const phone = `+3379${String(randomInt(0, 10_000_000)).padStart(7, "0")}`;
    const taken = await prisma.account.findFirst({ where: { phone }, select: { id: true } });
    if (!taken) return phone;
  }
  throw new Error("no free sandbox mobile number");
}

export async function freeSandboxFiness(prisma: PrismaClient): Promise<string> {
  for (let i = 0; i < TRIES; i++) {
    const number = finess(`19${String(randomInt(0, 1_000_000)).padStart(6, "0")}`);
    const taken = await prisma.structure.findUnique({ where: { finess: number }, select: { id: true } });
    if (!taken) return number;
  }
  throw new Error("no free sandbox FINESS");
}
