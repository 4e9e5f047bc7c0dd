import { contentAlert, expect, professionalWithRole, signInWithCard, submitCard, test } from "../fixtures/dmp";
import { expectNoSeriousA11yViolations } from "../fixtures/a11y";

test.setTimeout(60_000);

test("l'opérateur modifie une ligne de la matrice : la modification s'applique aussitôt", async ({ page, dmp }) => {
  const operator = await professionalWithRole(dmp, "operateur", { firstName: "Éric", specialty: "SM53" });
  await signInWithCard(page, operator);
  await page.getByRole("link", { name: "Espace opérateur" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Espace opérateur" })).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  // Orthoptists (92): no other journey depends on this line. The box is flipped whatever it
  // was (unchecked in the reference matrix), so the journey can run again on the same data.
  await page.getByRole("link", { name: /^Modifier la ligne 92\/\*/ }).click();
  const box = page.getByRole("checkbox", { name: "Note de transfert (18761-7)" });
  const wasChecked = await box.isChecked();
  await box.setChecked(!wasChecked);
  await page.getByRole("button", { name: "Enregistrer la ligne 92/*" }).click();
  await expect(page.getByText("1 case modifiée : appliqué immédiatement et tracé.")).toBeVisible();
  await page.reload();
  await expect(page.getByRole("checkbox", { name: "Note de transfert (18761-7)" })).toBeChecked({ checked: !wasChecked });
  await expectNoSeriousA11yViolations(page);
});

test("une carte mise en opposition par l'opérateur est refusée à sa connexion suivante", async ({ page, browser, dmp }) => {
  const pediatrician = await dmp.professional({ firstName: "Amélie", specialty: "SM40" });
  const operator = await professionalWithRole(dmp, "operateur", { firstName: "Éric", specialty: "SM53" });
  const operatorContext = await browser.newContext();
  const operatorPage = await operatorContext.newPage();
  await signInWithCard(operatorPage, operator);
  await operatorPage.goto("/pro/operateur/cartes");
  const row = operatorPage.getByRole("row", { name: new RegExp(pediatrician.name) });
  await row.getByRole("button", { name: /^Mettre en opposition la carte/ }).click();
  await expect(row.getByText("Carte mise en opposition : sa prochaine connexion sera refusée.")).toBeVisible();
  await expectNoSeriousA11yViolations(operatorPage);
  await operatorContext.close();

  await submitCard(page, pediatrician);
  await expect(contentAlert(page)).toContainText("Carte en opposition");
  await page.goto("/pro");
  await expect(page).toHaveURL(/\/pro\/connexion$/);
});
