import { normalizeNirInput } from "@/lib/identity/nir";
import { documentTypeSystemOid } from "@/lib/reference/document-types";
import { getCdaFormat, CDA_FORMATS } from "./constants";
import { parseCda, type TCdaDocument, type TCdaTime } from "./parse-cda";

/** What the DocumentReference says of the document, as the ITI-65 reading parsed it. */
export type TCdaMetadata = {
  nir: string;
  birthDate: string;
  typeCode: string;
  authorIdNat: string;
  /** DocumentReference.date (the document's creation), as sent. */
  date?: string;
  /** DocumentReference.context.period.start (the act), as sent. */
  serviceStart?: string;
  /** DocumentReference.content.format.code. */
  formatCode?: string;
};

export type TCdaCheck = { ok: true; document: TCdaDocument } | { ok: false; message: string };

const PARIS_DAY = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Paris", year: "numeric", month: "2-digit", day: "2-digit" });

/** A FHIR date or dateTime compared with an HL7 timestamp: same instant when both have one, else same day (Paris). */
function sameMoment(fhir: string, cda: TCdaTime): boolean {
  const hasTime = fhir.length > 10;
  const instant = hasTime ? new Date(fhir) : null;
  if (hasTime && Number.isNaN(instant?.getTime())) return false;
  if (instant && cda.instant) return Math.abs(instant.getTime() - cda.instant.getTime()) < 1000;
  const fhirDay = instant && /(Z|[+-]\d{2}:\d{2})$/.test(fhir) ? PARIS_DAY.format(instant) : fhir.slice(0, 10);
  return fhirDay === cda.day;
}

function frenchDay(day: string): string {
  return day.split("-").reverse().join("/");
}

/**
 * The CDA document must say what its DocumentReference says: same patient (INS in
 * recordTarget), the DocumentReference author among the CDA authors, same type code,
 * same dates, and a body of the kind its formatCode announces. Returns the first
 * disagreement as a French sentence naming both values.
 */
export function checkCdaAgainstMetadata(bytes: Uint8Array, meta: TCdaMetadata): TCdaCheck {
  const format = getCdaFormat(meta.formatCode);
  if (!format) {
    const accepted = CDA_FORMATS.map((f) => f.code).join(", ");
    return { ok: false, message: meta.formatCode ? `DocumentReference.content.format « ${meta.formatCode.slice(0, 60)} » n'est pas un formatCode CDA accepté (${accepted}).` : `DocumentReference.content.format : formatCode CI-SIS obligatoire pour un document CDA (${accepted}).` };
  }
  const parsed = parseCda(bytes);
  if (!parsed.ok) return parsed;
  const cda = parsed.document;
  const problems: string[] = [];
  if (cda.body.kind !== format.body) {
    problems.push(format.body === "pdf"
      ? `le formatCode ${format.code} annonce un PDF dans component/nonXMLBody, le CDA a un corps structuré`
      : `le formatCode ${format.code} annonce un corps structuré (structuredBody), le CDA a un corps non structuré`);
  }
  if (!cda.patient) {
    problems.push("le patient du CDA (recordTarget/patientRole/id) ne porte pas d'INS (OID 1.2.250.1.213.1.4.8 ou 1.2.250.1.213.1.4.10)");
  } else if (normalizeNirInput(cda.patient.nir) !== normalizeNirInput(meta.nir)) {
    problems.push(`l'INS du patient diffère (CDA : ${cda.patient.nir.slice(0, 20)}, DocumentReference : ${meta.nir})`);
  } else if (cda.patient.birthDate && cda.patient.birthDate !== meta.birthDate) {
    problems.push(`la date de naissance du patient diffère (CDA : ${frenchDay(cda.patient.birthDate)}, DocumentReference : ${frenchDay(meta.birthDate)})`);
  }
  if (!cda.authorIdNats.includes(meta.authorIdNat)) {
    problems.push(`l'auteur diffère (CDA : ${cda.authorIdNats.map((a) => a.slice(0, 30)).join(", ") || "aucun IdNat_PS"}, DocumentReference : ${meta.authorIdNat})`);
  }
  const typeOid = documentTypeSystemOid(meta.typeCode);
  if (cda.typeCode !== meta.typeCode || (cda.typeCodeSystem && typeOid && cda.typeCodeSystem !== typeOid)) {
    problems.push(`le type de document diffère (CDA code/@code : ${cda.typeCode.slice(0, 30)}, DocumentReference.type : ${meta.typeCode})`);
  }
  if (meta.date && !sameMoment(meta.date, cda.effectiveTime)) {
    problems.push(`la date du document diffère (CDA effectiveTime : ${cda.effectiveTime.raw}, DocumentReference.date : ${meta.date.slice(0, 40)})`);
  }
  if (meta.serviceStart && cda.serviceStart && !sameMoment(meta.serviceStart, cda.serviceStart)) {
    problems.push(`la date de l'acte diffère (CDA serviceEvent/effectiveTime/low : ${cda.serviceStart.raw}, DocumentReference.context.period.start : ${meta.serviceStart.slice(0, 40)})`);
  }
  if (problems.length > 0) return { ok: false, message: `Le document CDA ne correspond pas à sa DocumentReference : ${problems.join(" ; ")}.` };
  return { ok: true, document: cda };
}
