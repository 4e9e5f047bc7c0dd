/** Which format a client gets, and XML bodies read back exactly, large attachments included. */
import { describe, expect, it } from "vitest";
import { negotiateFormat, resourceToXml, xmlToResource } from "./negotiate-format";

const request = (query: string, accept?: string) => new Request(`http://localhost/api/fhir/metadata${query}`, { headers: accept ? { accept } : {} });

describe("negotiateFormat", () => {
  it.each([
    ["", undefined, "json"],
    ["", "*/*", "json"],
    ["", "application/fhir+xml", "xml"],
    ["", "text/html, application/xml;q=0.9, application/json;q=0.8", "xml"],
    ["", "application/fhir+json, application/fhir+xml", "json"],
    ["?_format=xml", "application/fhir+json", "xml"],
    ["?_format=application/fhir%2Bxml", undefined, "xml"],
    ["?_format=json", "application/fhir+xml", "json"],
    ["?_format=application/fhir%2Bjson", undefined, "json"],
  ])("%s with Accept %s → %s", (query, accept, format) => {
    expect(negotiateFormat(request(query, accept)).format).toBe(format);
  });

  it("refuses an unknown _format with 406", () => {
    expect(() => negotiateFormat(request("?_format=turtle"))).toThrow(expect.objectContaining({ status: 406 }));
  });
});

describe("xmlToResource", () => {
  it("reads back what resourceToXml wrote, a 2 MB attachment and an inline one included", () => {
    const data = Buffer.alloc(2 * 1024 * 1024, 5).toString("base64");
    const bundle = {
      resourceType: "Bundle",
      type: "transaction",
      entry: [
        { fullUrl: "urn:uuid:1", resource: { resourceType: "Binary", contentType: "application/pdf", data }, request: { method: "POST", url: "Binary" } },
        { fullUrl: "urn:uuid:2", resource: { resourceType: "DocumentReference", status: "current", description: "Lettre « test » & co", content: [{ attachment: { contentType: "text/plain", data: "QUJD" } }] }, request: { method: "POST", url: "DocumentReference" } },
      ],
    };
    expect(xmlToResource(resourceToXml(bundle))).toEqual(bundle);
  });

  it("accepts base64 folded over several lines, as XML senders write it", () => {
    const data = Buffer.alloc(8192, 9).toString("base64");
    const folded = data.replace(/(.{76})/g, "$1\n");
    const xml = `<Binary xmlns="http://hl7.org/fhir"><contentType value="application/pdf"/><data value="${folded}"/></Binary>`;
    expect(xmlToResource(xml)).toEqual({ resourceType: "Binary", contentType: "application/pdf", data });
  });

  it("reads a 10 MB document in well under the seconds the library's parser alone takes (≈14 s)", () => {
    const data = Buffer.alloc(10 * 1024 * 1024, 3).toString("base64");
    const xml = resourceToXml({ resourceType: "Binary", contentType: "application/pdf", data });
    const started = performance.now();
    expect((xmlToResource(xml) as { data: string }).data === data).toBe(true);
    expect(performance.now() - started).toBeLessThan(5000);
  });

  it("answers a French 400 for what is not FHIR XML", () => {
    for (const body of ["", "pas du XML", "<Bundle xmlns=\"http://hl7.org/fhir\"></Patient>", "<Inconnu xmlns=\"http://hl7.org/fhir\"/>"]) {
      expect(() => xmlToResource(body), body).toThrow(expect.objectContaining({ status: 400 }));
    }
  });
});
