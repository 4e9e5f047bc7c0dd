/** The kind of constraint a statement broke (Prisma and the driver adapters name it the same on every database), if any. */
export function violatedConstraint(error: unknown): "UNIQUE" | "NOT_NULL" | null {
  const e = error as { code?: string; meta?: { driverAdapterError?: { cause?: { kind?: string } } }; cause?: { kind?: string } };
  if (e?.code === "P2002") return "UNIQUE";
  if (e?.code === "P2011") return "NOT_NULL";
  // Through Prisma, the adapter's error is in meta; straight from the adapter (lib/db/raw-sql), it is the error.
  const kind = e?.meta?.driverAdapterError?.cause?.kind ?? e?.cause?.kind;
  if (kind === "UniqueConstraintViolation") return "UNIQUE";
  if (kind === "NullConstraintViolation") return "NOT_NULL";
  return null;
}
