import { z } from "zod";
import { normalizeNirInput } from "@/lib/identity/nir";
import { checkUpload, MAX_UPLOAD_BYTES } from "@/lib/documents/check-upload";
import { contentDigests, sha1HexToBase64 } from "@/lib/documents/content-digest";
import { classOfType, getDocumentType } from "@/lib/reference/document-types";
import { parseStructureIdNat } from "@/lib/reference/idnat-struct";
import { isConfidentialityCode, isMaskingCode, type TConfidentialityCode, type TMaskingFlags } from "@/lib/reference/masking";
import {
  CLASS_SYSTEM,
  CONFIDENTIALITY_SYSTEMS,
  FINESS_SYSTEM,
  IDNAT_PS_SYSTEM,
  INS_SYSTEMS,
  LOINC_SYSTEMS,
  MAX_DOCUMENTS_PER_BUNDLE,
  TRE_A05_SYSTEM,
  VISIBILITY_SYSTEM,
} from "./constants";
import { FhirError, type TIssueCode } from "./operation-outcome";
import { CDA_MEDIA_TYPE, isCdaContentType } from "@/lib/cda/constants";
import { checkCdaAgainstMetadata } from "@/lib/cda/check-against-metadata";

/**
 * Reading an ITI-65 "Provide Document Bundle": a transaction Bundle with one List
 * (SubmissionSet), one or more DocumentReference and their Binary (or attachment.data).
 *
 * Where the DocumentReference carries what the DMP needs (documented in the README):
 * - masterIdentifier.value: the document's unique id (OID, "urn:oid:…" or "urn:uuid:…");
 * - subject → a contained Patient: identifier INS (urn:oid:1.2.250.1.213.1.4.8, or
 *   …4.10 for test identities) = NIR with key, birthDate, and multipleBirthInteger = the
 *   birth rank (rang de naissance, 1 when absent); or a logical reference by INS
 *   (subject.identifier, as ITI-67 answers), the birth date and rank then coming from the
 *   contained Patient of context.sourcePatientInfo (MHD's place for the patient's traits);
 * - type (JDV_J66, LOINC or TRE_A05), category (JDV_J57 class, must be the type's class);
 * - author → a contained Practitioner or PractitionerRole (or a logical reference) with
 *   the IdNat_PS;
 * - custodian → the structure, identifier IdNat_Struct "1"+FINESS (or the bare FINESS),
 *   in the reference or in a contained Organization;
 * - securityLabel: one of N/R/V (HL7 Confidentiality) plus any TRE_A07 masking code;
 * - context.period.start: date of the act (service date), else date;
 * - relatesTo [{ code: "replaces", target: { identifier: { value: <unique id> } } }], or
 *   target.reference "DocumentReference/<server id>" (MHD 4.2), optionally with the
 *   UpdateDocumentRefs entry PATCH DocumentReference/<id> (Parameters: status → superseded).
 * A reference to a contained resource ("#id") that the DocumentReference does not contain
 * is refused.
 */

/** Why one DocumentReference cannot be fed, with the HTTP status the bundle gets. */
export type TDocumentRejection = { status: number; code: TIssueCode; message: string };

export type TParsedContent = { bytes: Uint8Array; mediaType: string };

export type TParsedDocument = {
  uniqueId: string;
  nir: string;
  birthDate: string;
  birthRank: number;
  typeCode: string;
  classCode: string;
  title: string;
  authorIdNat: string;
  custodianFiness: string;
  confidentiality: TConfidentialityCode;
  masking: TMaskingFlags;
  serviceDate: Date;
  /** The replaced document by unique id (relatesTo.target.identifier)… */
  replacesUniqueId: string | null;
  /** …or by server id (relatesTo.target.reference "DocumentReference/<id>"). */
  replacesDocumentId: string | null;
  content: TParsedContent;
};

/** What could be read of an entry, for the FeedSubmission row even when it is rejected. */
export type TDocumentIdentity = { uniqueId: string; nir: string; birthDate: string; birthRank: number };

export type TDocumentEntry =
  | { index: number; ok: true; identity: TDocumentIdentity; document: TParsedDocument }
  | { index: number; ok: false; identity: TDocumentIdentity; rejection: TDocumentRejection };

