import { expect, test } from "@playwright/test";
import { expectNoSeriousA11yViolations } from "../fixtures/a11y";
import { signInAs } from "../pro/pro-helpers";
import { goToFirstAccess } from "../emergency/helpers";

test.setTimeout(90_000);

test("la carte d'établissement d'une secrétaire médicale n'ouvre aucune porte d'urgence", async ({ page }) => {
  await signInAs(page, "Sandrine Roux");
  await expect(page.getByRole("navigation", { name: "Portail professionnel" }).getByRole("link", { name: "Régulation SAMU-Centre 15" })).toHaveCount(0);

  await goToFirstAccess(page, "Robin", "1998-11-08", "Manon Robin");
  const emergency = page.getByRole("region", { name: "Accès en urgence (bris de glace)" });
  await expect(emergency.getByText("L'accès en urgence est réservé aux professionnels de santé.", { exact: false })).toBeVisible();
  await expect(emergency.getByRole("button")).toHaveCount(0);
  await expect(emergency.getByRole("textbox")).toHaveCount(0);
  await expectNoSeriousA11yViolations(page);

  await page.goto("/pro/regulation");
  await expect(page.getByRole("heading", { level: 1, name: "Régulation SAMU-Centre 15" })).toHaveCount(0);
});
