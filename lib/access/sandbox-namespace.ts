import { Prisma } from "@/lib/generated/prisma/client";
import type { TActor } from "./actor";

/**
 * SAME_SANDBOX_NAMESPACE (issue 12): in the sandbox, a test suite's namespace is a world of
 * its own. A professional reaches only the records of their namespace — a professional of
 * namespace A finds no patient of B, and one of the demo data (no namespace) finds no
 * namespaced patient, and the reverse. Refused as an unknown record (OTHER_SANDBOX_NAMESPACE),
 * and the SQL forms leave the other namespaces' rows out before any other rule runs, so no
 * trace is written on a record of another namespace.
 * Patients and representatives reach only their own records, which share their namespace.
 */
export function sameSandboxNamespace(actorNamespaceId: string | null | undefined, rowNamespaceId: string | null | undefined): boolean {
  return (actorNamespaceId ?? null) === (rowNamespaceId ?? null);
}

/** The namespace an actor's searches and lookups are confined to (null: the demo data's). */
export function namespaceOfActor(actor: TActor): string | null {
  return actor.kind === "PROFESSIONAL" ? (actor.namespaceId ?? null) : null;
}

/** SAME_SANDBOX_NAMESPACE as a Prisma filter on Patient (or Beneficiary) rows, for a professional's searches. */
export function sameNamespaceWhere(actor: TActor): { namespaceId: string | null } {
  return { namespaceId: namespaceOfActor(actor) };
}

/** SAME_SANDBOX_NAMESPACE from the record's side: the professionals a record's holder may name (designate, block) are of its namespace. */
export function recordNamespaceWhere(ctx: { namespaceId: string | null }): { namespaceId: string | null } {
  return { namespaceId: ctx.namespaceId };
}

/** SAME_SANDBOX_NAMESPACE in SQL: the row's namespace column is the given one (null: the demo data's). */
export function sameNamespaceSql(column: Prisma.Sql, namespaceId: string | null): Prisma.Sql {
  return Prisma.sql`${column} IS NOT DISTINCT FROM ${namespaceId}`;
}
