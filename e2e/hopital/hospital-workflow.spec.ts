/**
 * The hospital side as the AP-HP deployment ran it (issue 16): the establishment's
 * catalogue, documents that may not be exported, write → save draft → validate with the
 * « Envoi DMP » box, the NIR asked from admissions, the « Suivi export » form with its
 * resend and MSSanté. Each journey makes its own hospital and people (dmp fixture).
 */
import type { Page } from "@playwright/test";
import { contentAlert, expect, fullName, professionalWithRole, signInHospital, signInWithCard, test, uniqueLastName, type Dmp, type TStructure } from "../fixtures/dmp";
import { expectNoSeriousA11yViolations } from "../fixtures/a11y";
import { ofName } from "@/lib/text/french";

const CATALOGUE = "Document du catalogue de l'établissement";

async function hospitalWithDoctor(dmp: Dmp) {
  const hospital = await dmp.structure({ name: `Hôpital ${uniqueLastName("Mondor")}`, kind: "HOSPITAL" });
  const doctor = await dmp.professional({ firstName: "Marc", specialty: "SM04", structure: hospital });
  return { hospital, doctor };
}

/** Writes a catalogue document and saves it as a draft; lands on the draft's page. */
async function writeDraft(page: Page, patient: { firstName: string; lastName: string }, entry: string, title: string) {
  await page.goto("/hopital");
  await page.getByRole("link", { name: `Rédiger un document pour ${fullName(patient)}` }).click();
  await page.getByLabel(CATALOGUE).selectOption({ label: entry });
  await page.getByLabel("Titre du document").fill(title);
  await page.getByRole("button", { name: "Enregistrer le brouillon" }).click();
  await expect(page.getByRole("heading", { level: 1, name: `Brouillon : ${title}` })).toBeVisible();
}

async function openFollowUp(page: Page, patient: { firstName: string; lastName: string }) {
  await page.goto("/hopital");
  await page.getByRole("link", { name: `Suivi export ${ofName(fullName(patient))}` }).click();
  await expect(page.getByRole("heading", { level: 1, name: /Suivi export dossier médical patient/ })).toBeVisible();
}

const documentCard = (page: Page, title: string) => page.getByRole("article", { name: title });

