/**
 * What a person sees when a page or a document is unknown, or refused to them: a page of the
 * portal, in French, with a way back, answering 404 — and a refused document looks exactly
 * like an unknown one. The FHIR API keeps its OperationOutcome.
 */
import type { APIResponse, Page } from "@playwright/test";
import { expect, signInAsPatient, signInHospital, signInWithCard, test } from "../fixtures/dmp";
import { patientNav } from "../fixtures/patient-portal";
import { expectNoSeriousA11yViolations } from "../fixtures/a11y";
import { importEcPrivateKey, signClientAssertion } from "@/lib/oauth/sign-client-assertion";

// Card and code sign-ins, several contexts and audits on a shared 2-core machine.
test.describe.configure({ timeout: 120_000 });

/** What Chromium sends when it follows a link. */
const BROWSER_ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8";

/** Opens `path` as the browser would and checks the status; returns the page's main content. */
async function openExpecting(page: Page, path: string, status: number, heading: string): Promise<string> {
  const response = await page.goto(path);
  expect(response?.status(), path).toBe(status);
  await expect(page.getByRole("heading", { level: 1, name: heading })).toBeVisible();
  return (await page.locator("#contenu").innerText()).trim();
}

/** The answer's status, headers and body, apart from what changes with every request (date, CSP nonce). */
async function comparable(response: APIResponse) {
  const { date: _date, "content-security-policy": _csp, ...headers } = response.headers();
  return { status: response.status(), headers, body: await response.text() };
}

