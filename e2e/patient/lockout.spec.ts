import { codeRecipient, expect, test } from "../fixtures/dmp";
import { expectNoSeriousA11yViolations } from "../fixtures/a11y";

// Multi-page journeys on a shared 2-core machine: more than the default 30 s.
test.describe.configure({ timeout: 90_000 });

test("5 codes faux bloquent la connexion, avec un message clair", async ({ page, dmp }) => {
  const patient = await dmp.patient();
  await page.goto("/patient/connexion");
  await page.getByLabel("Identifiant").fill(patient.loginId);
  await page.getByLabel("Mot de passe").fill(patient.password);
  await page.getByRole("button", { name: "Se connecter" }).click();
  const code = await dmp.readCode(codeRecipient(patient), "connexion");
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
  await page.getByLabel("Identifiant").fill(patient.loginId);
  await page.getByLabel("Mot de passe").fill(patient.password);
  await page.getByRole("button", { name: "Se connecter" }).click();
  await expect(page.getByRole("main").getByRole("alert")).toContainText("Connexion bloquée");
  await expect(page).toHaveURL(/\/patient\/connexion$/);
});
