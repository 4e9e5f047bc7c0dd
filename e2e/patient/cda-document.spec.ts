import { randomUUID } from "node:crypto";
import type { APIRequestContext } from "@playwright/test";
import { buildCda, type TCdaBuildInput } from "@/lib/cda/build-cda";
import { CDA_FORMATS, cdaFormatCoding } from "@/lib/cda/constants";
import { hostileSection, sampleVsmSections, tinyPdf } from "@/lib/cda/sample-documents";
import { buildProvideBundle } from "@/lib/fhir/build-provide-bundle";
import { importEcPrivateKey, signClientAssertion } from "@/lib/oauth/sign-client-assertion";
import { expectNoSeriousA11yViolations } from "../fixtures/a11y";
import { expect, signInAsPatient, signInWithCard, test, type TPatient, type TProfessional, type TStructure } from "../fixtures/dmp";
import { ofName } from "@/lib/text/french";

// A build and several API calls on a shared 2-core machine: more than the default 30 s.
test.describe.configure({ timeout: 120_000 });

/** What a hospital's DMP-compatible software does: a token with its structure certificate, then ITI-65 with CDA documents. */
async function feedCdaDocuments(request: APIRequestContext, baseURL: string, structure: TStructure, author: TProfessional, patient: TPatient) {
  const tokenUrl = `${baseURL}/api/oauth/token`;
  const key = await importEcPrivateKey(structure.certificate.privateKeyPem);
  const assertion = await signClientAssertion({ key, chainPem: [structure.certificate.certificatePem], clientId: structure.idNat, tokenUrl });
  const token = await request.post(tokenUrl, {
    form: { grant_type: "client_credentials", client_assertion_type: "urn:ietf:params:oauth:client-assertion-type:jwt-bearer", client_assertion: assertion },
  });
  expect(token.status()).toBe(200);
  const accessToken = ((await token.json()) as { access_token: string }).access_token;

  const now = new Date();
  const today = now.toISOString().slice(0, 10);
  const common = {
    createdAt: now,
    serviceDate: today,
    patient: { nir: patient.nir, birthDate: patient.birthDate, family: patient.lastName, given: patient.firstName },
    author: { idNat: author.idNat, family: "AUTEUR", given: "Docteur", prefix: "Dr" },
    custodian: { finess: structure.finess, name: "Clinique CDA" },
  };
  const vsm: TCdaBuildInput = {
    ...common,
    uniqueId: `urn:uuid:${randomUUID()}`,
    typeCode: "60591-5",
    title: "Synthèse médicale CDA",
    body: { kind: "structured", volet: "vsm", sections: [...sampleVsmSections(), hostileSection()] },
  };
  const letter: TCdaBuildInput = { ...common, uniqueId: `urn:uuid:${randomUUID()}`, typeCode: "34112-3", title: "Compte rendu CDA avec PDF", body: { kind: "pdf", pdf: tinyPdf() } };
  const entry = (cda: TCdaBuildInput) => ({
    uniqueId: cda.uniqueId,
    patient: { nir: patient.nir, birthDate: patient.birthDate, birthRank: 1 },
    typeCode: cda.typeCode,
    title: cda.title,
    authorIdNat: author.idNat,
    custodianFiness: structure.finess,
    serviceDate: today,
    content: { bytes: new TextEncoder().encode(buildCda(cda)), contentType: "text/xml" },
    format: cdaFormatCoding(CDA_FORMATS.find((f) => f.body === cda.body.kind) as (typeof CDA_FORMATS)[number]),
  });
  const bundle = buildProvideBundle([entry(vsm), entry(letter)], { sourceFiness: structure.finess, now });
  const fed = await request.post(`${baseURL}/api/fhir`, {
    headers: { authorization: `Bearer ${accessToken}`, "content-type": "application/fhir+json", accept: "application/fhir+json" },
    data: JSON.stringify(bundle),
  });
  expect(fed.status(), await fed.text()).toBe(200);
}

