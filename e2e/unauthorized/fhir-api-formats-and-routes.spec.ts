/**
 * Over real HTTP against `next start`: every FHIR route of the router has its Next route file
 * (the POST _search one lives in a %5Fsearch folder, "_search" being a private folder), and
 * the answers, refusals included, come in XML when the client asks for it.
 */
import { expect, test } from "@playwright/test";

const XML = "application/fhir+xml";

test("the CapabilityStatement comes in XML by _format and by Accept, and names both formats", async ({ request }) => {
  for (const [path, headers] of [
    ["/api/fhir/metadata?_format=xml", {}],
    ["/api/fhir/metadata", { accept: XML }],
  ] as const) {
    const response = await request.get(path, { headers });
    expect(response.status()).toBe(200);
    expect(response.headers()["content-type"]).toMatch(/^application\/fhir\+xml/);
    const body = await response.text();
    expect(body).toContain('<CapabilityStatement xmlns="http://hl7.org/fhir">');
    expect(body).toContain('<format value="application/fhir+xml"/>');
  }
});

test("ITI-67 by POST _search, ITI-66 and the patient lookup exist and refuse an anonymous caller in XML", async ({ request }) => {
  const anonymous = [
    request.post("/api/fhir/DocumentReference/_search", { headers: { accept: XML, "content-type": "application/x-www-form-urlencoded" }, data: "patient.identifier=x" }),
    request.get("/api/fhir/List?code=submissionset", { headers: { accept: XML } }),
    request.get("/api/fhir/Patient?identifier=x", { headers: { accept: XML } }),
    request.get("/api/fhir/DocumentReference?_format=xml"),
  ];
  for (const pending of anonymous) {
    const response = await pending;
    expect(response.status(), response.url()).toBe(401);
    expect(response.headers()["content-type"]).toMatch(/^application\/fhir\+xml/);
    expect(await response.text()).toMatch(/<OperationOutcome xmlns="http:\/\/hl7.org\/fhir">.*Authentification requise/s);
  }
});

test("an unknown _format is a 406 OperationOutcome", async ({ request }) => {
  const response = await request.get("/api/fhir/metadata?_format=turtle");
  expect(response.status()).toBe(406);
  expect(((await response.json()) as { resourceType: string }).resourceType).toBe("OperationOutcome");
});
