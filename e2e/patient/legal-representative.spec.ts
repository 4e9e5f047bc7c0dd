import { expect, test } from "@playwright/test";
import { expectNoSeriousA11yViolations } from "../fixtures/a11y";
import { queryOne, signIn } from "./helpers";

// Multi-page journeys on a shared 2-core machine: more than the default 30 s.
test.describe.configure({ timeout: 90_000 });

test("un représentant légal ne voit jamais un document invisible aux représentants légaux", async ({ page }) => {
  const hidden = await queryOne<{ id: string; title: string }>(
    `SELECT d.id, d.title FROM "Document" d JOIN "Patient" p ON p.id = d.patientId WHERE p.firstName = 'Chloé' AND p.lastName = 'Petitjean' AND d.hiddenFromLegalReps = 1 AND d.hiddenFromPatient = 0 LIMIT 1`,
  );

  await signIn(page, "olivier.petitjean");
  // Olivier has no record of his own and one minor: straight to Chloé's record.
  await expect(page.getByRole("heading", { level: 1, name: "DMP de Chloé Petitjean" })).toBeVisible();
  await expect(page.getByText("représentant légal, dossier de")).toBeVisible();
  await expectNoSeriousA11yViolations(page);

  await page.goto("/patient/documents?pageSize=100");
  await expect(page.getByRole("region", { name: "Documents du dossier" }).getByRole("row").nth(1)).toBeVisible();
  await expect(page.getByRole("main")).not.toContainText(hidden.title);
  const response = await page.goto(`/patient/documents/${hidden.id}`);
  expect(response?.status()).toBe(404);
  const content = await page.request.get(`/patient/documents/${hidden.id}/contenu`);
  expect(content.status()).toBe(404);
});

test("une patiente qui représente un mineur passe d'un dossier à l'autre", async ({ page }) => {
  await signIn(page, "camille.durand", "+33612345610");
  await expect(page.getByRole("heading", { level: 1, name: "DMP de Camille Durand" })).toBeVisible();
  await page.getByRole("link", { name: "Changer de dossier" }).click();
  await expectNoSeriousA11yViolations(page);
  await page.getByRole("button", { name: "Ouvrir le dossier de Noah Durand" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "DMP de Noah Durand" })).toBeVisible();
});