test("un document CDA R2 versé par l'API se lit dans l'espace patient, sans exécuter ce qu'il contient", async ({ page, request, baseURL, dmp }) => {
  const structure = await dmp.structure({ name: "Clinique CDA", kind: "HOSPITAL" });
  const author = await dmp.professional({ profession: "10", specialty: "SM04", structure });
  const patient = await dmp.patient({ firstName: "Inès", otpChannel: "SMS" });
  await feedCdaDocuments(request, baseURL as string, structure, author, patient);

  // A script of the document would set this flag; the page must never run it.
  await page.addInitScript(() => Object.defineProperty(window, "__cdaScriptRan", { value: false, writable: true }));
  await signInAsPatient(page, dmp, patient);
  await expect(page.getByRole("heading", { level: 1, name: `DMP ${ofName(`${patient.firstName} ${patient.lastName}`)}` })).toBeVisible();

  await page.goto("/patient/documents");
  await expect(page.getByRole("heading", { level: 1, name: "Mes documents" })).toBeVisible();
  await expectNoSeriousA11yViolations(page);

  // The VSM: sections, list and table rendered from the parsed CDA.
  await page.getByRole("link", { name: "Synthèse médicale CDA", exact: true }).click();
  await expect(page.getByRole("heading", { level: 2, name: "Contenu" })).toBeVisible();
  await expect(page.getByText("CDA R2 (text/xml)")).toBeVisible();
  await expect(page.getByRole("heading", { level: 3, name: "Pathologies en cours" })).toBeVisible();
  await expect(page.getByRole("listitem").filter({ hasText: "Hypertension artérielle" })).toBeVisible();
  const treatments = page.getByRole("table", { name: "Tableau — Traitements au long cours" });
  await expect(treatments.getByRole("columnheader", { name: "Posologie" })).toBeVisible();
  await expect(treatments.getByRole("cell", { name: "Metformine 1000 mg" })).toBeVisible();
  // The hostile section: its text is shown, its script, image and handlers are not.
  await expect(page.getByRole("heading", { level: 3, name: "Section piégée" })).toBeVisible();
  await expect(page.getByText("Fin du texte piégé.")).toBeVisible();
  await expect(page.getByText('<script>document.title="piraté"</script>', { exact: false })).toBeVisible();
  expect(await page.locator("main script, main img, main [onload], main [onclick], main [onerror]").count()).toBe(0);
  expect(await page.evaluate(() => (window as unknown as { __cdaScriptRan: boolean }).__cdaScriptRan)).toBe(false);
  await expect(page).not.toHaveTitle(/piraté/);
  await expectNoSeriousA11yViolations(page);

  // The structuration minimale CDA: its PDF is served as application/pdf.
  await page.goto("/patient/documents");
  await page.getByRole("link", { name: "Compte rendu CDA avec PDF", exact: true }).click();
  await expect(page.getByText("Ce document contient un PDF (structuration minimale).")).toBeVisible();
  const pdfHref = await page.getByRole("link", { name: "Afficher le PDF" }).getAttribute("href");
  const pdf = await page.request.get(pdfHref as string);
  expect(pdf.status()).toBe(200);
  expect(pdf.headers()["content-type"]).toBe("application/pdf");
  expect((await pdf.body()).subarray(0, 5).toString()).toBe("%PDF-");
  const xmlHref = await page.getByRole("link", { name: "Télécharger le document CDA (XML)" }).getAttribute("href");
  const xml = await page.request.get(xmlHref as string);
  expect(xml.headers()["content-disposition"]).toContain("attachment");
  await expectNoSeriousA11yViolations(page);
});

test("le professionnel autorisé lit le même document CDA dans le dossier, rendu depuis l'arbre analysé", async ({ page, request, baseURL, dmp }) => {
  const structure = await dmp.structure({ name: "Clinique CDA", kind: "HOSPITAL" });
  const author = await dmp.professional({ profession: "10", specialty: "SM04", structure });
  const patient = await dmp.patient({ firstName: "Léon", otpChannel: "SMS" });
  await dmp.consent(patient, author);
  await feedCdaDocuments(request, baseURL as string, structure, author, patient);

  await page.addInitScript(() => Object.defineProperty(window, "__cdaScriptRan", { value: false, writable: true }));
  await signInWithCard(page, author);

  await page.goto(`/pro/patients/${patient.patientId}`);
  await page.getByRole("link", { name: "Synthèse médicale CDA", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Synthèse médicale CDA" })).toBeVisible();
  await expect(page.getByRole("heading", { level: 3, name: "Allergies et intolérances" })).toBeVisible();
  await expect(page.getByText("Allergie à la pénicilline (urticaire).")).toBeVisible();
  await expect(page.getByText("Fin du texte piégé.")).toBeVisible();
  expect(await page.locator("main script, main img, main [onload], main [onclick], main [onerror]").count()).toBe(0);
  expect(await page.evaluate(() => (window as unknown as { __cdaScriptRan: boolean }).__cdaScriptRan)).toBe(false);
  await expectNoSeriousA11yViolations(page);

  await page.goto(`/pro/patients/${patient.patientId}`);
  await page.getByRole("link", { name: "Compte rendu CDA avec PDF", exact: true }).click();
  const pdfHref = await page.getByRole("link", { name: "Afficher le PDF" }).getAttribute("href");
  const pdf = await page.request.get(pdfHref as string);
  expect(pdf.headers()["content-type"]).toBe("application/pdf");
  await expectNoSeriousA11yViolations(page);
});
