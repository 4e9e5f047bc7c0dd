import type { TIngestResult } from "@/lib/feed/ingest-bundle";
import type { TOperationOutcomeIssue } from "./operation-outcome";

/**
 * The ITI-65 answer when the bundle was committed: a transaction-response Bundle with
 * one entry per request entry, in order (List, DocumentReference, Binary…).
 */
export function transactionResponse(json: unknown, result: TIngestResult): Record<string, unknown> {
  type TEntry = { resource?: { resourceType?: string; content?: { attachment?: { url?: string } }[] }; fullUrl?: string };
  const entries = ((json as { entry?: TEntry[] }).entry ?? []) as TEntry[];
  const byIndex = new Map(result.results.map((r) => [r.index, r]));
  // A Binary answers with the document it carries.
  const binaryDocument = new Map<string, string>();
  for (const [index, e] of entries.entries()) {
    const r = byIndex.get(index);
    const url = e.resource?.content?.[0]?.attachment?.url;
    if (r?.documentId && url) binaryDocument.set(url, r.documentId);
  }
  return {
    resourceType: "Bundle",
    type: "transaction-response",
    entry: entries.map((e, index) => {
      const r = byIndex.get(index);
      if (e.resource?.resourceType === "DocumentReference" && r?.documentId) {
        return { response: { status: r.isResend ? "200 OK" : "201 Created", location: `DocumentReference/${r.documentId}` } };
      }
      if (e.resource?.resourceType === "Binary") {
        const documentId = e.fullUrl ? binaryDocument.get(e.fullUrl) : undefined;
        return { response: { status: "201 Created", ...(documentId ? { location: `Binary/${documentId}` } : {}) } };
      }
      return { response: { status: "201 Created" } };
    }),
  };
}

/** The OperationOutcome issues of a refused bundle: one per document, in French. */
export function ingestIssues(result: TIngestResult): TOperationOutcomeIssue[] {
  return [
    ...result.issues,
    ...result.results.map((r) => ({
      severity: r.outcome === "FED_OK" ? ("information" as const) : ("error" as const),
      code: r.code,
      diagnostics: `Document ${r.uniqueId || "sans identifiant"} : ${r.message}`,
      expression: [`Bundle.entry[${r.index}].resource`],
      details: { coding: [{ system: "urn:dmp-sim:feed-outcome", code: r.outcome }] },
    })),
  ];
}
