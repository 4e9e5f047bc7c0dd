import { expect, test } from "@playwright/test";
import { expectNoSeriousA11yViolations } from "../fixtures/a11y";
import { signInAs } from "../pro/pro-helpers";

test.describe.configure({ timeout: 90_000 });

// Ahmed Benali opposed break-the-glass, not the SAMU-Centre 15: regulation opens his record.
test("un régulateur du SAMU-Centre 15 retrouve l'appelant par INS et ouvre son dossier : la synthèse d'urgence d'abord", async ({ page }) => {
  await signInAs(page, "Dr Antoine Mercier");
  await page.getByRole("navigation", { name: "Portail professionnel" }).getByRole("link", { name: "Régulation SAMU-Centre 15" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Régulation SAMU-Centre 15" })).toBeVisible();

  await page.getByLabel("NIR (numéro de sécurité sociale)").fill("1 79 06 99 350 017 57");
  await page.getByLabel("Date de naissance (obligatoire)", { exact: true }).fill("1979-06-05");
  await page.getByRole("button", { name: "Rechercher par INS" }).click();
  await expect(page.getByRole("row", { name: /BENALI Ahmed/ })).toBeVisible();
  await expectNoSeriousA11yViolations(page);

  await page.getByRole("button", { name: "Ouvrir le dossier en régulation : Ahmed Benali" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "BENALI Ahmed" })).toBeVisible();
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
