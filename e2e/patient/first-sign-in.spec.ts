import { expect, fullName, signInAsPatient, test } from "../fixtures/dmp";
import { expectNoSeriousA11yViolations } from "../fixtures/a11y";
import { ofName } from "@/lib/text/french";

// Multi-page journeys on a shared 2-core machine: more than the default 30 s.
test.describe.configure({ timeout: 90_000 });

test("première connexion : le mot de passe provisoire doit être remplacé", async ({ page, dmp }) => {
  // As after a record opened by a professional: the password given is provisional.
  const patient = await dmp.patient({ firstName: "Alice", mustChangePassword: true });
  await signInAsPatient(page, dmp, patient);
  await expect(page.getByRole("heading", { level: 1, name: "Choisissez votre mot de passe personnel" })).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  // The portal stays closed until then.
  await page.goto("/patient/documents");
  await expect(page).toHaveURL(/changer-mot-de-passe/);

  await page.getByLabel("Nouveau mot de passe").fill("court");
  await page.getByLabel("Confirmer le mot de passe").fill("autre");
  await page.getByRole("button", { name: "Enregistrer le mot de passe" }).click();
  await expect(page.getByText("Au moins 12 caractères.")).toBeVisible();
  await expect(page.getByText("Les deux mots de passe ne sont pas identiques.")).toBeVisible();
  await expect(page.getByLabel("Nouveau mot de passe")).toHaveAttribute("aria-invalid", "true");

  await page.getByLabel("Nouveau mot de passe").fill("Mon-Nouveau-Secret-42");
  await page.getByLabel("Confirmer le mot de passe").fill("Mon-Nouveau-Secret-42");
  await page.getByRole("button", { name: "Enregistrer le mot de passe" }).click();
  await expect(page.getByRole("heading", { level: 1, name: `DMP ${ofName(fullName(patient))}` })).toBeVisible();
  await expect(page.getByText("Votre mot de passe a été enregistré.")).toBeVisible();
});
