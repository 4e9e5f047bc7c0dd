import { z } from "zod";
import { MASKING_CODE_LIST, type TMaskingCode } from "@/lib/reference/masking";

/** What a professional submits for a new document (or a new version). */
export const ZProfessionalDocumentInput = z.object({
  typeCode: z.string().trim().min(1, "Choisissez le type de document.").max(40),
  title: z.string().trim().min(3, "Le titre comporte au moins 3 caractères.").max(200, "Le titre comporte au plus 200 caractères."),
  serviceDate: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, "Date de l'acte attendue (JJ/MM/AAAA).")
    .refine((s) => !Number.isNaN(Date.parse(s)), "Date de l'acte invalide."),
  masking: z.array(z.enum(MASKING_CODE_LIST as [TMaskingCode, ...TMaskingCode[]])).max(3).default([]),
});

export type TProfessionalDocumentInput = z.infer<typeof ZProfessionalDocumentInput>;

/** The content: a file (PDF or text, checked by its magic bytes) or text typed in the form. */
export type TDocumentContentInput = { kind: "file"; bytes: Uint8Array; declaredType: string | null } | { kind: "text"; text: string };
