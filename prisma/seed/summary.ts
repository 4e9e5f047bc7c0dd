import type { Db } from "@/lib/db/types";
import { CONDITIONS, EXTRA_ALLERGIES } from "./conditions";
import type { TPatientKey, TSeededPatient } from "./patients";
import type { TProfessionalKey } from "./professionals";

/** Who to call: most patients have one or two emergency contacts. */
const EMERGENCY_CONTACTS: Partial<Record<TPatientKey, { name: string; relationship: string; phone: string }[]>> = {
  "jean.martin": [{ name: "Françoise Martin", relationship: "Épouse", phone: "+33698765401" }],
  "marie.dupont": [{ name: "Luc Dupont", relationship: "Conjoint", phone: "+33698765402" }],
  "sophie.petitjean": [{ name: "Olivier Petitjean", relationship: "Conjoint", phone: "+33612345699" }],
  "chloe.petitjean": [
    { name: "Sophie Petitjean", relationship: "Mère", phone: "+33612345603" },
    { name: "Olivier Petitjean", relationship: "Père", phone: "+33612345699" },
  ],
  "robert.lefebvre": [{ name: "Catherine Lefebvre", relationship: "Fille (personne de confiance)", phone: "+33698765405" }],
  "monique.garnier": [{ name: "Alain Garnier", relationship: "Fils", phone: "+33698765406" }],
  "ahmed.benali": [{ name: "Leïla Benali", relationship: "Épouse", phone: "+33698765407" }],
  "nathalie.roche": [{ name: "Marc Roche", relationship: "Frère", phone: "+33698765408" }],
  "francois.henry": [{ name: "Anne Henry", relationship: "Épouse (personne de confiance)", phone: "+33698765409" }],
  "camille.durand": [{ name: "Julien Durand", relationship: "Conjoint", phone: "+33698765410" }],
  "noah.durand": [{ name: "Camille Durand", relationship: "Mère", phone: "+33612345610" }],
  "emma.riviere": [{ name: "Claire Rivière", relationship: "Mère", phone: "+33698765413" }],
  "hugo.blanc": [{ name: "Sylvie Blanc", relationship: "Mère", phone: "+33698765414" }],
  "alice.morel": [{ name: "Bernard Morel", relationship: "Époux", phone: "+33698765415" }],
  "louis.gauthier": [{ name: "Hélène Gauthier", relationship: "Épouse", phone: "+33698765416" }, { name: "Paul Gauthier", relationship: "Fils", phone: "+33698765426" }],
  "sarah.cohen": [{ name: "David Cohen", relationship: "Frère", phone: "+33698765417" }],
  "mathieu.perrin": [{ name: "Isabelle Perrin", relationship: "Épouse", phone: "+33698765418" }],
  "gerard.masson": [{ name: "Martine Masson", relationship: "Fille (personne de confiance)", phone: "+33698765420" }],
  "jeanne.marchand": [{ name: "Pierre Marchand", relationship: "Fils", phone: "+33698765421" }],
};

function isoDay(d: Date): string {
  return d.toISOString().slice(0, 10);
}

/** Allergies, long-term treatments and emergency contacts from each patient's profile. */
export async function createSummaries(
  prisma: Db,
  patients: Record<TPatientKey, TSeededPatient>,
  professionalIds: Record<TProfessionalKey, string>,
  now: Date,
): Promise<void> {
  const allergies = [];
  const treatments = [];
  const contacts = [];
  for (const { spec, record } of Object.values(patients)) {
    const profile = CONDITIONS[spec.condition];
    const recordedById = spec.treatingDoctor ? professionalIds[spec.treatingDoctor] : null;
    const since = new Date(record.recordOpenedAt.getTime() + 7 * 86_400_000);
    for (const a of [...profile.allergies, ...(EXTRA_ALLERGIES[spec.key] ?? [])]) {
      allergies.push({ patientId: record.id, substance: a.substance, reaction: a.reaction, severity: a.severity, recordedById, createdAt: since, updatedAt: since });
    }
    // Minors and acute stories keep only the long-term lines of their profile.
    const lines = spec.condition === "trauma" || spec.condition === "pregnancy" ? [] : profile.treatments;
    lines.forEach((t, i) => {
      treatments.push({
        patientId: record.id,
        medication: t.medication,
        dosage: t.dosage,
        startDate: isoDay(new Date(record.recordOpenedAt.getTime() - (200 + i * 90) * 86_400_000)),
        endDate: null,
        recordedById,
        createdAt: since,
        updatedAt: since,
      });
    });
    if (spec.condition === "trauma") {
      // A finished course, so the summary shows an ended treatment too.
      const end = new Date(now.getTime() - 60 * 86_400_000);
      treatments.push({ patientId: record.id, medication: "Lovenox 4000 UI", dosage: "1 injection sous-cutanée par jour", startDate: isoDay(new Date(end.getTime() - 21 * 86_400_000)), endDate: isoDay(end), recordedById, createdAt: since, updatedAt: since });
    }
    for (const c of EMERGENCY_CONTACTS[spec.key] ?? []) contacts.push({ patientId: record.id, ...c, createdAt: since });
  }
  await prisma.allergy.createMany({ data: allergies });
  await prisma.treatment.createMany({ data: treatments });
  await prisma.emergencyContact.createMany({ data: contacts });
}