/** An UpdateDocumentRefs entry (MHD 4.2): PATCH DocumentReference/<id>, status → superseded. */
export type TSupersedePatch = { index: number; documentId: string };

export type TParsedBundle = { documents: TDocumentEntry[]; patches: TSupersedePatch[] };

// ---------------------------------------------------------------------------

const ZCoding = z.object({ system: z.string().optional(), code: z.string().optional(), display: z.string().optional() });
const ZCodeableConcept = z.object({ coding: z.array(ZCoding).optional(), text: z.string().optional() });
const ZIdentifier = z.object({ system: z.string().optional(), value: z.string().optional() });
const ZReference = z.object({ reference: z.string().optional(), type: z.string().optional(), identifier: ZIdentifier.optional() });
const ZResource = z.object({ resourceType: z.string(), id: z.string().optional() }).loose();

const ZEntry = z.object({
  fullUrl: z.string().optional(),
  resource: ZResource,
  request: z.object({ method: z.string(), url: z.string().max(300) }),
});

/** The MHD Patch Parameters (IHE.MHD.Patch.Parameters): replace DocumentReference.status with superseded. */
const ZPatchParameters = z.object({
  resourceType: z.literal("Parameters"),
  parameter: z
    .array(
      z.object({
        name: z.literal("operation"),
        part: z.array(z.object({ name: z.string(), valueString: z.string().optional(), valueCode: z.string().optional() })),
      }),
    )
    .length(1),
});

/** A FHIR logical id (server id of a stored resource). */
const FHIR_ID = /^[A-Za-z0-9\-.]{1,64}$/;

const ZBundle = z.object({
  resourceType: z.literal("Bundle"),
  type: z.literal("transaction"),
  entry: z.array(z.unknown()).min(1).max(MAX_DOCUMENTS_PER_BUNDLE * 2 + 1),
});

const ZList = z.object({
  resourceType: z.literal("List"),
  status: z.string().optional(),
  mode: z.string().optional(),
  code: ZCodeableConcept.optional(),
  entry: z.array(z.object({ item: ZReference })).optional(),
});

const ZBinary = z.object({ resourceType: z.literal("Binary"), contentType: z.string().max(200), data: z.string().optional() });

const ZContainedPatient = z.object({
  resourceType: z.literal("Patient"),
  id: z.string().optional(),
  identifier: z.array(ZIdentifier).optional(),
  birthDate: z.string().optional(),
  multipleBirthInteger: z.number().optional(),
});

const ZDocumentReference = z.object({
  resourceType: z.literal("DocumentReference"),
  contained: z.array(ZResource).optional(),
  masterIdentifier: ZIdentifier.optional(),
  status: z.string().optional(),
  type: ZCodeableConcept.optional(),
  category: z.array(ZCodeableConcept).optional(),
  subject: ZReference.optional(),
  date: z.string().optional(),
  author: z.array(ZReference).optional(),
  custodian: ZReference.optional(),
  relatesTo: z.array(z.object({ code: z.string(), target: ZReference })).optional(),
  description: z.string().optional(),
  securityLabel: z.array(ZCodeableConcept).optional(),
  content: z
    .array(
      z.object({
        attachment: z.object({
          contentType: z.string().optional(),
          data: z.string().optional(),
          url: z.string().optional(),
          title: z.string().optional(),
          size: z.number().optional(),
          hash: z.string().optional(),
        }),
        format: ZCoding.optional(),
      }),
    )
    .optional(),
  context: z
    .object({
      period: z.object({ start: z.string().optional() }).optional(),
      sourcePatientInfo: ZReference.optional(),
    })
    .optional(),
});

type TDocumentReference = z.infer<typeof ZDocumentReference>;
type TBinary = z.infer<typeof ZBinary>;

const DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?)?$/;
const UNIQUE_ID = /^(?:urn:oid:)?([0-2](?:\.\d+){2,40})$|^(urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i;
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/** The maximum size of one document's content (decoded), as for any upload. */
export { MAX_UPLOAD_BYTES as MAX_DOCUMENT_BYTES } from "@/lib/documents/check-upload";

class Rejection extends Error {
  constructor(readonly rejection: TDocumentRejection) {
    super(rejection.message);
  }
}

function reject(status: number, code: TIssueCode, message: string): never {
  throw new Rejection({ status, code, message });
}

/** A document unique id as stored: the OID without "urn:oid:", or the whole "urn:uuid:…". */
export function normalizeUniqueId(value: string | undefined): string | null {
  if (!value) return null;
  const m = UNIQUE_ID.exec(value.trim());
  if (!m) return null;
  return m[1] ?? (m[2] as string).toLowerCase();
}

function contained(dr: TDocumentReference, reference: string | undefined): Record<string, unknown> | undefined {
  if (!reference?.startsWith("#")) return undefined;
  return dr.contained?.find((r) => r.id === reference.slice(1));
}

/**
 * The contained resource a "#id" reference designates, of the expected types; undefined
 * when the reference is not a "#id" one. A "#id" the DocumentReference does not contain
 * (or of another type) is refused: the reference would otherwise be silently ignored.
 */
function resolveContained(dr: TDocumentReference, reference: string | undefined, where: string, types: readonly string[]): Record<string, unknown> | undefined {
  if (!reference?.startsWith("#")) return undefined;
  const found = contained(dr, reference);
  if (!found || !types.includes(found.resourceType as string)) {
    reject(400, "not-found", `${where} : la référence « ${reference.slice(0, 64)} » ne désigne aucune ressource ${types.join(" ou ")} contenue (DocumentReference.contained).`);
  }
  return found;
}

function asPatient(raw: Record<string, unknown> | undefined) {
  const parsed = raw ? ZContainedPatient.safeParse(raw) : undefined;
  return parsed?.success ? parsed.data : undefined;
}

function insOf(identifiers: z.infer<typeof ZIdentifier>[] | undefined): z.infer<typeof ZIdentifier> | undefined {
  return identifiers?.find((i) => INS_SYSTEMS.includes(i.system as (typeof INS_SYSTEMS)[number]) && i.value);
}

/** The subject as sent: the contained Patient it points to, or its logical INS identifier, and the traits' Patient. */
function subjectOf(dr: TDocumentReference): { patient?: z.infer<typeof ZContainedPatient>; ins?: z.infer<typeof ZIdentifier>; traits?: z.infer<typeof ZContainedPatient> } {
  const subjectPatient = asPatient(contained(dr, dr.subject?.reference));
  const sourcePatient = asPatient(contained(dr, dr.context?.sourcePatientInfo?.reference));
  const logicalIns = dr.subject?.identifier && insOf([dr.subject.identifier]);
  return { patient: subjectPatient, ins: subjectPatient ? insOf(subjectPatient.identifier) : logicalIns, traits: subjectPatient ?? sourcePatient };
}

type TDocumentReferenceParse = ReturnType<typeof ZDocumentReference.safeParse>;

/** Best-effort identity of a DocumentReference (for the FeedSubmission row of a rejection). */
export function readIdentity(raw: unknown): TDocumentIdentity {
  return identityOf(ZDocumentReference.safeParse(raw));
}

function identityOf(parsed: TDocumentReferenceParse): TDocumentIdentity {
  const dr = parsed.success ? parsed.data : undefined;
  const { ins, traits: patient } = dr ? subjectOf(dr) : {};
  const clip = (s: string | undefined, n: number) => (s ?? "").slice(0, n);
  return {
    uniqueId: clip(normalizeUniqueId(dr?.masterIdentifier?.value) ?? dr?.masterIdentifier?.value ?? "", 128),
    nir: clip(ins?.value ? normalizeNirInput(ins.value) : "", 20),
    birthDate: clip(patient?.birthDate, 10),
    birthRank: Number.isInteger(patient?.multipleBirthInteger) ? (patient?.multipleBirthInteger as number) : 1,
  };
}

function codeFrom(concept: z.infer<typeof ZCodeableConcept> | undefined, systems: readonly string[]): string | undefined {
  return concept?.coding?.find((c) => c.system && systems.includes(c.system) && c.code)?.code;
}

function parseType(dr: TDocumentReference): { typeCode: string; classCode: string } {
  const coding = dr.type?.coding?.find((c) => c.code);
  if (!coding?.code) reject(400, "required", "DocumentReference.type : code du type de document (JDV_J66) manquant.");
  const type = getDocumentType(coding.code);
  if (!type) reject(422, "business-rule", `Type de document inconnu : « ${coding.code.slice(0, 40)} » n'appartient pas au jeu de valeurs JDV_J66.`);
  const expectedSystems: readonly string[] = type.system === "LOINC" ? LOINC_SYSTEMS : [TRE_A05_SYSTEM];
  if (coding.system && !expectedSystems.includes(coding.system)) {
    reject(422, "business-rule", `DocumentReference.type : le code ${type.code} doit être dans le système ${expectedSystems[0]}.`);
  }
  const classCode = codeFrom(dr.category?.[0], [CLASS_SYSTEM]) ?? dr.category?.[0]?.coding?.[0]?.code;
  if (!classCode) reject(400, "required", "DocumentReference.category : classe du document (JDV_J57) manquante.");
  if (classCode !== classOfType(type.code)) {
    reject(422, "business-rule", `La classe ${classCode.slice(0, 10)} ne correspond pas au type ${type.code} (classe attendue : ${type.classCode}).`);
  }
  return { typeCode: type.code, classCode };
}

function parseIdentity(dr: TDocumentReference): { nir: string; birthDate: string; birthRank: number } {
  resolveContained(dr, dr.subject?.reference, "DocumentReference.subject", ["Patient"]);
  resolveContained(dr, dr.context?.sourcePatientInfo?.reference, "DocumentReference.context.sourcePatientInfo", ["Patient"]);
  const { patient, ins, traits } = subjectOf(dr);
  if (!patient && !dr.subject?.identifier) {
    reject(
      400,
      "required",
      "DocumentReference.subject doit désigner un Patient contenu (#id) portant l'INS, la date et le rang de naissance, ou le patient par son INS (subject.identifier) avec ses traits dans context.sourcePatientInfo.",
    );
  }
  if (!ins?.value) reject(400, "required", "Patient : identifiant INS (NIR, système urn:oid:1.2.250.1.213.1.4.8) manquant.");
  if (!patient) {
    if (!traits) {
      reject(400, "required", "DocumentReference.subject désigne le patient par son INS : la date et le rang de naissance sont attendus dans un Patient contenu désigné par context.sourcePatientInfo.");
    }
    const traitsIns = insOf(traits.identifier);
    if (traitsIns?.value && normalizeNirInput(traitsIns.value) !== normalizeNirInput(ins.value)) {
      reject(422, "business-rule", "L'INS de context.sourcePatientInfo diffère de celui de DocumentReference.subject.");
    }
  }
  const patientTraits = traits as z.infer<typeof ZContainedPatient>;
  return traitsOf(patientTraits, ins.value);
}

function traitsOf(patient: z.infer<typeof ZContainedPatient>, insValue: string): { nir: string; birthDate: string; birthRank: number } {
  if (!patient.birthDate || !DATE.test(patient.birthDate)) {
    reject(400, "required", "Patient.birthDate : date de naissance manquante ou invalide (AAAA-MM-JJ attendu).");
  }
  const rank = patient.multipleBirthInteger ?? 1;
  if (!Number.isInteger(rank) || rank < 1 || rank > 99) reject(400, "value", "Patient.multipleBirthInteger : rang de naissance invalide (entier de 1 à 99).");
  return { nir: normalizeNirInput(insValue), birthDate: patient.birthDate, birthRank: rank };
}

function parseAuthor(dr: TDocumentReference): string {
  const ref = dr.author?.[0];
  if (!ref) reject(400, "required", "DocumentReference.author : auteur (IdNat_PS) manquant.");
  let fromContained = resolveContained(dr, ref.reference, "DocumentReference.author", ["Practitioner", "PractitionerRole"]);
  if (fromContained?.resourceType === "PractitionerRole") {
    // PDSm: the author is a PractitionerRole whose practitioner is contained too.
    const practitioner = z.object({ reference: z.string().optional() }).optional().catch(undefined).parse((fromContained as { practitioner?: unknown }).practitioner);
    fromContained = resolveContained(dr, practitioner?.reference, "PractitionerRole.practitioner", ["Practitioner"]) ?? fromContained;
  }
  const identifiers = fromContained
    ? z.array(ZIdentifier).catch([]).parse((fromContained as { identifier?: unknown }).identifier ?? [])
    : ref.identifier
      ? [ref.identifier]
      : [];
  const idNat = identifiers.find((i) => i.system === IDNAT_PS_SYSTEM)?.value;
  if (!idNat || idNat.length > 40) reject(400, "required", `DocumentReference.author : identifiant national (système ${IDNAT_PS_SYSTEM}) manquant.`);
  return idNat;
}

const STRUCTURE_SYSTEMS = [FINESS_SYSTEM, "http://finess.sante.gouv.fr"];

/** The custodian's FINESS, from its IdNat_Struct ("1" + FINESS) in the reference or in the contained Organization. */
function parseCustodian(dr: TDocumentReference): string {
  const organization = resolveContained(dr, dr.custodian?.reference, "DocumentReference.custodian", ["Organization"]);
  const identifiers = organization
    ? z.array(ZIdentifier).catch([]).parse((organization as { identifier?: unknown }).identifier ?? [])
    : dr.custodian?.identifier
      ? [dr.custodian.identifier]
      : [];
  const id = identifiers.find((i) => i.system && STRUCTURE_SYSTEMS.includes(i.system));
  if (!id) return reject(400, "required", `DocumentReference.custodian : structure (identifiant ${FINESS_SYSTEM}, « 1 » + FINESS) manquante.`);
  const read = parseStructureIdNat(id.value);
  if (!read.ok) return reject(400, "value", `DocumentReference.custodian : ${read.reason}`);
  return read.finess;
}

function parseSecurity(dr: TDocumentReference): { confidentiality: TConfidentialityCode; masking: TMaskingFlags } {
  let confidentiality: TConfidentialityCode | null = null;
  const masking: TMaskingFlags = { hiddenFromPros: false, hiddenFromPatient: false, hiddenFromLegalReps: false };
  for (const label of dr.securityLabel ?? []) {
    for (const c of label.coding ?? []) {
      const code = c.code ?? "";
      if (c.system && (CONFIDENTIALITY_SYSTEMS as readonly string[]).includes(c.system) && isConfidentialityCode(code)) {
        if (confidentiality && confidentiality !== code) reject(422, "business-rule", "securityLabel : un seul niveau de confidentialité N, R ou V est admis.");
        confidentiality = code;
      } else if (c.system === VISIBILITY_SYSTEM && isMaskingCode(code)) {
        if (code === "MASQUE_PS") masking.hiddenFromPros = true;
        if (code === "INVISIBLE_PATIENT") masking.hiddenFromPatient = true;
        if (code === "INVISIBLE_REPRESENTANTS_LEGAUX") masking.hiddenFromLegalReps = true;
      } else {
        reject(422, "business-rule", `securityLabel : code « ${code.slice(0, 40)} » (${(c.system ?? "sans système").slice(0, 80)}) hors du jeu de valeurs JDV_J58.`);
      }
    }
  }
  return { confidentiality: confidentiality ?? "N", masking };
}

function decodeBase64(data: string, where: string): Uint8Array {
  const compact = data.replace(/\s+/g, "");
  if (compact.length % 4 !== 0 || !BASE64.test(compact)) reject(400, "invalid", `${where} : contenu base64 invalide.`);
  return new Uint8Array(Buffer.from(compact, "base64"));
}

function parseContent(dr: TDocumentReference, binaries: ReadonlyMap<string, TBinary>): TParsedContent {
  const attachment = dr.content?.[0]?.attachment;
  if (!attachment) reject(400, "required", "DocumentReference.content.attachment manquant.");
  let bytes: Uint8Array;
  let declared = attachment.contentType;
  if (attachment.data !== undefined) {
    bytes = decodeBase64(attachment.data, "attachment.data");
  } else if (attachment.url) {
    const binary = binaries.get(attachment.url);
    if (!binary) reject(400, "not-found", `attachment.url « ${attachment.url.slice(0, 100)} » ne désigne aucun Binary du lot.`);
    if (binary.data === undefined) reject(400, "required", "Binary.data manquant.");
    bytes = decodeBase64(binary.data, "Binary.data");
    declared = declared ?? binary.contentType;
  } else {
    return reject(400, "required", "DocumentReference.content.attachment : ni data ni url vers un Binary du lot.");
  }
  // A CDA R2 document is checked against its metadata once they are read (parseDocumentReference).
  if (isCdaContentType(declared)) {
    if (bytes.length > MAX_UPLOAD_BYTES) reject(413, "too-long", "Contenu trop volumineux : un document ne peut dépasser 10 Mo.");
    checkDeclaredDigest(bytes, attachment);
    return { bytes, mediaType: CDA_MEDIA_TYPE };
  }
  const check = checkUpload(bytes, declared);
  if (!check.ok) {
    if (check.code === "TOO_LARGE") reject(413, "too-long", "Contenu trop volumineux : un document ne peut dépasser 10 Mo.");
    if (check.code === "EMPTY") reject(400, "required", "Le document est vide.");
    reject(422, "not-supported", `${check.message} (type déclaré : ${(declared ?? "aucun").slice(0, 60)}).`);
  }
  checkDeclaredDigest(bytes, attachment);
  return { bytes, mediaType: check.mediaType };
}

/** A declared size or SHA-1 (XDS size and hash) must describe the bytes received: a transfer error is not fed. */
function checkDeclaredDigest(bytes: Uint8Array, attachment: { size?: number; hash?: string }): void {
  if (attachment.size !== undefined && attachment.size !== bytes.length) {
    reject(422, "invalid", `attachment.size (${attachment.size}) ne correspond pas à la taille du contenu reçu (${bytes.length} octets).`);
  }
  if (attachment.hash !== undefined && attachment.hash !== sha1HexToBase64(contentDigests(bytes).sha1)) {
    reject(422, "invalid", "attachment.hash ne correspond pas au contenu reçu (SHA-1 en base64 attendu).");
  }
}

function parseServiceDate(dr: TDocumentReference): Date {
  const raw = dr.context?.period?.start ?? dr.date;
  if (!raw) reject(400, "required", "Date de l'acte manquante (DocumentReference.context.period.start ou date).");
  if (!DATE_TIME.test(raw) || Number.isNaN(Date.parse(raw))) reject(400, "value", `Date de l'acte invalide : « ${raw.slice(0, 40)} ».`);
  return new Date(raw.length === 10 ? `${raw}T12:00:00.000Z` : raw);
}

/**
 * The replaced document: by unique id (target.identifier, or a "urn:oid:" reference), or by
 * server id (target.reference "DocumentReference/<id>", as MHD 4.2 writes it).
 */
function parseReplaces(dr: TDocumentReference): { replacesUniqueId: string | null; replacesDocumentId: string | null } {
  const relation = dr.relatesTo?.find((r) => r.code === "replaces");
  if (!relation) return { replacesUniqueId: null, replacesDocumentId: null };
  const documentId = serverIdOf(relation.target.reference, "DocumentReference");
  if (documentId && !relation.target.identifier) return { replacesUniqueId: null, replacesDocumentId: documentId };
  const uniqueId = normalizeUniqueId(relation.target.identifier?.value ?? relation.target.reference);
  if (!uniqueId) {
    reject(400, "required", "relatesTo.target : identifiant unique (identifier.value) ou référence « DocumentReference/<id> » du document remplacé manquant ou invalide.");
  }
  return { replacesUniqueId: uniqueId, replacesDocumentId: null };
}

/** The server id of a "Type/<id>" reference (relative, or absolute under any base), else null. */
function serverIdOf(reference: string | undefined, type: string): string | null {
  const m = reference ? new RegExp(`(?:^|/)${type}/([^/?#]+)(?:/_history/[^/?#]+)?$`).exec(reference) : null;
  return m && FHIR_ID.test(m[1] as string) ? (m[1] as string) : null;
}

function parseDocumentReference(parsed: TDocumentReferenceParse, binaries: ReadonlyMap<string, TBinary>): TParsedDocument {
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    reject(400, "structure", `DocumentReference mal formée (${issue ? `${issue.path.join(".")} : ${issue.message}` : "structure"}).`);
  }
  const dr = parsed.data;
  if (dr.status !== "current") reject(400, "value", "DocumentReference.status doit valoir « current ».");
  const uniqueId = normalizeUniqueId(dr.masterIdentifier?.value);
  if (!uniqueId) reject(400, "required", "DocumentReference.masterIdentifier : identifiant unique (OID ou urn:uuid) manquant ou invalide.");
  const identity = parseIdentity(dr);
  const { typeCode, classCode } = parseType(dr);
  const authorIdNat = parseAuthor(dr);
  const custodianFiness = parseCustodian(dr);
  const security = parseSecurity(dr);
  const serviceDate = parseServiceDate(dr);
  const replaces = parseReplaces(dr);
  if (replaces.replacesUniqueId === uniqueId) reject(422, "business-rule", "Un document ne peut pas se remplacer lui-même.");
  const content = parseContent(dr, binaries);
  if (content.mediaType === CDA_MEDIA_TYPE) {
    const meta = { ...identity, typeCode, authorIdNat, date: dr.date, serviceStart: dr.context?.period?.start, formatCode: dr.content?.[0]?.format?.code };
    const cda = checkCdaAgainstMetadata(content.bytes, meta);
    if (!cda.ok) reject(422, "business-rule", cda.message);
  }
  const title = (dr.description ?? dr.content?.[0]?.attachment.title ?? getDocumentType(typeCode)?.label ?? typeCode).trim().slice(0, 200);
  return { uniqueId, ...identity, typeCode, classCode, title, authorIdNat, custodianFiness, ...security, serviceDate, ...replaces, content };
}

