import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import { Prisma, type PrismaClient } from "@/lib/generated/prisma/client";
import { deferForeignKeys } from "@/lib/db/dialect";
import type { Db } from "@/lib/db/types";
import { platformNow } from "@/lib/clock/clock";
import { dropNamespaceClock } from "@/lib/clock/clock-store";

/**
 * Sandbox namespaces (issue 12, README "Bac à sable"): a suite creates one, sends its
 * token in the NAMESPACE_HEADER of every sandbox call, and deletes it when done. Only the
 * token's SHA-256 is stored; the id is public (it appears in URLs), the token is the secret.
 */
export const NAMESPACE_HEADER = "x-dmp-espace";

export type TCreatedNamespace = { namespaceId: string; token: string; label: string | null };

const hashToken = (token: string) => createHash("sha256").update(token, "utf8").digest("hex");

// token → namespace id; a deleted namespace is forgotten at once. clearSandboxCaches() empties it.
const holder = globalThis as unknown as { dmpNamespaceCache?: Map<string, string> };
const cache = (holder.dmpNamespaceCache ??= new Map<string, string>());

export function clearNamespaceCache(): void {
  cache.clear();
}

export async function createNamespace(db: Db, input: { label?: string | null } = {}): Promise<TCreatedNamespace> {
  const token = `esp_${randomBytes(24).toString("base64url")}`;
  const row = await db.sandboxNamespace.create({ data: { tokenHash: hashToken(token), label: input.label ?? null, createdAt: platformNow() }, select: { id: true, label: true } });
  cache.set(token, row.id);
  return { namespaceId: row.id, token, label: row.label };
}

/** The namespace a token opens, or null for an unknown (or deleted) one. */
export async function namespaceOfToken(db: Db, token: string): Promise<string | null> {
  if (token.length < 8 || token.length > 200) return null;
  const cached = cache.get(token);
  if (cached) return cached;
  const row = await db.sandboxNamespace.findUnique({ where: { tokenHash: hashToken(token) }, select: { id: true, deletingAt: true } });
  if (!row || row.deletingAt) return null;
  cache.set(token, row.id);
  return row.id;
}

/** Whether `token` is the token of namespace `namespaceId` (constant time). */
async function tokenOpens(db: Db, namespaceId: string, token: string): Promise<boolean> {
  const row = await db.sandboxNamespace.findUnique({ where: { id: namespaceId }, select: { tokenHash: true } });
  if (!row) return false;
  const a = Buffer.from(row.tokenHash, "hex");
  const b = Buffer.from(hashToken(token), "hex");
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * Deletes a namespace and everything in it, in one transaction: its records (documents,
 * traces and their seals, notifications…), accounts, professionals and their cards,
 * structures, messages and clock. The trace triggers let the traces go only because the
 * namespace is marked deletingAt first (migration sandbox_namespaces_and_clock).
 * False for an unknown namespace or a wrong token (the same answer).
 */
export async function deleteNamespace(prisma: PrismaClient, namespaceId: string, token: string): Promise<boolean> {
  if (!(await tokenOpens(prisma, namespaceId, token))) return false;
  const deleted = await prisma.$transaction(async (tx) => {
    // Claimed in the transaction: of two parallel deletions, the second finds nothing to claim (404, not 500).
    const claimed = await tx.sandboxNamespace.updateMany({ where: { id: namespaceId, deletingAt: null }, data: { deletingAt: platformNow() } });
    if (claimed.count === 0) return false;
    // Foreign keys checked at commit: the rows go table by table, in any order.
    await deferForeignKeys(tx);
    const ns = namespaceId;
    const patients = Prisma.sql`(SELECT "id" FROM "Patient" WHERE "namespaceId" = ${ns})`;
    const pros = Prisma.sql`(SELECT "id" FROM "Professional" WHERE "namespaceId" = ${ns})`;
    const structures = Prisma.sql`(SELECT "id" FROM "Structure" WHERE "namespaceId" = ${ns})`;
    const statements: Prisma.Sql[] = [
      Prisma.sql`DELETE FROM "Trace" WHERE "patientId" IN ${patients}`,
      Prisma.sql`DELETE FROM "TraceSeal" WHERE "patientId" IN ${patients}`,
      Prisma.sql`DELETE FROM "Document" WHERE "patientId" IN ${patients} OR "authorId" IN ${pros} OR "structureId" IN ${structures}`,
      Prisma.sql`DELETE FROM "FeedSubmission" WHERE "patientId" IN ${patients} OR "structureId" IN ${structures}`,
      Prisma.sql`DELETE FROM "StructurePatient" WHERE "patientId" IN ${patients} OR "structureId" IN ${structures}`,
      // The establishment's own workflow (issue 16): its documents, NIR requests and catalogue.
      Prisma.sql`DELETE FROM "HospitalDocument" WHERE "structureId" IN ${structures}`,
      Prisma.sql`DELETE FROM "NirRequest" WHERE "structureId" IN ${structures}`,
      Prisma.sql`DELETE FROM "DocumentCatalogueEntry" WHERE "structureId" IN ${structures}`,
      Prisma.sql`DELETE FROM "ProfessionalAuthorization" WHERE "patientId" IN ${patients} OR "professionalId" IN ${pros} OR "recordedById" IN ${pros}`,
      Prisma.sql`DELETE FROM "PatientBlock" WHERE "patientId" IN ${patients} OR "professionalId" IN ${pros}`,
      Prisma.sql`DELETE FROM "EmergencyAccess" WHERE "patientId" IN ${patients} OR "professionalId" IN ${pros}`,
      Prisma.sql`UPDATE "Patient" SET "treatingDoctorId" = NULL, "treatingDoctorSince" = NULL WHERE "treatingDoctorId" IN ${pros}`,
      Prisma.sql`DELETE FROM "Beneficiary" WHERE "namespaceId" = ${ns} OR "patientId" IN ${patients}`,
      Prisma.sql`DELETE FROM "Account" WHERE "namespaceId" = ${ns} OR "patientId" IN ${patients}`,
      Prisma.sql`DELETE FROM "Patient" WHERE "namespaceId" = ${ns}`,
      Prisma.sql`DELETE FROM "CpsCard" WHERE "professionalId" IN ${pros}`,
      Prisma.sql`DELETE FROM "Professional" WHERE "namespaceId" = ${ns}`,
      Prisma.sql`DELETE FROM "StructureCertificate" WHERE "structureId" IN ${structures}`,
      Prisma.sql`DELETE FROM "Structure" WHERE "namespaceId" = ${ns}`,
      Prisma.sql`DELETE FROM "MailMessage" WHERE "namespaceId" = ${ns}`,
      Prisma.sql`DELETE FROM "SmsMessage" WHERE "namespaceId" = ${ns}`,
    ];
    for (const statement of statements) await tx.$executeRaw(statement);
    await dropNamespaceClock(tx, ns);
    await tx.sandboxNamespace.delete({ where: { id: ns } });
    return true;
  });
  if (!deleted) return false;
  for (const [token, id] of cache) if (id === namespaceId) cache.delete(token);
  return true;
}
