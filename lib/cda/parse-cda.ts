import { parseXml, type XmlDocument, type XmlElement, type XmlNode } from "@rgrove/parse-xml";
import { CDA_NAMESPACE, INS_OIDS, IDNAT_PS_OID, MAX_CDA_BYTES } from "./constants";
import { localName, sectionsOf, type TCdaSection } from "./render-model";

/** An HL7 v3 timestamp (TS) as written, and what it means. */
export type TCdaTime = { raw: string; day: string; instant: Date | null };

export type TCdaBody = { kind: "pdf"; pdf: Uint8Array } | { kind: "structured"; sections: TCdaSection[] };

/** What the platform reads of a CDA R2 document: the header it checks, the body it shows. */
export type TCdaDocument = {
  title: string;
  templateIds: string[];
  typeCode: string;
  typeCodeSystem: string;
  effectiveTime: TCdaTime;
  serviceStart: TCdaTime | null;
  patient: { insOid: string; nir: string; birthDate: string | null } | null;
  patientName: string;
  authorIdNats: string[];
  authorNames: string[];
  custodianName: string;
  body: TCdaBody;
};

export type TCdaParse = { ok: true; document: TCdaDocument } | { ok: false; message: string };

class CdaError extends Error {}

function fail(message: string): never {
  throw new CdaError(message);
}

function isElement(node: XmlNode): node is XmlElement {
  return node.type === "element";
}

function children(el: XmlElement | undefined, name: string): XmlElement[] {
  if (!el) return [];
  return el.children.filter((c): c is XmlElement => isElement(c) && localName(c.name) === name);
}

function child(el: XmlElement | undefined, name: string): XmlElement | undefined {
  return children(el, name)[0];
}

/** The element at a path of local names (first match at each step). */
function at(el: XmlElement | undefined, ...path: string[]): XmlElement | undefined {
  let current = el;
  for (const name of path) current = child(current, name);
  return current;
}

function personName(el: XmlElement | undefined): string {
  const name = child(el, "name");
  if (!name) return "";
  const parts = [...children(name, "prefix"), ...children(name, "given"), ...children(name, "family")].map((p) => p.text.trim()).filter(Boolean);
  return (parts.length > 0 ? parts.join(" ") : name.text).replace(/\s+/g, " ").trim();
}

/** YYYYMMDD[HH[MM[SS[.S]]]][+/-ZZZZ] (HL7 v3 TS), without regular expressions on the XML itself. */
export function parseHl7Time(raw: string | undefined, where: string): TCdaTime {
  const value = (raw ?? "").trim();
  if (!value) fail(`${where} : date absente.`);
  const m = /^(\d{4})(\d{2})(\d{2})(?:(\d{2})(\d{2})?(\d{2})?(?:\.\d{1,4})?)?([+-]\d{4})?$/.exec(value);
  if (!m) fail(`${where} : date « ${value.slice(0, 30)} » invalide (format AAAAMMJJ[hhmmss][+zzzz] attendu).`);
  const [, y, mo, d, h, mi, s, tz] = m as unknown as string[];
  const day = `${y}-${mo}-${d}`;
  if (Number.isNaN(Date.parse(`${day}T00:00:00Z`)) || new Date(`${day}T00:00:00Z`).toISOString().slice(0, 10) !== day) fail(`${where} : date « ${value.slice(0, 30)} » invalide.`);
  // An instant needs the time and its offset; without them only the day is known.
  const instant = h && tz ? new Date(`${day}T${h}:${mi ?? "00"}:${s ?? "00"}${tz.slice(0, 3)}:${tz.slice(3)}`) : null;
  return { raw: value, day, instant: instant && !Number.isNaN(instant.getTime()) ? instant : null };
}

function readBody(root: XmlElement): TCdaBody {
  const component = child(root, "component");
  const nonXml = child(component, "nonXMLBody");
  if (nonXml) {
    const text = child(nonXml, "text");
    if (!text) fail("nonXMLBody : élément text absent.");
    if ((text.attributes.mediaType ?? "") !== "application/pdf") fail("nonXMLBody/text : seul un PDF (mediaType « application/pdf ») est accepté.");
    if (text.attributes.representation !== "B64") fail("nonXMLBody/text : le PDF doit être encodé en base64 (representation « B64 »).");
    const compact = text.text.replace(/\s+/g, "");
    if (compact.length === 0 || compact.length % 4 !== 0 || !/^[A-Za-z0-9+/]*={0,2}$/.test(compact)) fail("nonXMLBody/text : contenu base64 invalide.");
    const pdf = new Uint8Array(Buffer.from(compact, "base64"));
    const signature = [0x25, 0x50, 0x44, 0x46, 0x2d]; // %PDF-
    if (!signature.every((b, i) => pdf[i] === b)) fail("nonXMLBody/text : le contenu n'est pas un PDF.");
    return { kind: "pdf", pdf };
  }
  const structured = child(component, "structuredBody");
  if (structured) return { kind: "structured", sections: sectionsOf(structured) };
  return fail("Corps du document absent : component/nonXMLBody ou component/structuredBody attendu.");
}

