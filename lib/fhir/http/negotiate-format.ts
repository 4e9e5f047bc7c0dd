import { randomUUID } from "node:crypto";
import { Fhir } from "fhir";
import { FHIR_JSON, FHIR_XML } from "../constants";
import { errorResponse, FhirError } from "../operation-outcome";
import { readLimitedBody } from "./read-body";

/**
 * The one place where the API speaks XML (IHE MHD requires both FHIR encodings). The
 * handlers only know JSON: an XML request body is converted to JSON when the handler reads
 * it (so after authentication, and under the same size limit), and a FHIR JSON answer is
 * converted to XML when the client asked for XML, by `_format` (which wins, as FHIR says)
 * or by Accept. The conversion is the `fhir` library's (R4 definitions), not ours.
 */

export type TFhirFormat = "json" | "xml";

const JSON_NAMES = new Set(["json", "application/json", "application/fhir+json"]);
const XML_NAMES = new Set(["xml", "text/xml", "application/xml", "application/fhir+xml"]);
const XML_MEDIA_TYPES = new Set(["application/fhir+xml", "application/xml", "text/xml"]);

let converter: Fhir | null = null;
function fhir(): Fhir {
  converter ??= new Fhir();
  return converter;
}

function mediaTypeOf(value: string | null): string {
  return (value ?? "").split(";")[0]?.trim().toLowerCase() ?? "";
}

/** The format of the answer: `_format` first, then the first FHIR type Accept names; JSON by default. */
export function negotiateFormat(request: Request): { format: TFhirFormat; byParameter: boolean } {
  const parameter = new URL(request.url).searchParams.get("_format");
  if (parameter !== null) {
    const name = mediaTypeOf(parameter);
    if (JSON_NAMES.has(name)) return { format: "json", byParameter: true };
    if (XML_NAMES.has(name)) return { format: "xml", byParameter: true };
    throw new FhirError(406, "not-supported", `_format « ${parameter.slice(0, 40)} » non pris en charge : json, xml, application/fhir+json ou application/fhir+xml attendu.`);
  }
  for (const part of (request.headers.get("accept") ?? "").split(",")) {
    const name = mediaTypeOf(part);
    if (JSON_NAMES.has(name)) return { format: "json", byParameter: false };
    if (XML_NAMES.has(name)) return { format: "xml", byParameter: false };
  }
  return { format: "json", byParameter: false };
}

const DATA_VALUE = '<data value="';
const SET_ASIDE_FROM = 4096;

/**
 * The XML with each long base64 `<data value="…">` (Binary.data, Attachment.data, which need
 * no XML escaping) replaced by a placeholder, by plain scanning (a regular expression
 * overflows its stack on megabytes).
 */
function setAsideBase64(xml: string, placeholder: (index: number) => string, setAside: string[]): string {
  const parts: string[] = [];
  let from = 0;
  for (;;) {
    const open = xml.indexOf(DATA_VALUE, from);
    if (open === -1) break;
    const start = open + DATA_VALUE.length;
    const end = xml.indexOf('"', start);
    if (end === -1) break;
    const value = xml.slice(start, end);
    if (value.length >= SET_ASIDE_FROM && !/[^A-Za-z0-9+/=\s]/.test(value)) {
      parts.push(xml.slice(from, start), placeholder(setAside.push(value) - 1));
      from = end;
    } else {
      parts.push(xml.slice(from, end));
      from = end;
    }
  }
  parts.push(xml.slice(from));
  return parts.join("");
}

/** Puts the set-aside base64 values back in place of their placeholders. */
function restoreSetAside(node: unknown, placeholder: RegExp, setAside: string[]): unknown {
  if (typeof node === "string") {
    const m = placeholder.exec(node);
    return m ? (setAside[Number(m[1])] as string).replace(/\s+/g, "") : node;
  }
  if (Array.isArray(node)) return node.map((item) => restoreSetAside(item, placeholder, setAside));
  if (node && typeof node === "object") {
    return Object.fromEntries(Object.entries(node).map(([key, value]) => [key, restoreSetAside(value, placeholder, setAside)]));
  }
  return node;
}