test("patient : une adresse inconnue et le document d'un autre patient donnent une page du portail, 404, avec retour à mes documents", async ({ page, dmp }) => {
  const doctor = await dmp.professional({ firstName: "Claire", specialty: "SM54" });
  const me = await dmp.patient({ firstName: "Jeanne", sex: "F" });
  const other = await dmp.patient({ firstName: "Paul", sex: "M" });
  await dmp.consent(other, doctor);
  const othersDocument = await dmp.document({ patient: other, author: doctor, title: "Compte rendu de Paul" });

  await signInAsPatient(page, dmp, me);
  await openExpecting(page, "/patient/adresse-inexistante", 404, "Page introuvable");
  await expect(patientNav(page)).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  await page.getByRole("link", { name: "Retour à mes documents" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Mes documents" })).toBeVisible();

  // The document's page: another patient's document reads as an unknown one.
  const unknownPage = await openExpecting(page, "/patient/documents/document-inexistant", 404, "Document introuvable");
  expect(await openExpecting(page, `/patient/documents/${othersDocument.documentId}`, 404, "Document introuvable")).toBe(unknownPage);
  await expect(page.getByText("Compte rendu de Paul")).toHaveCount(0);
  await expectNoSeriousA11yViolations(page);

  // The document's content link (a route handler): the same page of the site, not a bare sentence.
  const unknownContent = await openExpecting(page, "/patient/documents/document-inexistant/contenu", 404, "Document introuvable");
  expect(await openExpecting(page, `/patient/documents/${othersDocument.documentId}/contenu`, 404, "Document introuvable")).toBe(unknownContent);
  await expectNoSeriousA11yViolations(page);
  const headers = { accept: BROWSER_ACCEPT };
  expect(await comparable(await page.request.get(`/patient/documents/${othersDocument.documentId}/contenu`, { headers }))).toEqual(
    await comparable(await page.request.get("/patient/documents/document-inexistant/contenu", { headers })),
  );
  await page.getByRole("link", { name: "Retour à mes documents" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Mes documents" })).toBeVisible();
});

test("professionnel : adresse inconnue, document d'un dossier fermé pour lui ou masqué, tout répond comme un document inconnu", async ({ page, dmp }) => {
  const author = await dmp.professional({ firstName: "Claire", specialty: "SM54" });
  const reader = await dmp.professional({ firstName: "Marc", specialty: "SM04" });
  // A record the reader is blocked from, a record open to him with a document masked to professionals.
  const blockedFrom = await dmp.patient({ firstName: "Emma", sex: "F" });
  await dmp.consent(blockedFrom, author);
  await dmp.consent(blockedFrom, reader);
  await dmp.block(blockedFrom, reader);
  const closedDocument = await dmp.document({ patient: blockedFrom, author, title: "Bilan d'Emma" });
  const openRecord = await dmp.patient({ firstName: "Jean", sex: "M" });
  await dmp.treatingDoctor(openRecord, author);
  await dmp.consent(openRecord, reader);
  const masked = await dmp.document({ patient: openRecord, author, typeCode: "18748-4", title: "Imagerie masquée", masking: ["MASQUE_PS"] });

  await signInWithCard(page, reader);
  await openExpecting(page, "/pro/adresse-inexistante", 404, "Page introuvable");
  await expect(page.getByRole("navigation", { name: "Portail professionnel" })).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  // The last one: the portal's navigation has its own link of that name.
  await page.getByRole("link", { name: "Rechercher un patient" }).last().click();
  await expect(page.getByRole("heading", { level: 1, name: "Rechercher un patient" })).toBeVisible();

  const headers = { accept: BROWSER_ACCEPT };
  const answer = async (path: string) => comparable(await page.request.get(path, { headers }));

  // A record he may not read: the document link answers as an unknown document there, with the search as way back.
  const closedBase = `/pro/patients/${blockedFrom.patientId}/documents`;
  const unknownInClosed = await openExpecting(page, `${closedBase}/document-inexistant`, 404, "Document introuvable");
  expect(await openExpecting(page, `${closedBase}/${closedDocument.documentId}`, 404, "Document introuvable")).toBe(unknownInClosed);
  await expect(page.getByRole("link", { name: "Retour au dossier" })).toHaveCount(0);
  await expect(page.getByText(/Emma|Bilan/)).toHaveCount(0);
  await expectNoSeriousA11yViolations(page);
  expect(await answer(`${closedBase}/${closedDocument.documentId}`)).toEqual(await answer(`${closedBase}/document-inexistant`));
  await page.getByRole("link", { name: "Rechercher un patient" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Rechercher un patient" })).toBeVisible();

  // A document masked to him in a record he reads: the same as an unknown document of that record, back to the record.
  const openBase = `/pro/patients/${openRecord.patientId}/documents`;
  const unknownInOpen = await openExpecting(page, `${openBase}/document-inexistant`, 404, "Document introuvable");
  expect(await openExpecting(page, `${openBase}/${masked.documentId}`, 404, "Document introuvable")).toBe(unknownInOpen);
  await expect(page.getByText("Imagerie masquée")).toHaveCount(0);
  expect(await answer(`${openBase}/${masked.documentId}`)).toEqual(await answer(`${openBase}/document-inexistant`));
  await page.getByRole("link", { name: "Retour au dossier" }).click();
  await expect(page.getByRole("heading", { level: 1, name: `${openRecord.lastName.toUpperCase()} ${openRecord.firstName}` })).toBeVisible();

  // The document's own pages (aperçu) answer with the portal's page, 404 too.
  await openExpecting(page, `${openBase}/${masked.documentId}/apercu`, 404, "Document introuvable");
  await expect(page.getByRole("navigation", { name: "Portail professionnel" })).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  await page.getByRole("link", { name: "Retour au dossier" }).click();
  await expect(page.getByRole("heading", { level: 1, name: `${openRecord.lastName.toUpperCase()} ${openRecord.firstName}` })).toBeVisible();
});

test("hôpital : une adresse inconnue répond 404 avec retour à l'accueil de l'établissement, connecté ou non", async ({ page, browser, dmp }) => {
  const hospital = await dmp.structure({ name: "Hôpital des pages introuvables", kind: "HOSPITAL" });
  const doctor = await dmp.professional({ firstName: "Marc", specialty: "SM04", structure: hospital });

  const anonymousContext = await browser.newContext();
  const anonymous = await anonymousContext.newPage();
  await openExpecting(anonymous, "/hopital/adresse-inexistante", 404, "Page introuvable");
  await expectNoSeriousA11yViolations(anonymous);
  await anonymousContext.close();

  await signInHospital(page, doctor, hospital.name);
  await openExpecting(page, "/hopital/adresse-inexistante", 404, "Page introuvable");
  await openExpecting(page, "/hopital/patients/patient-inexistant", 404, "Page introuvable");
  await expectNoSeriousA11yViolations(page);
  await page.getByRole("link", { name: "Retour à l'accueil de l'établissement" }).click();
  await expect(page.getByRole("heading", { level: 1, name: hospital.name })).toBeVisible();
});

test("sans session, un lien de document donne une page « Connexion requise » (401) ; les outils de développement ont leur 404", async ({ page }) => {
  await openExpecting(page, "/pro/patients/p/documents/d", 401, "Connexion requise");
  await expectNoSeriousA11yViolations(page);
  await page.getByRole("link", { name: "Se connecter avec la carte CPS" }).click();
  await expect(page.getByRole("button", { name: "Se connecter avec la carte" })).toBeVisible();

  await openExpecting(page, "/patient/documents/d/contenu", 401, "Connexion requise");
  await page.getByRole("link", { name: "Se connecter" }).click();
  await expect(page.getByRole("button", { name: "Se connecter" })).toBeVisible();

  await openExpecting(page, "/dev/adresse-inexistante", 404, "Page introuvable");
  await expectNoSeriousA11yViolations(page);
  await page.locator("#contenu").getByRole("link", { name: "Retour à l'accueil" }).click();
  await expect(page).toHaveURL(/\/$/);
});

test("l'API FHIR garde son OperationOutcome 404 pour un document inconnu", async ({ request, baseURL, dmp }) => {
  const hospital = await dmp.structure({ name: "Clinique de l'API", kind: "HOSPITAL" });
  const doctor = await dmp.professional({ firstName: "Marc", specialty: "SM04", structure: hospital });
  const tokenUrl = `${baseURL}/api/oauth/token`;
  const key = await importEcPrivateKey(hospital.certificate.privateKeyPem);
  const assertion = await signClientAssertion({ key, chainPem: [hospital.certificate.certificatePem], clientId: hospital.idNat, tokenUrl });
  const token = await request.post(tokenUrl, {
    form: { grant_type: "client_credentials", client_assertion_type: "urn:ietf:params:oauth:client-assertion-type:jwt-bearer", client_assertion: assertion },
  });
  expect(token.status(), await token.text()).toBe(200);
  const accessToken = ((await token.json()) as { access_token: string }).access_token;

  const response = await request.get("/api/fhir/Binary/document-inexistant", {
    headers: { accept: "application/fhir+json", authorization: `Bearer ${accessToken}`, "X-DMP-Professional": doctor.idNat },
  });
  expect(response.status(), await response.text()).toBe(404);
  const outcome = (await response.json()) as { resourceType: string; issue: { code: string }[] };
  expect(outcome.resourceType).toBe("OperationOutcome");
  expect(outcome.issue[0]?.code).toBe("not-found");
});
