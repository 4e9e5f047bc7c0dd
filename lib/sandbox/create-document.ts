import { z } from "zod";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { addDocuments } from "@/lib/documents/add-document";
import { ZProfessionalDocumentInput, type TDocumentContentInput } from "@/lib/documents/professional-document-input";
import { AppError } from "@/lib/errors/app-error";
import { professionalActor } from "./relations";
import { platformNow } from "@/lib/clock/clock";

/** A PDF of up to 1 MB travels as base64 (4/3 of its size) inside the JSON. */
export const DOCUMENT_MAX_BODY_BYTES = 1_500_000;

export const documentInputSchema = ZProfessionalDocumentInput.extend({
  patientId: z.string().min(1).max(40),
  /** The author: any professional with access to the record (a consent or treating-doctor relation first). */
  authorId: z.string().min(1).max(40),
  typeCode: z.string().trim().min(1).max(40).default("11488-4"),
  title: ZProfessionalDocumentInput.shape.title.default("Compte rendu de consultation"),
  serviceDate: ZProfessionalDocumentInput.shape.serviceDate.default(() => platformNow().toISOString().slice(0, 10)),
  /** Typed text, or a PDF in base64: one of them (text by default). */
  text: z.string().max(100_000).optional(),
  pdfBase64: z.base64().max(DOCUMENT_MAX_BODY_BYTES).optional(),
  /** How many such documents (a large record in one call): titles get « (n/count) » after the first. */
  count: z.number({ error: "« count » est un nombre entier de 1 à 500." }).int("« count » est un nombre entier de 1 à 500.").min(1, "« count » est un nombre entier de 1 à 500.").max(500, "« count » vaut 500 au plus.").default(1),
})
  .strict()
  .refine((d) => !(d.text !== undefined && d.pdfBase64 !== undefined), { message: "Donnez « text » ou « pdfBase64 », pas les deux.", path: ["pdfBase64"] });

/** Documents per transaction of a bulk call: each holds the write lock briefly, even on a loaded machine. */
const BULK_BATCH = 10;

export type TDocumentInput = z.output<typeof documentInputSchema>;

/**
 * A document added by the product's addDocument, as its author would from the /pro portal:
 * the type must be one their profession may author, the masking any; trace and
 * notification in the same transaction.
 */
export async function createSandboxDocument(
  prisma: PrismaClient,
  input: TDocumentInput,
): Promise<{ documentId: string; patientId: string; title: string; documentIds?: string[] }> {
  const actor = await professionalActor(prisma, input.authorId);
  const content: TDocumentContentInput = input.pdfBase64
    ? { kind: "file", bytes: new Uint8Array(Buffer.from(input.pdfBase64, "base64")), declaredType: "application/pdf" }
    : { kind: "text", text: input.text ?? `${input.title}\n\nDocument créé par le bac à sable du simulateur.` };
  const base = { typeCode: input.typeCode, serviceDate: input.serviceDate, masking: input.masking };
  // The first keeps the title as given (the longest one the form accepts stays the longest); the others are numbered within the 200 characters.
  const items = Array.from({ length: input.count }, (_, i) => ({ input: { ...base, title: i === 0 ? input.title : numberedTitle(input.title, i + 1, input.count) }, content }));
  try {
    // The product's command in batches: a 500-document transaction would hold SQLite's write
    // lock longer than other requests wait for it (BUSY_WAIT_MS). The first batch checks the
    // author's access before anything is written, so a refusal still writes nothing.
    const added: { documentId: string }[] = [];
    for (let start = 0; start < items.length; start += BULK_BATCH) {
      const batch = items.slice(start, start + BULK_BATCH);
      added.push(...(await retryWhenLockTimedOut(() => addDocuments(prisma, actor, input.patientId, batch))));
    }
    return { documentId: added[0]!.documentId, patientId: input.patientId, title: input.title, ...(input.count > 1 ? { documentIds: added.map((d) => d.documentId) } : {}) };
  } catch (error) {
    if (!(error instanceof AppError) || error.code === "INTERNAL") throw error;
    // The record door answers "not found" alike for an unknown record and one the author may not open.
    const message = error.code === "NOT_FOUND" ? "Dossier introuvable ou auteur sans accès : créez d'abord une relation (consentement ou médecin traitant)." : (error.userMessage ?? "Document refusé par le DMP.");
    throw new AppError("INVALID_INPUT", message);
  }
}

/** « Titre (12/500) », the title shortened if needed so it stays within the form's 200 characters. */
export function numberedTitle(title: string, rank: number, count: number): string {
  const suffix = ` (${rank}/${count})`;
  return `${title.slice(0, 200 - suffix.length)}${suffix}`;
}

/**
 * A batch that waited too long for the write lock (Prisma P1008, while another process wrote a
 * large record too) was rolled back whole: it runs again, up to three times.
 */
async function retryWhenLockTimedOut<T>(run: () => Promise<T>, attempts = 3): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await run();
    } catch (error) {
      if (attempt >= attempts || (error as { code?: unknown } | null)?.code !== "P1008") throw error;
    }
  }
}