test("(1) l'administrateur de l'établissement modifie le catalogue ; un médecin n'y a pas accès", async ({ page, dmp }) => {
  const { hospital, doctor } = await hospitalWithDoctor(dmp);
  const admin = await professionalWithRole(dmp, "administrateur", { firstName: "Aline", structure: hospital });

  await signInHospital(page, admin, hospital.name);
  await page.getByRole("link", { name: "Catalogue des documents" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Catalogue des documents exportés vers le DMP" })).toBeVisible();
  await expect(page.getByRole("table", { name: /Documents du catalogue \(44\)/ })).toBeVisible();
  const row = page.getByRole("row", { name: /CRH Psychiatrie/ });
  await expect(row).toContainText("Masqué aux PS");
  await expectNoSeriousA11yViolations(page);

  await page.getByRole("link", { name: "Modifier « CRH AVC »" }).click();
  // The new page first: axe run while the navigation swaps the <title> finds none.
  await expect(page.getByRole("heading", { level: 1, name: "Modifier « CRH AVC »" })).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  const invisible = page.getByRole("radio", { name: "Invisible au patient" });
  await invisible.check();
  await expect(invisible).toBeChecked();
  await page.getByRole("button", { name: "Enregistrer la modification" }).click();
  await expect(page.locator("#contenu").getByRole("status").filter({ hasText: "« CRH AVC » a été modifié." })).toBeVisible();
  await expect(page.getByRole("row", { name: /CRH AVC/ })).toContainText("Invisible au patient");

  // An unknown type is refused with a French message and changes nothing.
  await page.getByLabel("Nom du document").fill("CR Consultation Cardiologie");
  await page.getByLabel("Type DMP (JDV_J66)").evaluate((select: HTMLSelectElement) => {
    select.options[0]!.value = "99999-9";
  });
  await page.getByRole("button", { name: "Ajouter au catalogue" }).click();
  await expect(contentAlert(page)).toContainText("Type de document inconnu");
  await expect(page.getByRole("table", { name: /Documents du catalogue \(44\)/ })).toBeVisible();

  // Anyone else: the screen does not exist.
  const other = await page.context().browser()!.newContext();
  const doctorPage = await other.newPage();
  await signInHospital(doctorPage, doctor, hospital.name);
  await expect(doctorPage.getByRole("link", { name: "Catalogue des documents" })).toHaveCount(0);
  const response = await doctorPage.goto("/hopital/catalogue");
  expect(response?.status()).toBe(404);
  await other.close();
});

test("(2) un document scanné ou d'un autre logiciel est gardé sans case « Envoi DMP », avec la raison", async ({ page, dmp }) => {
  const { hospital, doctor } = await hospitalWithDoctor(dmp);
  const patient = await dmp.patient({ firstName: "Lina" });
  await dmp.admit(hospital, patient);
  await signInHospital(page, doctor, hospital.name);
  await page.getByRole("link", { name: `Rédiger un document pour ${fullName(patient)}` }).click();
  await page.getByLabel("Origine").selectOption({ label: "Compte rendu d'imagerie (logiciel d'imagerie)" });
  await page.getByLabel("Intitulé du document importé").fill("IRM du genou");
  await page.getByLabel("Type de document").selectOption("18748-4");
  await page.getByRole("button", { name: "Importer le document" }).click();
  await expect(page.getByRole("heading", { level: 1, name: /Suivi export dossier médical patient/ })).toBeVisible();
  const card = documentCard(page, "IRM du genou");
  await expect(card).toContainText("Non exportable");
  await expect(card).toContainText("Compte rendu produit par un autre logiciel (logiciel d'imagerie)");
  await expect(card.getByRole("button", { name: "Renvoyer au DMP" })).toHaveCount(0);
  await expectNoSeriousA11yViolations(page);
  await card.getByRole("link", { name: "IRM du genou" }).click();
  await expect(page.getByRole("checkbox", { name: "Envoi DMP" })).toHaveCount(0);
});

test("(3) rédiger, enregistrer, valider : envoi automatique, décocher exige un motif", async ({ page, dmp }) => {
  test.setTimeout(120_000);
  const { hospital, doctor } = await hospitalWithDoctor(dmp);
  const patient = await dmp.patient({ firstName: "Jean", sex: "M", birthDate: "1958-03-14" });
  await dmp.admit(hospital, patient);
  await signInHospital(page, doctor, hospital.name);

  // A cardiologist: consultation reports are offered first.
  await page.getByRole("link", { name: `Rédiger un document pour ${fullName(patient)}` }).click();
  await expect(page.getByLabel(CATALOGUE).locator("optgroup").first()).toHaveAttribute("label", "Documents attendus en priorité");
  await expect(page.getByLabel(CATALOGUE).locator("optgroup").first().locator("option").first()).toContainText("CR Consultation");
  await expectNoSeriousA11yViolations(page);

  await writeDraft(page, patient, "CRH Hématologie — Compte rendu hospitalier (séjour) (34112-3)", "CRH hématologie e2e");
  const send = page.getByRole("checkbox", { name: "Envoi DMP" });
  await expect(send).toBeChecked();
  // The catalogue's default masking is proposed.
  await expect(page.getByRole("radio", { name: "Invisible au patient" })).toBeChecked();
  await expectNoSeriousA11yViolations(page);

  // Unticked without a reason: refused, nothing validated.
  await send.uncheck();
  await expect(page.getByRole("group", { name: "Motif du non-envoi au DMP" })).toBeVisible();
  await page.getByRole("button", { name: "Valider le document" }).click();
  await expect(contentAlert(page)).toContainText("Indiquez pourquoi le document n'est pas envoyé au DMP");
  await expect(page.getByRole("heading", { level: 1, name: "Brouillon : CRH hématologie e2e" })).toBeVisible();

  await page.getByRole("radio", { name: "Une consultation d'annonce est nécessaire" }).check();
  await page.getByRole("button", { name: "Valider le document" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "CRH hématologie e2e" })).toBeVisible();
  await expect(page.locator("#contenu").getByRole("status").filter({ hasText: "Document validé" })).toContainText("Une consultation d'annonce est nécessaire");

  // The next one is validated with the box ticked: sent at validation.
  await writeDraft(page, patient, "CR Consultation — Compte rendu ou fiche de consultation ou de visite (11488-4)", "Consultation de cardiologie e2e");
  await page.getByRole("button", { name: "Valider le document" }).click();
  await expect(page.locator("#contenu").getByRole("status").filter({ hasText: "Alimentation OK" })).toBeVisible({ timeout: 30_000 });

  // Reported in the follow-up form; the held document can still be sent, the fed one not again.
  await openFollowUp(page, patient);
  await expect(documentCard(page, "CRH hématologie e2e")).toContainText("Retenu (non envoyé)");
  await expect(documentCard(page, "CRH hématologie e2e")).toContainText("Une consultation d'annonce est nécessaire");
  await expect(documentCard(page, "Consultation de cardiologie e2e")).toContainText("Alimentation OK");
  await expect(documentCard(page, "Consultation de cardiologie e2e").getByRole("button", { name: "Renvoyer au DMP" })).toHaveCount(0);
  await expectNoSeriousA11yViolations(page);
  await documentCard(page, "CRH hématologie e2e").getByRole("button", { name: "Renvoyer au DMP" }).click();
  await expect(documentCard(page, "CRH hématologie e2e")).toContainText("Alimentation OK", { timeout: 30_000 });
});

async function admitWithoutNir(dmp: Dmp, hospital: TStructure) {
  // A record exists, but the hospital knows the person without their NIR (provisional identity).
  const patient = await dmp.patient({ firstName: "Karim", sex: "M", birthDate: "1994-08-17" });
  await dmp.admit(hospital, { firstName: patient.firstName, lastName: patient.lastName, sex: patient.sex, birthDate: patient.birthDate });
  return patient;
}

test("(4) sans NIR la case est grisée ; les admissions confirment le NIR ; le document retenu est renvoyé", async ({ page, browser, dmp }) => {
  test.setTimeout(120_000);
  const { hospital, doctor } = await hospitalWithDoctor(dmp);
  const clerk = await professionalWithRole(dmp, "admissions", { firstName: "Agnès", structure: hospital });
  const patient = await admitWithoutNir(dmp, hospital);

  await signInHospital(page, doctor, hospital.name);
  await page.getByRole("link", { name: `Rédiger un document pour ${fullName(patient)}` }).click();
  await expect(page.getByText("Envoi DMP impossible : NIR non renseigné")).toBeVisible();
  await page.getByLabel("Bureau destinataire").selectOption({ label: "Admissions (hospitalisation)" });
  await page.getByRole("button", { name: "Transmettre la demande" }).click();
  await expect(page.locator("#contenu").getByRole("status").filter({ hasText: "Demande transmise" })).toBeVisible();
  await writeDraft(page, patient, "CR Consultation — Compte rendu ou fiche de consultation ou de visite (11488-4)", "Consultation sans NIR e2e");
  const send = page.getByRole("checkbox", { name: "Envoi DMP" });
  await expect(send).toBeDisabled();
  await expect(send).not.toBeChecked();
  await expect(page.getByText(/Envoi impossible : le NIR du patient/)).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  await page.getByRole("button", { name: "Valider le document" }).click();
  await expect(page.locator("#contenu").getByRole("status").filter({ hasText: "Retenu : NIR manquant" })).toBeVisible();

  // The admissions clerk, on their own screen.
  const desk = await browser.newContext();
  const deskPage = await desk.newPage();
  await signInHospital(deskPage, clerk, hospital.name);
  await deskPage.getByRole("link", { name: "Bureau des admissions" }).click();
  const form = deskPage.getByRole("form", { name: `Confirmer le NIR ${ofName(fullName(patient))}` });
  await form.getByLabel(/NIR/).fill("1 99 99 99 999 999 99");
  await form.getByRole("button", { name: "Confirmer le NIR" }).click();
  await expect(contentAlert(deskPage)).toBeVisible();
  await form.getByLabel(/NIR/).fill(patient.nir);
  await form.getByRole("button", { name: "Confirmer le NIR" }).click();
  await expect(deskPage.getByRole("heading", { name: /Demandes d'ajout du NIR \(0\)/ })).toBeVisible();
  await expectNoSeriousA11yViolations(deskPage);
  await desk.close();

  // The doctor's page is closed to anyone but admissions.
  expect((await page.goto("/hopital/admissions"))?.status()).toBe(404);
  await openFollowUp(page, patient);
  const card = documentCard(page, "Consultation sans NIR e2e");
  await card.getByRole("button", { name: "Renvoyer au DMP" }).click();
  await expect(card).toContainText("Alimentation OK", { timeout: 30_000 });
});

test("(5) le suivi export envoie un document par MSSanté à la messagerie du patient", async ({ page, dmp }) => {
  test.setTimeout(120_000);
  const { hospital, doctor } = await hospitalWithDoctor(dmp);
  const patient = await dmp.patient({ firstName: "Sofia", sex: "F" });
  await dmp.admit(hospital, patient);
  await signInHospital(page, doctor, hospital.name);
  await writeDraft(page, patient, "CR Consultation — Compte rendu ou fiche de consultation ou de visite (11488-4)", "Consultation MSSanté e2e");
  await page.getByRole("checkbox", { name: "Envoi DMP" }).uncheck();
  await page.getByRole("radio", { name: "Autre motif" }).check();
  await page.getByLabel("Précisez le motif").fill("Patient suivi hors DMP");
  await page.getByRole("button", { name: "Valider le document" }).click();
  await expect(page.locator("#contenu").getByRole("status").filter({ hasText: "Autre motif : Patient suivi hors DMP" })).toBeVisible();

  await openFollowUp(page, patient);
  const card = documentCard(page, "Consultation MSSanté e2e");
  // A professional address outside MSSanté: refused, nothing sent.
  await card.getByLabel("Destinataire MSSanté").selectOption("PRO");
  await card.getByLabel("Adresse MSSanté du professionnel").fill("docteur@gmail.com");
  await card.getByRole("button", { name: "Envoyer par MSSanté" }).click();
  await expect(card.getByRole("alert")).toContainText("mssante.fr");
  await card.getByLabel("Destinataire MSSanté").selectOption("PATIENT");
  await card.getByRole("button", { name: "Envoyer par MSSanté" }).click();
  const mailbox = `${patient.nir}@patient.mssante.fr`;
  await expect(card.getByRole("status").filter({ hasText: `Document envoyé par MSSanté à ${mailbox}` })).toBeVisible();
  await page.reload();
  await expect(documentCard(page, "Consultation MSSanté e2e")).toContainText(`envoyé le`);
  await expectNoSeriousA11yViolations(page);

  await expect
    .poll(async () => {
      await page.goto(`/dev/mails?destinataire=${encodeURIComponent(mailbox)}`);
      return (await page.getByRole("article").first().textContent()) ?? "";
    }, { timeout: 20_000 })
    .toContain("Consultation MSSanté e2e");
});

test("(6) rapports par site et pour le groupe, en % ; statistiques nationales aux chiffres de la présentation", async ({ page, browser, dmp }) => {
  test.setTimeout(120_000);
  const group = `GHU ${uniqueLastName("Essai")}`;
  const site = await dmp.structure({ name: `Hôpital ${uniqueLastName("Site")}`, kind: "HOSPITAL", groupName: group });
  const sister = await dmp.structure({ name: `Hôpital ${uniqueLastName("Soeur")}`, kind: "HOSPITAL", groupName: group });
  const doctor = await dmp.professional({ firstName: "Marc", specialty: "SM04", structure: site });
  const patient = await dmp.patient({ firstName: "Rémi" });
  await dmp.admit(site, patient);
  await signInHospital(page, doctor, site.name);
  await writeDraft(page, patient, "CR Consultation — Compte rendu ou fiche de consultation ou de visite (11488-4)", "Consultation rapport e2e");
  await page.getByRole("button", { name: "Valider le document" }).click();
  await expect(page.locator("#contenu").getByRole("status").filter({ hasText: "Alimentation OK" })).toBeVisible({ timeout: 30_000 });

  await page.goto("/hopital/rapports");
  await page.getByLabel("Site ou groupe").selectOption({ label: `Groupe ${group} (tous les sites)` });
  await page.getByRole("button", { name: "Afficher" }).click();
  await expect(page.getByRole("heading", { level: 1, name: `Rapports d'alimentation — Groupe ${group}` })).toBeVisible();
  await expect(page.getByText(`2 sites :`)).toContainText(sister.name);
  await expect(page.getByTestId("total-sent")).toHaveText("1");
  await expect(page.getByTestId("total-recordsFed")).toHaveText("1");
  await expect(page.getByTestId("share-fedOk")).toHaveText("100 %");
  await expect(page.getByRole("img", { name: /fichiers envoyés/ })).toBeVisible();
  await expectNoSeriousA11yViolations(page);

  const operator = await professionalWithRole(dmp, "operateur");
  const context = await browser.newContext();
  const operatorPage = await context.newPage();
  await signInWithCard(operatorPage, operator);
  await operatorPage.goto("/pro/operateur/statistiques");
  await expect(operatorPage.getByRole("row", { name: /93 — Seine-Saint-Denis/ })).toContainText(/111\s451/);
  await expect(operatorPage.getByRole("row", { name: /Total Île-de-France/ })).toContainText(/1\s428\s961/);
  await expect(operatorPage.getByRole("row", { name: /Hors Île-de-France/ })).toContainText(/7\s953\s066/);
  await expectNoSeriousA11yViolations(operatorPage);
  await context.close();
});
