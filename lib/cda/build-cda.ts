import { documentTypeLabel, documentTypeSystemOid } from "@/lib/reference/document-types";
import {
  CDA_NAMESPACE,
  CISIS_MINIMAL_TEMPLATE,
  HL7_FRANCE_HEADER_TEMPLATE,
  IDNAT_PS_OID,
  IDNAT_STRUCT_OID,
  VSM_TEMPLATE,
  XDS_SD_TEMPLATE,
} from "./constants";
import { INS_NIR_OID, INS_NIR_TEST_OID } from "@/lib/identity/ins";

export type TCdaBuildSection = {
  code?: { code: string; system: string; display: string };
  title: string;
  paragraphs?: string[];
  list?: string[];
  table?: { head: string[]; rows: string[][] };
  /** Raw narrative XML, only for test fixtures of hostile documents: never from a user. */
  unsafeNarrativeXml?: string;
};

export type TCdaBuildInput = {
  /** The document's unique id: an OID, or "urn:uuid:…". */
  uniqueId: string;
  typeCode: string;
  title: string;
  /** ClinicalDocument/effectiveTime: when the document was made. */
  createdAt: Date;
  /** documentationOf/serviceEvent/effectiveTime/low: the day of the act (AAAA-MM-JJ). */
  serviceDate: string;
  confidentiality?: "N" | "R" | "V";
  patient: { nir: string; isTestIdentity?: boolean; birthDate: string; family: string; given: string; sex?: "M" | "F" | "U" };
  author: { idNat: string; family: string; given: string; prefix?: string };
  custodian: { finess: string; name: string };
  body: { kind: "pdf"; pdf: Uint8Array } | { kind: "structured"; volet: "vsm" | "vac-note"; sections: TCdaBuildSection[] };
};

/** Escapes text and attribute values (the builder writes XML, it never reads it). */
function esc(value: string): string {
  return value.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&apos;");
}

/** An HL7 v3 TS in UTC ("20260104103000+0000"). */
export function hl7Time(date: Date): string {
  const iso = date.toISOString();
  return `${iso.slice(0, 4)}${iso.slice(5, 7)}${iso.slice(8, 10)}${iso.slice(11, 13)}${iso.slice(14, 16)}${iso.slice(17, 19)}+0000`;
}

function hl7Day(day: string): string {
  return day.replaceAll("-", "");
}

function idOf(uniqueId: string): string {
  const uuid = uniqueId.toLowerCase().startsWith("urn:uuid:") ? uniqueId.slice(9).toUpperCase() : null;
  return `<id root="${esc(uuid ?? uniqueId.replace(/^urn:oid:/, ""))}"/>`;
}

function sectionXml(s: TCdaBuildSection): string {
  const parts: string[] = [];
  for (const p of s.paragraphs ?? []) parts.push(`<paragraph>${esc(p)}</paragraph>`);
  if (s.list?.length) parts.push(`<list>${s.list.map((i) => `<item>${esc(i)}</item>`).join("")}</list>`);
  if (s.table) {
    parts.push(
      `<table border="1"><thead><tr>${s.table.head.map((h) => `<th>${esc(h)}</th>`).join("")}</tr></thead><tbody>${s.table.rows
        .map((r) => `<tr>${r.map((c) => `<td>${esc(c)}</td>`).join("")}</tr>`)
        .join("")}</tbody></table>`,
    );
  }
  if (s.unsafeNarrativeXml) parts.push(s.unsafeNarrativeXml);
  const code = s.code ? `<code code="${esc(s.code.code)}" codeSystem="${esc(s.code.system)}" displayName="${esc(s.code.display)}"/>` : "";
  return `<component><section>${code}<title>${esc(s.title)}</title><text>${parts.join("")}</text></section></component>`;
}

/**
 * A CDA R2 document with the CI-SIS French header: for the hospital simulator (a letter
 * in "structuration minimale" with its PDF in nonXMLBody) and for test fixtures (VSM,
 * vaccination note). The header carries the same INS, author, type and dates as the
 * DocumentReference the caller builds, which the platform checks on reception.
 */
export function buildCda(input: TCdaBuildInput): string {
  const templates = [HL7_FRANCE_HEADER_TEMPLATE, CISIS_MINIMAL_TEMPLATE];
  if (input.body.kind === "pdf") templates.push(XDS_SD_TEMPLATE);
  else if (input.body.volet === "vsm") templates.push(VSM_TEMPLATE);
  const p = input.patient;
  const a = input.author;
  const typeSystem = documentTypeSystemOid(input.typeCode) ?? "2.16.840.1.113883.6.1";
  const body =
    input.body.kind === "pdf"
      ? `<nonXMLBody><text mediaType="application/pdf" representation="B64">${Buffer.from(input.body.pdf).toString("base64")}</text></nonXMLBody>`
      : `<structuredBody>${input.body.sections.map(sectionXml).join("")}</structuredBody>`;
  return `<?xml version="1.0" encoding="UTF-8"?>
<ClinicalDocument xmlns="${CDA_NAMESPACE}" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
  <realmCode code="FR"/>
  <typeId root="2.16.840.1.113883.1.3" extension="POCD_HD000040"/>
  ${templates.map((t) => `<templateId root="${t}"/>`).join("\n  ")}
  ${idOf(input.uniqueId)}
  <code code="${esc(input.typeCode)}" codeSystem="${typeSystem}" displayName="${esc(documentTypeLabel(input.typeCode))}"/>
  <title>${esc(input.title)}</title>
  <effectiveTime value="${hl7Time(input.createdAt)}"/>
  <confidentialityCode code="${input.confidentiality ?? "N"}" codeSystem="2.16.840.1.113883.5.25"/>
  <languageCode code="fr-FR"/>
  ${idOf(input.uniqueId).replace("<id ", "<setId ")}
  <versionNumber value="1"/>
  <recordTarget>
    <patientRole>
      <id root="${p.isTestIdentity ? INS_NIR_TEST_OID : INS_NIR_OID}" extension="${esc(p.nir)}"/>
      <patient>
        <name><given>${esc(p.given)}</given><family qualifier="BR">${esc(p.family)}</family></name>
        <administrativeGenderCode code="${p.sex ?? "U"}" codeSystem="2.16.840.1.113883.5.1"/>
        <birthTime value="${hl7Day(p.birthDate)}"/>
      </patient>
    </patientRole>
  </recordTarget>
  <author>
    <time value="${hl7Time(input.createdAt)}"/>
    <assignedAuthor>
      <id root="${IDNAT_PS_OID}" extension="${esc(a.idNat)}"/>
      <assignedPerson><name>${a.prefix ? `<prefix>${esc(a.prefix)}</prefix>` : ""}<given>${esc(a.given)}</given><family>${esc(a.family)}</family></name></assignedPerson>
    </assignedAuthor>
  </author>
  <custodian>
    <assignedCustodian>
      <representedCustodianOrganization>
        <id root="${IDNAT_STRUCT_OID}" extension="1${esc(input.custodian.finess)}"/>
        <name>${esc(input.custodian.name)}</name>
      </representedCustodianOrganization>
    </assignedCustodian>
  </custodian>
  <documentationOf>
    <serviceEvent>
      <effectiveTime><low value="${hl7Day(input.serviceDate)}"/></effectiveTime>
    </serviceEvent>
  </documentationOf>
  <component>${body}</component>
</ClinicalDocument>
`;
}
