import { z } from "zod";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { Db } from "@/lib/db/types";
import type { TProActor } from "@/lib/auth/pro/pro-actor";
import { catalogueAdminDecision } from "@/lib/access/establishment-roles";
import { AppError } from "@/lib/errors/app-error";
import { appendTrace } from "@/lib/traces/append-trace";
import { traceActorFields } from "@/lib/traces/actor-fields";
import { PROFESSIONAL_DOCUMENT_TYPES, documentTypeLabel } from "@/lib/reference/document-types";
import { platformNow } from "@/lib/clock/clock";
import { DEFAULT_CATALOGUE, EHPAD_DEFAULT_CATALOGUE } from "./default-catalogue";
import { establishmentOf, loadEstablishmentUser } from "./establishment-person";
import { HOSPITAL_MASKINGS, maskingLabel, type THospitalMasking } from "./masking";
import { ZRowId } from "@/lib/http/row-id";

/** Types an establishment may export: the professionals' JDV_J66 types but the reimbursements, which only the health insurance produces. */
export const CATALOGUE_TYPE_CODES: readonly string[] = PROFESSIONAL_DOCUMENT_TYPES.filter((code) => code !== "REMB");

export const UNKNOWN_TYPE_MESSAGE = "Type de document inconnu : choisissez un type de la liste (code JDV_J66).";

const ZTypeCode = z.string().refine((code) => CATALOGUE_TYPE_CODES.includes(code), UNKNOWN_TYPE_MESSAGE);
const ZMasking = z.enum(HOSPITAL_MASKINGS, "Choisissez un masquage par défaut parmi les quatre proposés.");

export const ZCatalogueChange = z.object({
  entryId: ZRowId,
  typeCode: ZTypeCode,
  defaultMasking: ZMasking,
  exported: z.boolean(),
});
export type TCatalogueChange = z.infer<typeof ZCatalogueChange>;

export const ZCatalogueAddition = z.object({
  name: z.string().trim().min(3, "Nommez le document (3 caractères au moins).").max(120, "Nom trop long (120 caractères au plus)."),
  typeCode: ZTypeCode,
  defaultMasking: ZMasking,
});
export type TCatalogueAddition = z.infer<typeof ZCatalogueAddition>;

export type TCatalogueEntry = { id: string; name: string; typeCode: string; defaultMasking: THospitalMasking; exported: boolean; position: number };

const ENTRY_SELECT = { id: true, name: true, typeCode: true, defaultMasking: true, exported: true, position: true } as const;

/**
 * The establishment's catalogue. An establishment that has none yet starts from the
 * deployment's list (default-catalogue.ts; an EHPAD from its DLU), copied once: from then on it is the
 * establishment's own data, edited by its administrator.
 */
export async function structureCatalogue(db: Db, structureId: string): Promise<TCatalogueEntry[]> {
  const read = () => db.documentCatalogueEntry.findMany({ where: { structureId }, orderBy: [{ position: "asc" }, { name: "asc" }], select: ENTRY_SELECT });
  const entries = await read();
  if (entries.length > 0) return entries;
  const structure = await db.structure.findUnique({ where: { id: structureId }, select: { kind: true } });
  const defaults = structure?.kind === "EHPAD" ? EHPAD_DEFAULT_CATALOGUE : DEFAULT_CATALOGUE;
  try {
    await db.documentCatalogueEntry.createMany({ data: defaults.map((e, position) => ({ structureId, name: e.name, typeCode: e.typeCode, defaultMasking: e.defaultMasking, position })) });
  } catch {
    // Two first readers at once: the other one wrote the same list.
  }
  return read();
}

function describeEntry(e: Pick<TCatalogueEntry, "typeCode" | "defaultMasking" | "exported">): string {
  return `type ${e.typeCode} (${documentTypeLabel(e.typeCode)}), masquage par défaut « ${maskingLabel(e.defaultMasking)} », ${e.exported ? "exporté vers le DMP" : "non exporté"}`;
}

