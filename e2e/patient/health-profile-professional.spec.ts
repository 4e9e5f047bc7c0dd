import { expect, signInAsPatient, signInWithCard, test, uniqueLastName } from "../fixtures/dmp";
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

test("un médecin inscrit une vaccination ; le patient la voit sans pouvoir la modifier et la conteste ; le médecin voit la contestation, un kinésithérapeute n'a pas accès au profil", async ({
  page,
  browser,
  dmp,
}) => {
  const patient = await dmp.patient({ firstName: "Lina", sex: "F", birthDate: "1990-07-21" });
  const doctorLastName = uniqueLastName("Vaccin");
  const doctor = await dmp.professional({ lastName: doctorLastName, profession: "10", specialty: "SM54" });
  const physio = await dmp.professional({ profession: "70", specialty: null });
  await dmp.consent(patient, doctor);
  await dmp.consent(patient, physio);
  const record = `/pro/patients/${patient.patientId}`;

  // The doctor (profession 10: the matrix gives the PROFIL_MEDICAL row) writes a vaccination.
  await signInWithCard(page, doctor);
  await page.goto(`${record}?vue=profil`);
  const profile = page.getByRole("region", { name: "Profil médical" });
  await expect(profile).toBeVisible();
  let form = await open(card(profile, "Vaccinations"), "Ajouter une vaccination");
  await form.getByRole("textbox", { name: "Vaccin (obligatoire)" }).fill("DTP");
  await form.getByLabel("Date de la vaccination").fill("2025-03-01");
  await form.getByLabel("Code ATC du vaccin").fill("J07");
  await form.getByRole("button", { name: "Ajouter une vaccination" }).click();
  await expect(form.getByText(/Code ATC de vaccin invalide/)).toBeVisible();
  await form.getByLabel("Code ATC du vaccin").fill("J07CA01");
  await form.getByLabel("Dose").fill("rappel");
  await form.getByLabel("Numéro de lot").fill("AB123");
  await form.getByLabel("Administré par").fill("Cabinet du Dr " + doctorLastName);
  await form.getByRole("button", { name: "Ajouter une vaccination" }).click();
  await expect(card(profile, "Vaccinations").getByRole("listitem").filter({ hasText: "DTP le 01/03/2025" })).toContainText("(professionnel de santé)");
  await expectNoSeriousA11yViolations(page);

  // The patient sees it, cannot change it, and contests it.
  const patientContext = await browser.newContext();
  const patientPage = await patientContext.newPage();
  await signInAsPatient(patientPage, dmp, patient);
  await patientPage.goto("/patient/profil-medical");
  const vaccinations = card(patientPage, "Vaccinations");
  const entry = vaccinations.getByRole("listitem").filter({ hasText: "DTP le 01/03/2025" });
  await expect(entry).toContainText(new RegExp(`Renseigné par .*${doctorLastName}.* \\(professionnel de santé\\)`));
  await expect(entry.getByText("lot AB123")).toBeVisible();
  await expect(vaccinations.getByText(/^Modifier la vaccination DTP/)).toHaveCount(0);
  await expect(vaccinations.getByRole("button", { name: "Retirer DTP" })).toHaveCount(0);
  form = await open(entry, "Commenter ou contester DTP");
  await form.getByLabel("Votre commentaire").fill("Ce rappel a été fait en 2024, pas en 2025.");
  await form.getByLabel("Je conteste cette information").check();
  await form.getByRole("button", { name: "Envoyer" }).click();
  await expect(vaccinations.getByText("Votre contestation est enregistrée : les professionnels la verront.")).toBeVisible();
  await expect(entry).toContainText(/Contestation (de |d’|d')/);
  await expectNoSeriousA11yViolations(patientPage);
  // The patient's history names the doctor's read of the profile.
  await patientPage.goto("/patient/historique");
  await expect(patientPage.getByRole("row").filter({ hasText: "Consultation du profil médical" }).filter({ hasText: doctorLastName }).first()).toBeVisible();
  await patientContext.close();

  // The doctor sees the contest beside the entry.
  await page.reload();
  const contested = card(profile, "Vaccinations").getByRole("listitem").filter({ hasText: "DTP le 01/03/2025" });
  await expect(contested.getByText("Contesté par le patient")).toBeVisible();
  await expect(contested).toContainText("« Ce rappel a été fait en 2024, pas en 2025. »");

  // A physiotherapist (profession 70) opens the record but not the profile.
  const physioContext = await browser.newContext();
  const physioPage = await physioContext.newPage();
  await signInWithCard(physioPage, physio);
  await physioPage.goto(`${record}?vue=profil`);
  const refused = physioPage.getByRole("region", { name: "Profil médical" });
  await expect(refused.getByText(/^Le profil médical n'est pas accessible à votre profession \(matrice 70\/\* × PROFIL_MEDICAL : refusé\)\.$/)).toBeVisible();
  await expect(refused.getByText("DTP")).toHaveCount(0);
  await expectNoSeriousA11yViolations(physioPage);
  await physioContext.close();
});
