import { createHmac } from "node:crypto";
import { sessionSecret } from "@/lib/auth/session-secret";
import type { TIngestResult } from "@/lib/feed/ingest-bundle";
import type { TOperationOutcomeIssue } from "./operation-outcome";

/**
 * The server id of a SubmissionSet: derived from the documents it carries (their server
 * ids), so that an identical resend names the same List. The List itself is not stored:
 * the FeedSubmission rows keep what was submitted. Keyed with the server's secret: a reader
 * who sees only some of a set's documents cannot recompute the id to learn that others exist.
 */
export function submissionSetId(documentIds: readonly string[]): string {
  return createHmac("sha256", sessionSecret()).update([...documentIds].sort().join("\n")).digest("hex").slice(0, 32);
}

/** A location in the "Type/id/_history/version" form MHD asks for (relative to the FHIR base, always). */
function versioned(type: string, id: string, version = 1): string {
  return `${type}/${id}/_history/${version}`;
}

const CREATED = "201 Created";
const UNCHANGED = "200 OK";

type TEntry = { resource?: { resourceType?: string; id?: string; content?: { attachment?: { url?: string } }[] }; fullUrl?: string };

/**
 * The ITI-65 answer when the bundle was committed: a transaction-response Bundle with one
 * entry per request entry, in order (MHD ITI-65 §2:3.65.4.2.2). Each entry created answers
 * 201 with its location (the SubmissionSet List included); each entry an identical resend
 * did not create answers 200 with the location of what exists; the UpdateDocumentRefs PATCH
 * answers 200 with the superseded version (version 2: status current → superseded).
 */
export function transactionResponse(json: unknown, result: TIngestResult): Record<string, unknown> {
  const entries = ((json as { entry?: TEntry[] }).entry ?? []) as TEntry[];
  const byIndex = new Map(result.results.map((r) => [r.index, r]));
  const patchByIndex = new Map(result.patches.map((p) => [p.index, p]));
  // A Binary answers with the document it carries, by its fullUrl or "Binary/<id>".
  const binaryDocument = new Map<string, { documentId: string; isResend: boolean }>();
  for (const [index, e] of entries.entries()) {
    const r = byIndex.get(index);
    if (!r?.documentId) continue;
    for (const c of e.resource?.content ?? []) if (c.attachment?.url) binaryDocument.set(c.attachment.url, { documentId: r.documentId, isResend: r.isResend });
  }
  const documents = result.results.filter((r) => r.documentId);
  const listStatus = documents.some((r) => !r.isResend) ? CREATED : UNCHANGED;
  const listId = submissionSetId(documents.map((r) => r.documentId as string));
  return {
    resourceType: "Bundle",
    type: "transaction-response",
    entry: entries.map((e, index) => {
      const patch = patchByIndex.get(index);
      if (patch) return { response: { status: UNCHANGED, location: versioned("DocumentReference", patch.documentId, 2) } };
      const r = byIndex.get(index);
      if (e.resource?.resourceType === "DocumentReference" && r?.documentId) {
        return { response: { status: r.isResend ? UNCHANGED : CREATED, location: versioned("DocumentReference", r.documentId) } };
      }
      if (e.resource?.resourceType === "Binary") {
        const urls = [e.fullUrl, e.resource.id ? `Binary/${e.resource.id}` : undefined];
        const carried = urls.map((url) => (url ? binaryDocument.get(url) : undefined)).find(Boolean);
        if (carried) return { response: { status: carried.isResend ? UNCHANGED : CREATED, location: versioned("Binary", carried.documentId) } };
      }
      return { response: { status: listStatus, location: versioned("List", listId) } };
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