function bundleError(message: string, code: TIssueCode = "structure"): FhirError {
  return new FhirError(400, code, message);
}

/**
 * Parses a Provide Document Bundle. Throws FhirError(400) when the bundle itself is not
 * an ITI-65 bundle; each DocumentReference is then read on its own: a bad one is a
 * rejection (with its HTTP status) rather than an exception.
 */
export function parseProvideBundle(json: unknown): TParsedBundle {
  if (typeof json !== "object" || json === null || Array.isArray(json)) throw bundleError("Le corps de la requête doit être une ressource FHIR JSON (Bundle).");
  const resourceType = (json as { resourceType?: unknown }).resourceType;
  if (resourceType !== "Bundle") {
    throw bundleError(`Ressource « ${String(resourceType ?? "absente").slice(0, 40)} » reçue : une transaction ITI-65 attend un Bundle de type « transaction ».`, "invalid");
  }
  const envelope = ZBundle.safeParse(json);
  if (!envelope.success) {
    throw bundleError(`Bundle invalide : type « transaction » et 1 à ${MAX_DOCUMENTS_PER_BUNDLE * 2 + 1} entrées attendus.`);
  }
  const lists: z.infer<typeof ZList>[] = [];
  const references: { index: number; resource: unknown; fullUrl?: string }[] = [];
  const binaries = new Map<string, TBinary>();
  const patches: TSupersedePatch[] = [];
  const binaryEntries: { index: number; urls: string[] }[] = [];
  for (const [index, rawEntry] of envelope.data.entry.entries()) {
    const entry = ZEntry.safeParse(rawEntry);
    if (!entry.success) throw bundleError(`Bundle.entry[${index}] : resource et request (method, url) sont obligatoires.`);
    const { resource, request, fullUrl } = entry.data;
    if (request.method === "PATCH") {
      patches.push(parsePatch(index, resource, request.url));
      continue;
    }
    if (request.method !== "POST") throw bundleError(`Bundle.entry[${index}].request.method : POST (ou PATCH de l'option UpdateDocumentRefs) attendu.`);
    switch (resource.resourceType) {
      case "List": {
        const list = ZList.safeParse(resource);
        if (!list.success) throw bundleError(`Bundle.entry[${index}] : List (SubmissionSet) mal formée.`);
        lists.push(list.data);
        break;
      }
      case "DocumentReference":
        references.push({ index, resource, fullUrl });
        break;
      case "Binary": {
        const binary = ZBinary.safeParse(resource);
        if (!binary.success) throw bundleError(`Bundle.entry[${index}] : Binary mal formé (contentType et data attendus).`);
        const urls = [...(fullUrl ? [fullUrl] : []), ...(resource.id ? [`Binary/${resource.id}`] : [])];
        for (const url of urls) binaries.set(url, binary.data);
        binaryEntries.push({ index, urls });
        break;
      }
      default:
        throw bundleError(`Bundle.entry[${index}] : ressource ${resource.resourceType.slice(0, 40)} non prise en charge (List, DocumentReference et Binary attendues).`, "not-supported");
    }
  }
  if (lists.length !== 1) throw bundleError("Le lot doit contenir exactement une List SubmissionSet.", "required");
  const list = lists[0] as z.infer<typeof ZList>;
  if (!list.code?.coding?.some((c) => c.code === "submissionset")) {
    throw bundleError("List.code doit valoir « submissionset » (MHDlistTypes).", "value");
  }
  if (references.length === 0) throw bundleError("Le lot ne contient aucune DocumentReference.", "required");
  if (references.length > MAX_DOCUMENTS_PER_BUNDLE) throw bundleError(`Au plus ${MAX_DOCUMENTS_PER_BUNDLE} documents par lot.`, "too-long");
  // A Binary is stored as the content of its document: one that no DocumentReference designates would be lost.
  const attachmentUrls = new Set(references.flatMap((r) => readAttachmentUrls(r.resource)));
  const orphan = binaryEntries.find((b) => !b.urls.some((url) => attachmentUrls.has(url)));
  if (orphan) throw bundleError(`Bundle.entry[${orphan.index}] : Binary désigné par aucune DocumentReference du lot (content.attachment.url).`, "business-rule");
  const fullUrls = new Set(references.map((r) => r.fullUrl).filter(Boolean));
  for (const item of list.entry ?? []) {
    if (item.item.reference && !fullUrls.has(item.item.reference)) {
      throw bundleError(`List.entry « ${item.item.reference.slice(0, 100)} » ne désigne aucune DocumentReference du lot.`, "not-found");
    }
  }
  const documents: TDocumentEntry[] = references.map(({ index, resource }) => {
    // Validated once, for both the identity and the document.
    const parsed = ZDocumentReference.safeParse(resource);
    const identity = identityOf(parsed);
    try {
      return { index, ok: true, identity, document: parseDocumentReference(parsed, binaries) };
    } catch (error) {
      if (error instanceof Rejection) return { index, ok: false, identity, rejection: error.rejection };
      throw error;
    }
  });
  const seen = new Set<string>();
  for (const d of documents) {
    if (!d.ok) continue;
    if (seen.has(d.document.uniqueId)) {
      return { documents: documents.map((x) => (x === d ? { index: d.index, ok: false as const, identity: d.identity, rejection: { status: 400, code: "duplicate" as const, message: "Le même identifiant unique apparaît deux fois dans le lot." } } : x)), patches };
    }
    seen.add(d.document.uniqueId);
  }
  return { documents, patches };
}

