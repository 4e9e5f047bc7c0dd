import type { Db } from "@/lib/db/types";
import type { TSeededDocument } from "./documents";
import type { TPatientKey, TSeededPatient } from "./patients";
import type { TProfessionalKey } from "./professionals";
import { BENEFICIARIES_WITHOUT_RECORD } from "./registry";
import type { TStructureKey } from "./structures";

/** A hospital patient with no NIR yet: identity provisional, cannot feed a record. */
export const PROVISIONAL_HOSPITAL_PATIENT = {
  localId: "IPP00113560",
  firstName: "Karim",
  lastName: "Mansour",
  birthDate: "1994-08-17",
  sex: "M" as const,
  notes: "Patient de l'Hôpital Saint-Martin sans NIR connu (identité provisoire) : aucun envoi au DMP possible.",
};

/**
 * The hospital's and the EHPAD's own patient files (IPP), and the history of the
 * hospital's feed: every document it pushed (fed OK) plus a few failures for the
 * monthly report.
 */
export async function createStructurePatientsAndFeed(
  prisma: Db,
  patients: Record<TPatientKey, TSeededPatient>,
  structureIds: Record<TStructureKey, string>,
  professionalIds: Record<TProfessionalKey, string>,
  documents: readonly TSeededDocument[],
  now: Date,
): Promise<void> {
  const rows = [];
  for (const { spec, record } of Object.values(patients)) {
    const identity = { nir: spec.nir, birthDate: spec.birthDate, birthRank: 1, firstName: spec.firstName, lastName: spec.lastName, sex: spec.sex, identityStatus: "QUALIFIED" as const, patientId: record.id };
    if (spec.hospitalIpp) rows.push({ structureId: structureIds.hospital, localId: spec.hospitalIpp, ...identity });
    if (spec.ehpadIpp) rows.push({ structureId: structureIds.ehpad, localId: spec.ehpadIpp, ...identity });
  }
  const renaud = BENEFICIARIES_WITHOUT_RECORD.find((b) => b.lastName === "Renaud");
  if (renaud) {
    rows.push({ structureId: structureIds.hospital, localId: "IPP00113402", nir: renaud.nir, birthDate: renaud.birthDate, birthRank: 1, firstName: renaud.firstName, lastName: renaud.lastName, sex: renaud.sex, identityStatus: "QUALIFIED" as const, patientId: null });
  }
  const p = PROVISIONAL_HOSPITAL_PATIENT;
  rows.push({ structureId: structureIds.hospital, localId: p.localId, nir: null, birthDate: p.birthDate, birthRank: 1, firstName: p.firstName, lastName: p.lastName, sex: p.sex, identityStatus: "PROVISIONAL" as const, patientId: null });
  await prisma.structurePatient.createMany({ data: rows });

  const feed = documents
    .filter((d) => d.source === "HOSPITAL_FEED")
    .map((d) => {
      const { spec, record } = patients[d.patientKey];
      return {
        structureId: structureIds.hospital,
        professionalId: typeof d.authorKey === "string" && d.authorKey in professionalIds ? professionalIds[d.authorKey as TProfessionalKey] : null,
        documentUniqueId: d.uniqueId,
        nir: spec.nir,
        birthDate: spec.birthDate,
        birthRank: 1,
        outcome: "FED_OK" as const,
        patientId: record.id,
        documentId: d.id,
        submittedAt: d.submittedAt,
      };
    });
  const day = 86_400_000;
  const hugo = patients["hugo.blanc"].spec;
  const monique = patients["monique.garnier"];
  const failures = [
    { documentUniqueId: "1.2.250.1.213.1.1.9.98.1", nir: hugo.nir, birthDate: "2001-02-15", birthRank: 1, outcome: "CERTIFICATION_KO" as const, detail: "Date de naissance différente de celle du dossier.", patientId: null, daysAgo: 21 },
    ...(renaud
      ? [{ documentUniqueId: "1.2.250.1.213.1.1.9.98.2", nir: renaud.nir, birthDate: renaud.birthDate, birthRank: 1, outcome: "RECORD_NOT_FOUND" as const, detail: "Aucun DMP pour cette identité.", patientId: null, daysAgo: 12 }]
      : []),
    { documentUniqueId: "1.2.250.1.213.1.1.9.98.3", nir: monique.spec.nir, birthDate: monique.spec.birthDate, birthRank: 1, outcome: "RECORD_CLOSED" as const, detail: "Le dossier est fermé.", patientId: monique.record.id, daysAgo: 40 },
  ];
  await prisma.feedSubmission.createMany({
    data: [
      ...feed,
      ...failures.map(({ daysAgo, ...f }) => ({
        ...f,
        structureId: structureIds.hospital,
        professionalId: professionalIds.emergencyPhysician,
        documentId: null,
        submittedAt: new Date(now.getTime() - daysAgo * day),
      })),
    ],
  });
}
