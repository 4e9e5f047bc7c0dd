import type { Page } from "@playwright/test";
import { expect, fullName, searchByName, signInAsPatient, signInWithCard, test } from "../fixtures/dmp";
import { expectNoSeriousA11yViolations } from "../fixtures/a11y";
import { ofName } from "@/lib/text/french";

test.setTimeout(90_000);

/** The heading and text of the page a professional gets for a record id that does not exist. */
async function unknownRecordPage(page: Page): Promise<string> {
  await page.goto("/pro/patients/dossier-inexistant/acces");
  await expect(page.getByRole("heading", { level: 1, name: "Dossier introuvable" })).toBeVisible();
  return (await page.locator("#contenu").innerText()).trim();
}

test("une professionnelle bloquée voit le dossier comme un dossier sans accès, puis la page d'un patient inconnu, sans son identité", async ({ page, dmp }) => {
  const physio = await dmp.professional({ title: null, firstName: "Léa", profession: "70", specialty: null });
  const patient = await dmp.patient({ firstName: "Emma", sex: "F", birthDate: "1995-10-27" });
  await dmp.block(patient, physio);

  await signInWithCard(page, physio);
  const unknown = await unknownRecordPage(page);

  await searchByName(page, patient);
  const row = page.getByRole("row", { name: new RegExp(`${patient.lastName.toUpperCase()} ${patient.firstName}`) });
  await expect(row.getByText("Dossier existant")).toBeVisible();
  await expect(page.getByRole("link", { name: `Ouvrir le dossier ${ofName(fullName(patient))}` })).toHaveCount(0);
  await page.getByRole("link", { name: `Premier accès au dossier ${ofName(fullName(patient))}` }).click();

  await expect(page.getByRole("heading", { level: 1, name: "Dossier introuvable" })).toBeVisible();
  expect((await page.locator("#contenu").innerText()).trim()).toBe(unknown);
  await expect(page.getByText(new RegExp(`${patient.firstName}|${patient.lastName}|27/10/1995`))).toHaveCount(0);
  await expectNoSeriousA11yViolations(page);
});

test("un dossier fermé ne se distingue pas : ni badge « fermé » dans la recherche, ni identité au premier accès", async ({ page, browser, dmp }) => {
  const pharmacist = await dmp.professional({ title: null, firstName: "Isabelle", profession: "21", specialty: null });
  const patient = await dmp.patient({ firstName: "Monique", sex: "F", birthDate: "1950-01-18" });

  // The patient closes her record herself, as in her portal.
  const patientContext = await browser.newContext();
  const patientPage = await patientContext.newPage();
  await signInAsPatient(patientPage, dmp, patient);
  await patientPage.goto("/patient/dossier");
  await patientPage.getByLabel("Confirmation").fill("FERMER MON DMP");
  await patientPage.getByRole("button", { name: "Fermer mon DMP" }).click();
  await expect(patientPage.getByText("Votre dossier est fermé.")).toBeVisible();
  await patientContext.close();

  await signInWithCard(page, pharmacist);
  const unknown = await unknownRecordPage(page);

  await searchByName(page, patient);
  const row = page.getByRole("row", { name: new RegExp(`${patient.lastName.toUpperCase()} ${patient.firstName}`) });
  await expect(row.getByText("Dossier existant")).toBeVisible();
  await expect(page.getByText("Dossier fermé")).toHaveCount(0);
  await expectNoSeriousA11yViolations(page);
  await page.getByRole("link", { name: `Premier accès au dossier ${ofName(fullName(patient))}` }).click();

  await expect(page.getByRole("heading", { level: 1, name: "Dossier introuvable" })).toBeVisible();
  expect((await page.locator("#contenu").innerText()).trim()).toBe(unknown);
  await expect(page.getByText(new RegExp(`${patient.firstName}|${patient.lastName}`))).toHaveCount(0);
});
