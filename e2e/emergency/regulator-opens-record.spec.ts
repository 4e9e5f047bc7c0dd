import { expect, fullName, professionalWithRole, signInWithCard, test } from "../fixtures/dmp";
import { expectNoSeriousA11yViolations } from "../fixtures/a11y";

test.describe.configure({ timeout: 90_000 });

// The patient opposed break-the-glass, not the SAMU-Centre 15: regulation opens the record.
test("un régulateur du SAMU-Centre 15 retrouve l'appelant par INS et ouvre son dossier : la synthèse d'urgence d'abord", async ({ page, dmp }) => {
  const patient = await dmp.patient({ firstName: "Ahmed", sex: "M", birthDate: "1979-06-05" });
  await dmp.emergencyPreferences(patient, { breakGlassAllowed: false, samuAllowed: true });
  const gp = await dmp.professional();
  await dmp.treatingDoctor(patient, gp);
  await dmp.document({ patient, author: gp, typeCode: "60591-5", title: "Synthèse médicale" });
  const regulator = await professionalWithRole(dmp, "regulateur", { firstName: "Antoine" });
  const heading = `${patient.lastName.toUpperCase()} ${patient.firstName}`;

  await signInWithCard(page, regulator);
  await page.getByRole("navigation", { name: "Portail professionnel" }).getByRole("link", { name: "Régulation SAMU-Centre 15" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Régulation SAMU-Centre 15" })).toBeVisible();

  await page.getByLabel("NIR (numéro de sécurité sociale)").fill(patient.nir);
  await page.getByLabel("Date de naissance (obligatoire)", { exact: true }).fill(patient.birthDate);
  await page.getByRole("button", { name: "Rechercher par INS" }).click();
  await expect(page.getByRole("row", { name: new RegExp(heading) })).toBeVisible();
  await expectNoSeriousA11yViolations(page);

  await page.getByRole("button", { name: `Ouvrir le dossier en régulation : ${fullName(patient)}` }).click();
  await expect(page.getByRole("heading", { level: 1, name: heading })).toBeVisible();
  await expect(page.getByText(/^Accès en urgence \(régulation SAMU-Centre 15\) ouvert jusqu'à \d{2}:\d{2}$/)).toBeVisible();

  // The emergency summary comes first, before the documents.
  const summary = page.getByRole("region", { name: "Synthèse d'urgence" });
  await expect(summary).toBeVisible();
  const headings = await page.getByRole("heading", { level: 2 }).allTextContents();
  expect(headings.indexOf("Synthèse d'urgence")).toBeLessThan(headings.indexOf("Documents"));
  await expect(summary.getByRole("heading", { name: "Allergies connues" })).toBeVisible();
  await expect(summary.getByRole("heading", { name: "Traitements en cours" })).toBeVisible();
  await expect(summary.getByRole("heading", { name: "Personnes à prévenir en urgence" })).toBeVisible();
  await expect(summary.getByRole("link", { name: /^Dernière synthèse : / })).toBeVisible();
  await expect(summary.getByRole("heading", { name: "Document de liaison d'urgence (DLU)" })).toBeVisible();
  await expect(page.getByText("Accès : Régulation SAMU-Centre 15")).toBeVisible();
  await expectNoSeriousA11yViolations(page);

  // The regulator leaves the emergency: the record is closed to them again.
  await page.getByRole("button", { name: "Clore l'accès d'urgence" }).click();
  await expect(page.getByText("L'accès d'urgence est clos.", { exact: false })).toBeVisible();
});
