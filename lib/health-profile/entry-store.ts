import type { Prisma } from "@/lib/generated/prisma/client";
import type { TActor } from "@/lib/access/actor";
import { authorSideOf, type TEntryAuthorSide } from "@/lib/access/health-profile";
import { AppError } from "@/lib/errors/app-error";
import type { TAllergyInput, THistoryInput, TMeasurementInput, TTreatmentInput, TVaccinationInput } from "./inputs";

type TTx = Prisma.TransactionClient;

/** The sections stored one row per entry, with the input each takes. */
export type TEntryInputs = {
  HISTORY: THistoryInput;
  ALLERGY: TAllergyInput;
  TREATMENT: TTreatmentInput;
  VACCINATION: TVaccinationInput;
  MEASUREMENT: TMeasurementInput;
};
export type TEntrySection = keyof TEntryInputs;

/** How each section is worded in a trace (« Allergie ajoutée : Pénicilline »). */
export const SECTION_WORDS: Record<TEntrySection, { noun: string; added: string; changed: string; removed: string }> = {
  HISTORY: { noun: "Antécédent", added: "Antécédent ajouté", changed: "Antécédent modifié", removed: "Antécédent retiré" },
  ALLERGY: { noun: "Allergie", added: "Allergie ajoutée", changed: "Allergie modifiée", removed: "Allergie retirée" },
  TREATMENT: { noun: "Traitement", added: "Traitement ajouté", changed: "Traitement modifié", removed: "Traitement retiré" },
  VACCINATION: { noun: "Vaccination", added: "Vaccination ajoutée", changed: "Vaccination modifiée", removed: "Vaccination retirée" },
  MEASUREMENT: { noun: "Mesure", added: "Mesure ajoutée", changed: "Mesure modifiée", removed: "Mesure retirée" },
};

/** Who writes, as the entry keeps it (name snapshotted, time from the platform clock). */
export function authorFields(actor: TActor, now: Date) {
  return actor.kind === "PROFESSIONAL"
    ? { authorKind: "PROFESSIONAL" as const, authorAccountId: null, recordedById: actor.professionalId, authorName: actor.name, writtenAt: now }
    : { authorKind: actor.kind, authorAccountId: actor.accountId, recordedById: null, authorName: actor.name, writtenAt: now };
}

/** The side that wrote an entry of this record; NOT_FOUND when the record has no such entry. */
export async function entryAuthorSide(tx: TTx, section: TEntrySection, patientId: string, id: string): Promise<TEntryAuthorSide> {
  const where = { id, patientId };
  const select = { authorKind: true } as const;
  const row =
    section === "HISTORY"
      ? await tx.medicalHistoryEntry.findFirst({ where, select })
      : section === "ALLERGY"
        ? await tx.allergy.findFirst({ where, select })
        : section === "TREATMENT"
          ? await tx.treatment.findFirst({ where, select })
          : section === "VACCINATION"
            ? await tx.vaccination.findFirst({ where, select })
            : await tx.measurement.findFirst({ where, select });
  if (!row) throw new AppError("NOT_FOUND");
  return authorSideOf(row.authorKind);
}

/** A short French description of the entry, for the trace's detail. */
export function describeEntry<S extends TEntrySection>(section: S, input: TEntryInputs[S]): string {
  switch (section) {
    case "HISTORY":
      return (input as THistoryInput).label;
    case "ALLERGY":
      return (input as TAllergyInput).substance;
    case "TREATMENT": {
      const t = input as TTreatmentInput;
      return `${t.medication} — ${t.dosage}`;
    }
    case "VACCINATION": {
      const v = input as TVaccinationInput;
      return `${v.vaccine} (${v.date})`;
    }
    default: {
      const m = input as TMeasurementInput;
      return `${m.kind} ${m.value}${m.secondValue !== undefined ? `/${m.secondValue}` : ""} ${m.unit} (${m.measuredOn})`;
    }
  }
}

/** Creates the entry, or updates it (the caller checked the rule); returns its id. */
export async function writeEntry<S extends TEntrySection>(
  tx: TTx,
  section: S,
  patientId: string,
  input: TEntryInputs[S],
  author: ReturnType<typeof authorFields>,
): Promise<string> {
  const id = input.id;
  const where = { id: id ?? "", patientId };
  switch (section) {
    case "HISTORY": {
      const h = input as THistoryInput;
      const data = { category: h.category, label: h.label, since: h.since ?? null, note: h.note ?? null, ...author };
      if (id) return (await tx.medicalHistoryEntry.update({ where, data })).id;
      return (await tx.medicalHistoryEntry.create({ data: { ...data, patientId } })).id;
    }
    case "ALLERGY": {
      const a = input as TAllergyInput;
      const data = { substance: a.substance, reaction: a.reaction ?? null, severity: a.severity ?? null, ...author };
      if (id) return (await tx.allergy.update({ where, data })).id;
      return (await tx.allergy.create({ data: { ...data, patientId } })).id;
    }
    case "TREATMENT": {
      const t = input as TTreatmentInput;
      const data = { medication: t.medication, dosage: t.dosage, startDate: t.startDate, endDate: t.endDate ?? null, ...author };
      if (id) return (await tx.treatment.update({ where, data })).id;
      return (await tx.treatment.create({ data: { ...data, patientId } })).id;
    }
    case "VACCINATION": {
      const v = input as TVaccinationInput;
      const data = {
        vaccine: v.vaccine,
        atcCode: v.atcCode ?? null,
        date: v.date,
        dose: v.dose ?? null,
        lot: v.lot ?? null,
        administeredBy: v.administeredBy ?? null,
        ...author,
      };
      if (id) return (await tx.vaccination.update({ where, data })).id;
      return (await tx.vaccination.create({ data: { ...data, patientId } })).id;
    }
    default: {
      const m = input as TMeasurementInput;
      const { recordedById: _pro, ...measurementAuthor } = author;
      const data = { kind: m.kind, value: m.value, secondValue: m.secondValue ?? null, unit: m.unit, measuredOn: m.measuredOn, ...measurementAuthor };
      if (id) return (await tx.measurement.update({ where, data })).id;
      return (await tx.measurement.create({ data: { ...data, patientId } })).id;
    }
  }
}

/** Deletes an entry of this record and its comments (the caller checked the rule). */
export async function deleteEntry(tx: TTx, section: TEntrySection, patientId: string, id: string): Promise<void> {
  const where = { id, patientId };
  if (section === "HISTORY") await tx.medicalHistoryEntry.deleteMany({ where });
  else if (section === "ALLERGY") await tx.allergy.deleteMany({ where });
  else if (section === "TREATMENT") await tx.treatment.deleteMany({ where });
  else if (section === "VACCINATION") await tx.vaccination.deleteMany({ where });
  else await tx.measurement.deleteMany({ where });
  await tx.healthProfileComment.deleteMany({ where: { patientId, entryKind: section, entryId: id } });
}
