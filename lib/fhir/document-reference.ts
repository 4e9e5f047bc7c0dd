import type { TDocumentListItem } from "@/lib/documents/document-list-item";
import { documentClassLabel, documentTypeLabel, getDocumentType } from "@/lib/reference/document-types";
import { sha1HexToBase64 } from "@/lib/documents/content-digest";
import { securityCodings } from "@/lib/reference/masking";
import { structureIdNat } from "@/lib/reference/idnat-struct";
import { CLASS_SYSTEM, FINESS_SYSTEM, IDNAT_PS_SYSTEM, INS_SYSTEMS, LOINC_SYSTEMS, TRE_A05_SYSTEM, UNIQUE_ID_SYSTEM } from "./constants";

/** The extra fields of a document a DocumentReference shows beyond the list item. */
export type TDocumentForFhir = TDocumentListItem & {
  uniqueId: string;
  patientNir: string;
  authorIdNat: string | null;
  structureFiness: string | null;
  replacesUniqueId: string | null;
  /** SHA-1 of the content in hex; null for rows stored before it was kept. */
  sha1: string | null;
};

const STATUS = { ACTIVE: "current", REPLACED: "superseded", ARCHIVED: "entered-in-error" } as const;

export function uniqueIdAsUri(uniqueId: string): string {
  return uniqueId.startsWith("urn:") ? uniqueId : `urn:oid:${uniqueId}`;
}

function typeSystem(code: string): string {
  return getDocumentType(code)?.system === "TRE_A05" ? TRE_A05_SYSTEM : LOINC_SYSTEMS[0];
}

function isoDateTime(date: Date): string {
  return date.toISOString();
}

/**
 * A document as an MHD DocumentReference (ITI-67 answer). The attachment URL is the
 * ITI-68 retrieve address (Binary/<id>). No docStatus: MHD Minimal forbids it (0..0). Only metadata the reader may see is mapped:
 * the caller already filtered the document through lib/access.
 */
export function toDocumentReference(doc: TDocumentForFhir, baseUrl: string): Record<string, unknown> {
  const contained: Record<string, unknown>[] = [];
  const author: Record<string, unknown>[] = [];
  if (doc.authorIdNat) {
    contained.push({
      resourceType: "Practitioner",
      id: "author",
      identifier: [{ system: IDNAT_PS_SYSTEM, value: doc.authorIdNat }],
      ...(doc.authorName ? { name: [{ text: doc.authorName }] } : {}),
    });
    author.push({ reference: "#author" });
  }
  const resource: Record<string, unknown> = {
    resourceType: "DocumentReference",
    id: doc.id,
    meta: { lastUpdated: isoDateTime(doc.submittedAt) },
    ...(contained.length > 0 ? { contained } : {}),
    masterIdentifier: { system: UNIQUE_ID_SYSTEM, value: uniqueIdAsUri(doc.uniqueId) },
    identifier: [{ system: UNIQUE_ID_SYSTEM, value: `urn:dmp-sim:document:${doc.id}` }],
    status: STATUS[doc.status],
    type: { coding: [{ system: typeSystem(doc.typeCode), code: doc.typeCode, display: documentTypeLabel(doc.typeCode) }] },
    category: [{ coding: [{ system: CLASS_SYSTEM, code: doc.classCode, display: documentClassLabel(doc.classCode) }] }],
    subject: { identifier: { system: INS_SYSTEMS[0], value: doc.patientNir }, display: "Titulaire du dossier" },
    date: isoDateTime(doc.submittedAt),
    ...(author.length > 0 ? { author } : {}),
    ...(doc.structureFiness
      ? { custodian: { identifier: { system: FINESS_SYSTEM, value: structureIdNat(doc.structureFiness) }, ...(doc.structureName ? { display: doc.structureName } : {}) } }
      : {}),
    ...(doc.replacesUniqueId ? { relatesTo: [{ code: "replaces", target: { identifier: { system: UNIQUE_ID_SYSTEM, value: uniqueIdAsUri(doc.replacesUniqueId) } } }] } : {}),
    description: doc.title,
    securityLabel: securityCodings(doc.confidentiality, doc).map((c) => ({ coding: [{ system: `urn:oid:${c.system}`, code: c.code, display: c.display }] })),
    content: [
      {
        attachment: {
          contentType: doc.mediaType,
          url: `${baseUrl}/Binary/${doc.id}`,
          size: doc.size,
          ...(doc.sha1 ? { hash: sha1HexToBase64(doc.sha1) } : {}),
          title: doc.title,
          creation: isoDateTime(doc.serviceDate),
        },
      },
    ],
    context: { period: { start: isoDateTime(doc.serviceDate) } },
  };
  return resource;
}

