import { expect, fullName, professionalWithRole, signInAsPatient, signInWithCard, test } from "../fixtures/dmp";
import { expectNoSeriousA11yViolations } from "../fixtures/a11y";
import type { Locator, Page } from "@playwright/test";

test.describe.configure({ timeout: 150_000 });

/** A card (section) by its heading; the heading locator is page-rooted, as `has` queries it inside each section. */
const card = (scope: Page | Locator, title: string) => {
  const page = "page" in scope ? scope.page() : scope;
  return scope.locator("section").filter({ has: page.getByRole("heading", { name: title, exact: true }) });
};

async function open(scope: Locator, text: string): Promise<Locator> {
  const details = scope.locator("details").filter({ has: scope.page().locator("summary", { hasText: text }) });
  if ((await details.getAttribute("open")) === null) await details.locator("summary").first().click();
  return details;
}

test("la synthèse d'urgence du SAMU-Centre 15 montre directives anticipées, personne de confiance, don d'organes et vaccinations du profil médical", async ({ page, browser, dmp }) => {
  const patient = await dmp.patient({ firstName: "Odile", sex: "F", birthDate: "1948-11-02" });

  // The patient writes her emergency information and a vaccination.
  const patientContext = await browser.newContext();
  const patientPage = await patientContext.newPage();
  await signInAsPatient(patientPage, dmp, patient);
  await patientPage.goto("/patient/profil-medical");
  let form = await open(card(patientPage, "Informations d'urgence"), "Modifier mes informations d'urgence");
  await form.getByLabel("Où se trouvent mes directives anticipées").fill("Dans le tiroir de mon bureau, copie chez ma fille");
  await form.getByLabel("Nom de la personne de confiance").fill("Sophie Durand");
  await form.getByLabel("Lien avec la personne de confiance").fill("Fille");
  await form.getByLabel("Téléphone de la personne de confiance").fill("06 98 76 54 32");
  await form.getByLabel("Don d'organes et de tissus").selectOption("REFUSES");
  await form.getByRole("button", { name: "Enregistrer mes informations d'urgence" }).click();
  await expect(patientPage.getByText("Vos informations d'urgence sont enregistrées.")).toBeVisible();
  form = await open(card(patientPage, "Vaccinations"), "Ajouter une vaccination");
  await form.getByRole("textbox", { name: "Vaccin (obligatoire)" }).fill("Grippe saisonnière");
  await form.getByLabel("Date de la vaccination").fill("2025-10-15");
  await form.getByRole("button", { name: "Ajouter une vaccination" }).click();
  await expect(patientPage.getByText("Vaccination enregistrée.")).toBeVisible();
  await patientContext.close();

  // A SAMU-Centre 15 regulator opens the record: the emergency summary shows them.
  const regulator = await professionalWithRole(dmp, "regulateur");
  await signInWithCard(page, regulator);
  await page.goto("/pro/regulation");
  await page.getByLabel("NIR (numéro de sécurité sociale)").fill(patient.nir);
  await page.getByLabel("Date de naissance (obligatoire)", { exact: true }).fill(patient.birthDate);
  await page.getByRole("button", { name: "Rechercher par INS" }).click();
  await page.getByRole("button", { name: `Ouvrir le dossier en régulation : ${fullName(patient)}` }).click();
  const summary = page.getByRole("region", { name: "Synthèse d'urgence" });
  await expect(summary).toBeVisible();
  const wishes = card(summary, "Volontés du patient");
  await expect(wishes.getByText("Dans le tiroir de mon bureau, copie chez ma fille")).toBeVisible();
  await expect(wishes.getByText("Sophie Durand (Fille)")).toBeVisible();
  await expect(wishes.getByRole("link", { name: "06 98 76 54 32" })).toHaveAttribute("href", "tel:0698765432");
  await expect(wishes.getByText("Refuse le don d'organes (vérifier le registre national des refus)")).toBeVisible();
  await expect(card(summary, "Vaccinations").getByRole("listitem")).toHaveText("Grippe saisonnière — le 15/10/2025");
  await expect(card(summary, "Allergies connues")).toBeVisible();
  await expectNoSeriousA11yViolations(page);
});