/**
 * A FHIR resource in XML → its JSON form; a French 400 for anything else. The library's XML
 * parser reads attributes a character at a time (seconds for a 10 MB document): the long
 * base64 values are set aside before parsing and put back after.
 */
export function xmlToResource(xml: string): unknown {
  if (xml.trim() === "") throw new FhirError(400, "invalid", "Corps de requête vide : une ressource FHIR XML est attendue.");
  const setAside: string[] = [];
  // Not base64 ("#"), and unguessable: no other value of the document can pass for one.
  const nonce = randomUUID();
  const light = setAsideBase64(xml, (index) => `#${nonce}:${index}#`, setAside);
  try {
    return restoreSetAside(fhir().xmlToObj(light), new RegExp(`^#${nonce}:(\\d+)#$`), setAside);
  } catch (error) {
    const reason = error instanceof Error ? error.message.split("\n")[0]?.slice(0, 120) : "";
    throw new FhirError(400, "structure", `Corps de requête illisible : XML FHIR mal formé${reason ? ` (${reason})` : ""}.`);
  }
}

/** A FHIR resource in JSON form → XML. */
export function resourceToXml(resource: unknown): string {
  return fhir().objToXml(resource as Record<string, unknown>);
}

/** The XML body, read (under the size limit) and converted only when the handler reads it. */
function jsonBodyOf(request: Request): ReadableStream<Uint8Array> {
  let isRead = false;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (isRead) return controller.close();
      isRead = true;
      const json = xmlToResource(await readLimitedBody(request));
      controller.enqueue(new TextEncoder().encode(JSON.stringify(json)));
      controller.close();
    },
    async cancel(reason) {
      await request.body?.cancel(reason).catch(() => undefined);
    },
  });
}

/**
 * The request as the JSON handlers expect it: JSON body, and an Accept they understand.
 * The body stream is handed over as is (or converted lazily), so an answer given without
 * reading it still sees the original request's body unread (closingIfBodyUnread).
 */
function jsonRequest(request: Request, negotiated: { format: TFhirFormat; byParameter: boolean }): Request {
  const isXmlBody = XML_MEDIA_TYPES.has(mediaTypeOf(request.headers.get("content-type"))) && request.body !== null;
  if (!isXmlBody && !negotiated.byParameter && negotiated.format === "json") return request;
  const headers = new Headers(request.headers);
  if (negotiated.byParameter) headers.set("accept", FHIR_JSON);
  else if (negotiated.format === "xml") headers.set("accept", (headers.get("accept") ?? "").replace(/(application\/fhir\+xml|application\/xml|text\/xml)/gi, FHIR_JSON));
  if (isXmlBody) {
    headers.set("content-type", FHIR_JSON);
    headers.delete("content-length");
  }
  const body = isXmlBody ? jsonBodyOf(request) : request.body;
  return new Request(request.url, { method: request.method, headers, ...(body ? { body, duplex: "half" } : {}) } as RequestInit);
}

/** A FHIR JSON answer re-encoded in XML, status and headers kept. */
async function xmlResponse(response: Response): Promise<Response> {
  if (mediaTypeOf(response.headers.get("content-type")) !== FHIR_JSON) return response;
  const xml = resourceToXml(await response.json());
  const headers = new Headers(response.headers);
  headers.set("content-type", `${FHIR_XML}; charset=utf-8`);
  headers.delete("content-length");
  return new Response(xml, { status: response.status, headers });
}

/** Runs a JSON handler for a client that may speak XML (request body, answer, or both). */
export async function withFhirFormat(request: Request, handler: (request: Request) => Promise<Response> | Response): Promise<Response> {
  let negotiated: ReturnType<typeof negotiateFormat>;
  try {
    negotiated = negotiateFormat(request);
  } catch (error) {
    return errorResponse(error);
  }
  const response = await handler(jsonRequest(request, negotiated));
  return negotiated.format === "xml" ? xmlResponse(response) : response;
}
