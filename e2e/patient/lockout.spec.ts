import { expect, test } from "@playwright/test";
import { expectNoSeriousA11yViolations } from "../fixtures/a11y";
import { codeReader, demoEmail, DEMO_PASSWORD } from "./helpers";

// Multi-page journeys on a shared 2-core machine: more than the default 30 s.
test.describe.configure({ timeout: 90_000 });

test("5 codes faux bloquent la connexion, avec un message clair", async ({ page }) => {
  const reader = codeReader(page.context(), demoEmail("manon.robin"));
  await reader.mark();
  await page.goto("/patient/connexion");
  await page.getByLabel("Identifiant").fill("manon.robin");
  await page.getByLabel("Mot de passe").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Se connecter" }).click();
  const code = await reader.next();
  const wrong = code === "000000" ? "999999" : "000000";
  const alert = page.getByRole("main").getByRole("alert");
  for (let left = 4; left >= 1; left -= 1) {
    await page.getByLabel("Code à usage unique").fill(wrong);
    await page.getByRole("button", { name: "Valider le code" }).click();
    await expect(alert).toContainText(`Il vous reste ${left} essai`);
  }
  await page.getByLabel("Code à usage unique").fill(wrong);
  await page.getByRole("button", { name: "Valider le code" }).click();
  await expect(alert).toContainText("Connexion bloquée après 5 tentatives infructueuses");
  await expect(alert).toContainText("(heure de Paris)");
  await expectNoSeriousA11yViolations(page);

  // The right code no longer works, and neither does the right password.
  await page.getByLabel("Code à usage unique").fill(code);
  await page.getByRole("button", { name: "Valider le code" }).click();
  await expect(alert).toContainText("Connexion bloquée");
  await page.goto("/patient/connexion");
  await page.getByLabel("Identifiant").fill("manon.robin");
  await page.getByLabel("Mot de passe").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Se connecter" }).click();
  await expect(page.getByRole("main").getByRole("alert")).toContainText("Connexion bloquée");
  await expect(page).toHaveURL(/\/patient\/connexion$/);
});
