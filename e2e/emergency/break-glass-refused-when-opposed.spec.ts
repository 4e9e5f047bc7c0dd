import { expect, test } from "@playwright/test";
import { expectNoSeriousA11yViolations } from "../fixtures/a11y";
import { signInAs } from "../pro/pro-helpers";
import { contentAlert, declareBreakGlass, goToFirstAccess, JUSTIFICATION } from "./helpers";

test.describe.configure({ timeout: 90_000 });

test("le bris de glace est refusé quand le patient s'y est opposé", async ({ page }) => {
  await signInAs(page, "Dr Paul Nguyen");
  await goToFirstAccess(page, "Benali", "1979-06-05", "Ahmed Benali");
  const accessUrl = page.url();
  await declareBreakGlass(page, JUSTIFICATION);

  await expect(contentAlert(page)).toContainText("le patient s'est opposé à l'accès en urgence (bris de glace) à son DMP");
  expect(page.url()).toBe(accessUrl);
  await expectNoSeriousA11yViolations(page);

  // Nothing was opened: the record stays closed to this professional.
  await page.goto(accessUrl.replace(/\/acces$/, ""));
  await expect(page.getByRole("heading", { level: 1, name: "Dossier introuvable" })).toBeVisible();
});
