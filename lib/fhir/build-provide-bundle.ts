import { randomUUID } from "node:crypto";
import { contentDigests, sha1HexToBase64 } from "@/lib/documents/content-digest";
import { classOfType, getDocumentType } from "@/lib/reference/document-types";
import { securityCodings, type TConfidentialityCode, type TMaskingFlags } from "@/lib/reference/masking";
import { structureIdNat } from "@/lib/reference/idnat-struct";
import {
  CLASS_SYSTEM,
  FINESS_SYSTEM,
  IDNAT_PS_SYSTEM,
  INS_SYSTEMS,
  LOINC_SYSTEMS,
  MHD_LIST_TYPES,
  MHD_SUBMISSION_SET_PROFILE,
  TRE_A05_SYSTEM,
  UNIQUE_ID_SYSTEM,
} from "./constants";
import { uniqueIdAsUri } from "./document-reference";
import { platformNow } from "@/lib/clock/clock";

export type TBundleDocumentInput = {
  uniqueId: string;
  patient: { nir: string; birthDate: string; birthRank: number; isTestIdentity?: boolean; family?: string; given?: string };
  typeCode: string;
  title: string;
  authorIdNat: string;
  custodianFiness: string;
  confidentiality?: TConfidentialityCode;
  masking?: Partial<TMaskingFlags>;
  serviceDate: string;
  content: { bytes: Uint8Array; contentType: string };
  /** DocumentReference.content.format (XDS formatCode), e.g. a CI-SIS CDA format (lib/cda). */
  format?: { system: string; code: string; display?: string };
  replacesUniqueId?: string;
  /** Put the content in attachment.data instead of a separate Binary entry. */
  inlineContent?: boolean;
};

/**
 * An ITI-65 Provide Document Bundle, as a hospital system would send it: the List
 * (SubmissionSet), each DocumentReference with its contained Patient (INS, birth date,
 * birth rank in multipleBirthInteger) and Practitioner (IdNat_PS), and its Binary.
 * Used by the hospital simulator and the tests; the README shows its output.
 */
export type TProvideBundle = { resourceType: "Bundle"; type: "transaction"; entry: Record<string, unknown>[] };

export function buildProvideBundle(documents: TBundleDocumentInput[], submission: { sourceFiness: string; now?: Date }): TProvideBundle {
  const now = submission.now ?? platformNow();
  const entries: Record<string, unknown>[] = [];
  const docUrls: string[] = [];
  for (const d of documents) {
    const docUrl = `urn:uuid:${randomUUID()}`;
    const binaryUrl = `urn:uuid:${randomUUID()}`;
    docUrls.push(docUrl);
    const type = getDocumentType(d.typeCode);
    const masking: TMaskingFlags = { hiddenFromPros: false, hiddenFromPatient: false, hiddenFromLegalReps: false, ...d.masking };
    const base64 = Buffer.from(d.content.bytes).toString("base64");
    entries.push({
      fullUrl: docUrl,
      resource: {
        resourceType: "DocumentReference",
        contained: [
          {
            resourceType: "Patient",
            id: "patient",
            identifier: [{ system: INS_SYSTEMS[d.patient.isTestIdentity ? 1 : 0], value: d.patient.nir }],
            ...(d.patient.family ? { name: [{ family: d.patient.family, ...(d.patient.given ? { given: [d.patient.given] } : {}) }] } : {}),
            birthDate: d.patient.birthDate,
            multipleBirthInteger: d.patient.birthRank,
          },
          { resourceType: "Practitioner", id: "author", identifier: [{ system: IDNAT_PS_SYSTEM, value: d.authorIdNat }] },
        ],
        masterIdentifier: { system: UNIQUE_ID_SYSTEM, value: uniqueIdAsUri(d.uniqueId) },
        status: "current",
        type: { coding: [{ system: type?.system === "TRE_A05" ? TRE_A05_SYSTEM : LOINC_SYSTEMS[0], code: d.typeCode, ...(type ? { display: type.label } : {}) }] },
        category: [{ coding: [{ system: CLASS_SYSTEM, code: classOfType(d.typeCode) ?? "10" }] }],
        subject: { reference: "#patient" },
        date: now.toISOString(),
        author: [{ reference: "#author" }],
        custodian: { identifier: { system: FINESS_SYSTEM, value: structureIdNat(d.custodianFiness) } },
        ...(d.replacesUniqueId ? { relatesTo: [{ code: "replaces", target: { identifier: { system: UNIQUE_ID_SYSTEM, value: uniqueIdAsUri(d.replacesUniqueId) } } }] } : {}),
        description: d.title,
        securityLabel: securityCodings(d.confidentiality ?? "N", masking).map((c) => ({ coding: [{ system: `urn:oid:${c.system}`, code: c.code, display: c.display }] })),
        content: [
          {
            attachment: {
              contentType: d.content.contentType,
              title: d.title,
              size: d.content.bytes.length,
              hash: sha1HexToBase64(contentDigests(d.content.bytes).sha1),
              ...(d.inlineContent ? { data: base64 } : { url: binaryUrl }),
            },
            ...(d.format ? { format: d.format } : {}),
          },
        ],
        context: { period: { start: d.serviceDate } },
      },
      request: { method: "POST", url: "DocumentReference" },
    });
    if (!d.inlineContent) {
      entries.push({ fullUrl: binaryUrl, resource: { resourceType: "Binary", contentType: d.content.contentType, data: base64 }, request: { method: "POST", url: "Binary" } });
    }
  }
  const list = {
    fullUrl: `urn:uuid:${randomUUID()}`,
    resource: {
      resourceType: "List",
      meta: { profile: [MHD_SUBMISSION_SET_PROFILE] },
      identifier: [{ system: UNIQUE_ID_SYSTEM, value: `urn:uuid:${randomUUID()}` }],
      status: "current",
      mode: "working",
      code: { coding: [{ system: MHD_LIST_TYPES, code: "submissionset" }] },
      date: now.toISOString(),
      source: { identifier: { system: FINESS_SYSTEM, value: structureIdNat(submission.sourceFiness) } },
      entry: docUrls.map((reference) => ({ item: { reference } })),
    },
    request: { method: "POST", url: "List" },
  };
  return { resourceType: "Bundle", type: "transaction", entry: [list, ...entries] };
}
