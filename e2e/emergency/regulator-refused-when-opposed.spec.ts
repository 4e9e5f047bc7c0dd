import { expect, fullName, professionalWithRole, signInWithCard, test } from "../fixtures/dmp";
import { expectNoSeriousA11yViolations } from "../fixtures/a11y";
import { contentAlert } from "../fixtures/emergency";

test.describe.configure({ timeout: 90_000 });

test("la régulation est refusée quand le patient s'est opposé à l'accès du SAMU-Centre 15", async ({ page, dmp }) => {
  const patient = await dmp.patient({ firstName: "Nathalie", birthDate: "1966-02-27" });
  await dmp.emergencyPreferences(patient, { breakGlassAllowed: true, samuAllowed: false });
  const regulator = await professionalWithRole(dmp, "regulateur", { firstName: "Nadia" });
  await signInWithCard(page, regulator);
  await page.goto("/pro/regulation");
  await page.getByLabel("Nom (obligatoire)", { exact: true }).fill(patient.lastName);
  await page.getByLabel("Date de naissance du patient").fill(patient.birthDate);
  await page.getByRole("button", { name: "Rechercher par nom" }).click();
  await page.getByRole("button", { name: `Ouvrir le dossier en régulation : ${fullName(patient)}` }).click();

  await expect(contentAlert(page)).toContainText("le patient s'est opposé à l'accès de la régulation SAMU-Centre 15 à son DMP");
  await expect(page).toHaveURL(/\/pro\/regulation/);
  await expect(page.getByRole("heading", { level: 1, name: "Régulation SAMU-Centre 15" })).toBeVisible();
  await expectNoSeriousA11yViolations(page);
});

test("l'écran de régulation n'existe pas pour un professionnel qui n'est pas régulateur", async ({ page, dmp }) => {
  const doctor = await dmp.professional({ firstName: "Paul" });
  await signInWithCard(page, doctor);
  await expect(page.getByRole("navigation", { name: "Portail professionnel" }).getByRole("link", { name: "Régulation SAMU-Centre 15" })).toHaveCount(0);
  await page.goto("/pro/regulation");
  await expect(page.getByRole("heading", { level: 1, name: "Page introuvable" })).toBeVisible();
  await expectNoSeriousA11yViolations(page);
});