/**
 * An UpdateDocumentRefs entry (MHD 4.2): PATCH DocumentReference/<id> with the MHD Patch
 * Parameters that replace its status with "superseded". Nothing else may be patched.
 */
function parsePatch(index: number, resource: unknown, url: string): TSupersedePatch {
  const documentId = /^DocumentReference\/([^/?#]+)$/.exec(url)?.[1];
  if (!documentId || !FHIR_ID.test(documentId)) throw bundleError(`Bundle.entry[${index}].request.url : PATCH attendu sur « DocumentReference/<id> ».`);
  const parameters = ZPatchParameters.safeParse(resource);
  const part = (name: string) => parameters.data?.parameter[0]?.part.find((p) => p.name === name);
  const value = part("value");
  const isSupersede =
    parameters.success &&
    part("type")?.valueCode === "replace" &&
    part("path")?.valueString === "DocumentReference.status" &&
    (value?.valueCode ?? value?.valueString) === "superseded";
  if (!isSupersede) {
    throw bundleError(
      `Bundle.entry[${index}] : seul le PATCH de l'option UpdateDocumentRefs est accepté (Parameters : operation type « replace », path « DocumentReference.status », value « superseded »).`,
      "not-supported",
    );
  }
  return { index, documentId };
}

function readAttachmentUrls(resource: unknown): string[] {
  const content = (resource as { content?: unknown })?.content;
  if (!Array.isArray(content)) return [];
  return content.flatMap((c) => {
    const url = (c as { attachment?: { url?: unknown } })?.attachment?.url;
    return typeof url === "string" ? [url] : [];
  });
}

/** The DocumentReference identities of whatever JSON was sent (rows for a rejected bundle). */
export function documentIdentitiesOf(json: unknown): TDocumentIdentity[] {
  const entries = (json as { entry?: unknown })?.entry;
  if (!Array.isArray(entries)) return [];
  return entries
    .slice(0, MAX_DOCUMENTS_PER_BUNDLE * 2 + 1)
    .map((e) => (e as { resource?: { resourceType?: unknown } })?.resource)
    .filter((r) => r?.resourceType === "DocumentReference")
    .map(readIdentity);
}
