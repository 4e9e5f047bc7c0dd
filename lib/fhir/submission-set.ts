import { structureIdNat } from "@/lib/reference/idnat-struct";
import { FINESS_SYSTEM, IDNAT_PS_SYSTEM, INS_SYSTEMS, MHD_LIST_TYPES, MHD_SOURCE_ID_EXTENSION, MHD_SUBMISSION_SET_PROFILE, UNIQUE_ID_SYSTEM } from "./constants";

/**
 * One ITI-65 submission as the platform recorded it (the FeedSubmission rows fed together:
 * same structure, submitter and instant) for one record, with the documents of it that the
 * reader may see.
 */
export type TSubmissionSetForFhir = {
  id: string;
  patientNir: string;
  submittedAt: Date;
  structureFiness: string;
  structureName: string;
  submitterIdNat: string | null;
  documentIds: string[];
};

/** The server's unique id of a submission set: the platform keeps none of the sender's. */
export function submissionSetUniqueId(id: string): string {
  return `urn:dmp-sim:submissionset:${id}`;
}

/** A submission set as an MHD Minimal SubmissionSet (List), for ITI-66. */
export function toSubmissionSet(set: TSubmissionSetForFhir): Record<string, unknown> {
  return {
    resourceType: "List",
    id: set.id,
    meta: { profile: [MHD_SUBMISSION_SET_PROFILE], lastUpdated: set.submittedAt.toISOString() },
    extension: [{ url: MHD_SOURCE_ID_EXTENSION, valueIdentifier: { system: FINESS_SYSTEM, value: structureIdNat(set.structureFiness) } }],
    identifier: [{ use: "official", system: UNIQUE_ID_SYSTEM, value: submissionSetUniqueId(set.id) }],
    status: "current",
    mode: "working",
    title: `Alimentation par ${set.structureName}`,
    code: { coding: [{ system: MHD_LIST_TYPES, code: "submissionset" }] },
    subject: { identifier: { system: INS_SYSTEMS[0], value: set.patientNir }, display: "Titulaire du dossier" },
    date: set.submittedAt.toISOString(),
    ...(set.submitterIdNat ? { source: { identifier: { system: IDNAT_PS_SYSTEM, value: set.submitterIdNat } } } : {}),
    entry: set.documentIds.map((id) => ({ item: { reference: `DocumentReference/${id}` } })),
  };
}