/** The JSON of the parts of a DocumentReference that only depend on codes, made once per code. */
const codeFragments = new Map<string, string>();

function fragment(key: string, make: () => unknown): string {
  let json = codeFragments.get(key);
  if (json === undefined) {
    json = JSON.stringify(make());
    codeFragments.set(key, json);
  }
  return json;
}

/** The systems' JSON, written once. */
const J = {
  idNat: JSON.stringify(IDNAT_PS_SYSTEM),
  uniqueId: JSON.stringify(UNIQUE_ID_SYSTEM),
  ins: JSON.stringify(INS_SYSTEMS[0]),
  finess: JSON.stringify(FINESS_SYSTEM),
};

/**
 * toDocumentReference written straight as JSON text, exactly JSON.stringify of it (same
 * members, same order; document-reference.test.ts holds them equal): an ITI-67 page is 50
 * of them, and building the objects then serialising them cost more than the search's SQL.
 * The parts that depend only on codes (type, category, security labels) are made once, the
 * systems' JSON too; one string grows by concatenation (V8 joins the pieces once, at the end).
 */
export function documentReferenceJson(doc: TDocumentForFhir, baseUrl: string): string {
  const q = JSON.stringify;
  const submitted = q(isoDateTime(doc.submittedAt));
  const service = q(isoDateTime(doc.serviceDate));
  const title = q(doc.title);
  const id = q(doc.id);
  let json = `{"resourceType":"DocumentReference","id":${id},"meta":{"lastUpdated":${submitted}}`;
  if (doc.authorIdNat) {
    json += `,"contained":[{"resourceType":"Practitioner","id":"author","identifier":[{"system":${J.idNat},"value":${q(doc.authorIdNat)}}]`;
    json += doc.authorName ? `,"name":[{"text":${q(doc.authorName)}}]}]` : "}]";
  }
  json +=
    `,"masterIdentifier":{"system":${J.uniqueId},"value":${q(uniqueIdAsUri(doc.uniqueId))}}` +
    `,"identifier":[{"system":${J.uniqueId},"value":${q(`urn:dmp-sim:document:${doc.id}`)}}]` +
    `,"status":"${STATUS[doc.status]}"` +
    `,"type":${fragment(`type|${doc.typeCode}`, () => ({ coding: [{ system: typeSystem(doc.typeCode), code: doc.typeCode, display: documentTypeLabel(doc.typeCode) }] }))}` +
    `,"category":${fragment(`class|${doc.classCode}`, () => [{ coding: [{ system: CLASS_SYSTEM, code: doc.classCode, display: documentClassLabel(doc.classCode) }] }])}` +
    `,"subject":{"identifier":{"system":${J.ins},"value":${q(doc.patientNir)}},"display":"Titulaire du dossier"}` +
    `,"date":${submitted}`;
  if (doc.authorIdNat) json += `,"author":[{"reference":"#author"}]`;
  if (doc.structureFiness) {
    json += `,"custodian":{"identifier":{"system":${J.finess},"value":${q(structureIdNat(doc.structureFiness))}}` + (doc.structureName ? `,"display":${q(doc.structureName)}}` : "}");
  }
  if (doc.replacesUniqueId) {
    json += `,"relatesTo":[{"code":"replaces","target":{"identifier":{"system":${J.uniqueId},"value":${q(uniqueIdAsUri(doc.replacesUniqueId))}}}}]`;
  }
  const masking = { hiddenFromPros: doc.hiddenFromPros, hiddenFromPatient: doc.hiddenFromPatient, hiddenFromLegalReps: doc.hiddenFromLegalReps };
  json +=
    `,"description":${title}` +
    `,"securityLabel":${fragment(`security|${doc.confidentiality}|${Number(masking.hiddenFromPros)}${Number(masking.hiddenFromPatient)}${Number(masking.hiddenFromLegalReps)}`, () =>
      securityCodings(doc.confidentiality, masking).map((c) => ({ coding: [{ system: `urn:oid:${c.system}`, code: c.code, display: c.display }] })),
    )}` +
    `,"content":[{"attachment":{"contentType":${q(doc.mediaType)},"url":${q(`${baseUrl}/Binary/${doc.id}`)},"size":${q(doc.size)}` +
    (doc.sha1 ? `,"hash":"${sha1HexToBase64(doc.sha1)}"` : "") +
    `,"title":${title},"creation":${service}}}]` +
    `,"context":{"period":{"start":${service}}}}`;
  return json;
}