function readDocument(doc: XmlDocument): TCdaDocument {
  if (doc.children.some((c) => c.type === "doctype")) fail("Les déclarations DOCTYPE ne sont pas admises dans un document CDA.");
  const root = doc.root;
  if (!root || localName(root.name) !== "ClinicalDocument") fail("L'élément racine doit être ClinicalDocument.");
  const prefix = root.name.includes(":") ? root.name.slice(0, root.name.indexOf(":")) : "";
  const namespace = root.attributes[prefix ? `xmlns:${prefix}` : "xmlns"];
  if (namespace !== CDA_NAMESPACE) fail(`ClinicalDocument doit appartenir à l'espace de noms ${CDA_NAMESPACE}.`);

  const code = child(root, "code");
  if (!code?.attributes.code) fail("ClinicalDocument/code : type de document absent.");
  const effectiveTime = parseHl7Time(child(root, "effectiveTime")?.attributes.value, "ClinicalDocument/effectiveTime");
  const low = at(root, "documentationOf", "serviceEvent", "effectiveTime", "low")?.attributes.value;
  const serviceStart = low ? parseHl7Time(low, "documentationOf/serviceEvent/effectiveTime/low") : null;

  const patientRole = at(root, "recordTarget", "patientRole");
  const ins = children(patientRole, "id").find((id) => INS_OIDS.includes(id.attributes.root ?? ""));
  const birthTime = at(patientRole, "patient", "birthTime")?.attributes.value;
  const patient = ins?.attributes.extension
    ? { insOid: ins.attributes.root as string, nir: ins.attributes.extension.trim(), birthDate: birthTime ? parseHl7Time(birthTime, "recordTarget/patient/birthTime").day : null }
    : null;

  const authors = children(root, "author").map((a) => child(a, "assignedAuthor"));
  const authorIdNats = authors.flatMap((a) => children(a, "id").filter((id) => id.attributes.root === IDNAT_PS_OID && id.attributes.extension).map((id) => (id.attributes.extension as string).trim()));

  return {
    title: (child(root, "title")?.text ?? "").replace(/\s+/g, " ").trim().slice(0, 200),
    templateIds: children(root, "templateId").map((t) => t.attributes.root ?? "").filter(Boolean),
    typeCode: code.attributes.code,
    typeCodeSystem: code.attributes.codeSystem ?? "",
    effectiveTime,
    serviceStart,
    patient,
    patientName: personName(at(patientRole, "patient")),
    authorIdNats,
    authorNames: authors.map((a) => personName(child(a, "assignedPerson"))).filter(Boolean),
    custodianName: (at(root, "custodian", "assignedCustodian", "representedCustodianOrganization", "name")?.text ?? "").trim(),
    body: readBody(root),
  };
}

/**
 * Parses a CDA R2 document. The XML parser resolves no DTD and no custom entity (no XXE,
 * no entity expansion), a DOCTYPE is refused, and the size is bounded before parsing.
 * Never throws: a document that is not a readable CDA gives a French message.
 */
export function parseCda(bytes: Uint8Array): TCdaParse {
  if (bytes.length === 0) return { ok: false, message: "Le document CDA est vide." };
  if (bytes.length > MAX_CDA_BYTES) return { ok: false, message: "Le document CDA dépasse la taille maximale de 10 Mo." };
  let xml: string;
  try {
    xml = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return { ok: false, message: "Le document CDA doit être encodé en UTF-8." };
  }
  try {
    const doc = parseXml(xml, { preserveDocumentType: true });
    return { ok: true, document: readDocument(doc) };
  } catch (error) {
    if (error instanceof CdaError) return { ok: false, message: `Document CDA invalide : ${error.message}` };
    if (error instanceof RangeError) return { ok: false, message: "Document CDA invalide : imbrication XML trop profonde." };
    const detail = error instanceof Error ? error.message.split("\n")[0]?.slice(0, 160) : "";
    return { ok: false, message: `Le document CDA n'est pas un XML bien formé${detail ? ` (${detail})` : ""}.` };
  }
}