async function adminStructure(db: Db, actor: TProActor) {
  const user = await loadEstablishmentUser(db, actor.professionalId);
  const structure = establishmentOf(user);
  // Denied looks like not found: the screen does not exist for anyone else.
  if (!structure || !catalogueAdminDecision(user, structure.id).allowed) throw new AppError("NOT_FOUND");
  return structure;
}

/** The catalogue as its administrator edits it (NOT_FOUND for anyone else). */
export async function catalogueForAdmin(db: Db, actor: TProActor) {
  const structure = await adminStructure(db, actor);
  return { structure, entries: await structureCatalogue(db, structure.id) };
}

/**
 * The administrator changes one line (type, default masking, exported or not). The
 * change and its CATALOGUE_CHANGE trace (platform chain, before → after) commit together;
 * an unchanged line writes nothing. Returns whether something changed.
 */
export async function updateCatalogueEntry(db: PrismaClient, actor: TProActor, input: TCatalogueChange, request: { ipAddress?: string | null; now?: Date } = {}): Promise<boolean> {
  const parsed = ZCatalogueChange.safeParse(input);
  if (!parsed.success) throw new AppError("INVALID_INPUT", parsed.error.issues[0]?.message);
  const change = parsed.data;
  const now = request.now ?? platformNow();
  return db.$transaction(async (tx) => {
    const structure = await adminStructure(tx, actor);
    const entry = await tx.documentCatalogueEntry.findFirst({ where: { id: change.entryId, structureId: structure.id }, select: ENTRY_SELECT });
    if (!entry) throw new AppError("NOT_FOUND", "Ligne du catalogue introuvable.");
    if (entry.typeCode === change.typeCode && entry.defaultMasking === change.defaultMasking && entry.exported === change.exported) return false;
    await tx.documentCatalogueEntry.update({ where: { id: entry.id }, data: { typeCode: change.typeCode, defaultMasking: change.defaultMasking, exported: change.exported } });
    await appendTrace(tx, {
      patientId: null,
      ...traceActorFields({ ...actor, structureName: structure.name }),
      action: "CATALOGUE_CHANGE",
      reason: "Administrateur de l'établissement",
      detail: `${structure.name} — « ${entry.name} » : ${describeEntry(change)} (auparavant ${describeEntry(entry)})`,
      ipAddress: request.ipAddress ?? null,
      at: now,
    });
    return true;
  });
}

/** The administrator adds a document to the catalogue (a name the catalogue does not have yet), traced. */
export async function addCatalogueEntry(db: PrismaClient, actor: TProActor, input: TCatalogueAddition, request: { ipAddress?: string | null; now?: Date } = {}): Promise<TCatalogueEntry> {
  const parsed = ZCatalogueAddition.safeParse(input);
  if (!parsed.success) throw new AppError("INVALID_INPUT", parsed.error.issues[0]?.message);
  const addition = parsed.data;
  const now = request.now ?? platformNow();
  return db.$transaction(async (tx) => {
    const structure = await adminStructure(tx, actor);
    const entries = await structureCatalogue(tx, structure.id);
    if (entries.some((e) => e.name.toLocaleLowerCase("fr") === addition.name.toLocaleLowerCase("fr"))) {
      throw new AppError("CONFLICT", `Le catalogue contient déjà « ${addition.name} ».`);
    }
    const position = entries.reduce((max, e) => Math.max(max, e.position), -1) + 1;
    const entry = await tx.documentCatalogueEntry.create({ data: { structureId: structure.id, ...addition, position }, select: ENTRY_SELECT });
    await appendTrace(tx, {
      patientId: null,
      ...traceActorFields({ ...actor, structureName: structure.name }),
      action: "CATALOGUE_CHANGE",
      reason: "Administrateur de l'établissement",
      detail: `${structure.name} — ajout de « ${entry.name} » : ${describeEntry(entry)}`,
      ipAddress: request.ipAddress ?? null,
      at: now,
    });
    return entry;
  });
}
