import { expect, test } from "@playwright/test";
import { expectNoSeriousA11yViolations } from "../fixtures/a11y";
import { signInAs } from "../pro/pro-helpers";
import { declareBreakGlass, goToFirstAccess, JUSTIFICATION } from "./helpers";

test.describe.configure({ timeout: 90_000 });

test("un accès en urgence expiré se ferme : le dossier est refusé et il faut déclarer l'urgence à nouveau", async ({ page }) => {
  await signInAs(page, "Aurélie Rousseau");
  await goToFirstAccess(page, "Faure", "1988-12-03", "Lucas Faure");
  await declareBreakGlass(page, JUSTIFICATION);
  await expect(page.getByRole("heading", { level: 1, name: "FAURE Lucas" })).toBeVisible();
  const recordUrl = page.url();

  // Time passes: the development tool makes the access expire now.
  await page.goto("/dev/urgences");
  await expect(page.getByRole("heading", { level: 1, name: "Accès en urgence ouverts" })).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  const expire = page.getByRole("button", { name: "Faire expirer l'accès de Aurélie Rousseau au dossier de Lucas Faure" });
  await expire.click();
  await expect(expire).toHaveCount(0);

  await page.goto(recordUrl);
  await expect(page.getByRole("heading", { level: 1, name: "Dossier introuvable" })).toBeVisible();
  await expectNoSeriousA11yViolations(page);

  await page.goto(`${recordUrl}/acces`);
  await expect(page.getByRole("region", { name: "Accès en urgence (bris de glace)" }).getByRole("button", { name: "Déclarer l'urgence et ouvrir le dossier" })).toBeVisible();
});
