import { orderByPriority, priorityTypesFor } from "@/lib/hospital/priority-types";
import { AppError } from "@/lib/errors/app-error";
import { MAX_UPLOAD_BYTES } from "@/lib/documents/check-upload";
import { ZProfessionalDocumentInput, type TDocumentContentInput, type TProfessionalDocumentInput } from "@/lib/documents/professional-document-input";
import { authorableTypes } from "@/lib/reference/authorable-types";
import { documentTypeLabel } from "@/lib/reference/document-types";

/** The types a professional may choose in the document form. */
/**
 * The types this professional may author, the deck's priority types of their profession
 * first (lib/hospital/priority-types.ts: the treating doctor's VSM, the radiologist's imaging
 * report…), marked so the form can say so; the others after, in their usual order.
 */
export function authorableTypeOptions(profession: string | null, specialty: string | null): { code: string; label: string; isPriority: boolean }[] {
  const priority = priorityTypesFor({ profession, specialty }, null).typeCodes as readonly string[];
  const options = authorableTypes(profession, specialty).map((code) => ({ typeCode: code, code, label: documentTypeLabel(code), isPriority: priority.includes(code) }));
  return orderByPriority(options, priority).map(({ typeCode: _typeCode, ...option }) => option);
}

/** Reads the document form (multipart): metadata, masking codes and the content. */
export async function parseDocumentForm(form: FormData): Promise<
  { ok: true; input: TProfessionalDocumentInput; content: TDocumentContentInput } | { ok: false; error: string }
> {
  const parsed = ZProfessionalDocumentInput.safeParse({
    typeCode: form.get("typeCode") ?? "",
    title: form.get("title") ?? "",
    serviceDate: form.get("serviceDate") ?? "",
    masking: form.getAll("masking").map(String),
  });
  if (!parsed.success) return { ok: false, error: parsed.error.issues.map((i) => i.message).join(" ") };
  const file = form.get("file");
  const text = String(form.get("text") ?? "");
  if (file instanceof File && file.size > 0) {
    if (file.size > MAX_UPLOAD_BYTES) return { ok: false, error: new AppError("TOO_LARGE", "Le fichier dépasse la taille maximale de 10 Mo.").message };
    return { ok: true, input: parsed.data, content: { kind: "file", bytes: new Uint8Array(await file.arrayBuffer()), declaredType: file.type || null } };
  }
  if (text.trim() === "") return { ok: false, error: "Joignez un fichier PDF ou texte, ou saisissez le contenu du document." };
  return { ok: true, input: parsed.data, content: { kind: "text", text } };
}
