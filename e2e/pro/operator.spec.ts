import { expect, test } from "@playwright/test";
import { expectNoSeriousA11yViolations } from "../fixtures/a11y";
import { contentAlert, DEMO_PIN, fetchDemoCard, signInAs, submitCard } from "./pro-helpers";

test.setTimeout(60_000);

test("l'opérateur modifie une ligne de la matrice : la modification s'applique aussitôt", async ({ page }) => {
  await signInAs(page, "Dr Éric Vidal");
  await page.getByRole("link", { name: "Espace opérateur" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Espace opérateur" })).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  // Orthoptists (92): no demo professional depends on this line.
  await page.getByRole("link", { name: /^Modifier la ligne 92\/\*/ }).click();
  const box = page.getByRole("checkbox", { name: "Note de transfert (18761-7)" });
  await expect(box).not.toBeChecked();
  await box.check();
  await page.getByRole("button", { name: "Enregistrer la ligne 92/*" }).click();
  await expect(page.getByText("1 case modifiée : appliqué immédiatement et tracé.")).toBeVisible();
  await page.reload();
  await expect(page.getByRole("checkbox", { name: "Note de transfert (18761-7)" })).toBeChecked();
  await expectNoSeriousA11yViolations(page);
});

test("une carte mise en opposition par l'opérateur est refusée à sa connexion suivante", async ({ page, browser }) => {
  const card = await fetchDemoCard(page, "Dr Amélie Chevalier");
  const operator = await browser.newPage();
  await signInAs(operator, "Dr Éric Vidal");
  await operator.goto("/pro/operateur/cartes");
  const row = operator.getByRole("row", { name: /Dr Amélie Chevalier/ });
  await row.getByRole("button", { name: /^Mettre en opposition la carte/ }).click();
  await expect(row.getByText("Carte mise en opposition : sa prochaine connexion sera refusée.")).toBeVisible();
  await operator.close();

  await submitCard(page, card, DEMO_PIN);
  await expect(contentAlert(page)).toContainText("Carte en opposition");
  await page.goto("/pro");
  await expect(page).toHaveURL(/\/pro\/connexion$/);
});
