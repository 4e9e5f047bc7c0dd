import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { isBaselineEnabled } from "@/lib/bench/baseline-body";
import { requireProfessionalActor } from "@/lib/auth/pro/session";
import { parseDocumentFilters } from "@/lib/documents/document-filters";
import { nullWhenNotFound } from "@/lib/errors/app-error";
import { viewRecord } from "@/lib/pro/portal";

export const metadata: Metadata = { title: "Plancher du dossier professionnel" };

/**
 * Benchmark line 2b (npm run bench): the work the professional's record cannot skip (the card
 * session checked against the database, the record door with the access policy, the
 * RECORD_VIEW trace and the last access date in one transaction, the first page of documents
 * and its count), exactly as /pro/patients/[patientId] does it, rendered as one line in the
 * site's layout. Its rate over the no-database page is the most the record page could reach
 * by rendering less. Only served when the server runs with BENCH_BASELINE=1.
 */
export default async function ProRecordFloor({ params }: { params: Promise<{ patientId: string }> }) {
  if (!isBaselineEnabled()) notFound();
  const actor = await requireProfessionalActor();
  const { patientId } = await params;
  const record = await nullWhenNotFound(() => viewRecord(actor, patientId, parseDocumentFilters({})));
  if (!record) notFound();
  return (
    <p>
      {record.documents.total} documents, {record.documents.items.length} sur cette page.
    </p>
  );
}
