import { expect, test } from "@playwright/test";
import { expectNoSeriousA11yViolations } from "../fixtures/a11y";
import { codeReader, DEMO_PASSWORD, demoEmail, signIn } from "./helpers";

// Multi-page journeys on a shared 2-core machine: more than the default 30 s.
test.describe.configure({ timeout: 90_000 });

// Monique Garnier: no other journey signs in as her (lockout.spec.ts locks manon.robin; create-minor-record.spec.ts
// signs in as ahmed.benali), so changing her e-mail and mobile cannot break a journey running alongside. Her record
// is closed: her contact details can still be corrected.
test("changer son adresse électronique : confirmée par un code envoyé à la nouvelle adresse, qui reçoit ensuite les codes de connexion", async ({ page }) => {
  const newEmail = "monique.garnier.nouveau@exemple.fr";
  await signIn(page, "monique.garnier");
  await page.goto("/patient/profil");
  const details = page.getByRole("main");

  // Without the current password (a copied session cookie alone): refused, no code sent.
  await details.getByLabel("Adresse électronique").fill(newEmail);
  await details.getByLabel("Téléphone mobile").fill("");
  await details.getByRole("button", { name: "Enregistrer mes coordonnées" }).click();
  await expect(details.getByText("Saisissez votre mot de passe actuel.")).toBeVisible();

  // Two new destinations at once: refused, nothing changes.
  await details.getByLabel("Adresse électronique").fill(newEmail);
  await details.getByLabel("Téléphone mobile").fill("07 01 02 03 04");
  await details.getByLabel("Mot de passe actuel").fill(DEMO_PASSWORD);
  await details.getByRole("button", { name: "Enregistrer mes coordonnées" }).click();
  await expect(details.getByRole("alert")).toContainText("l'un après l'autre");

  const reader = codeReader(page.context(), newEmail);
  await reader.mark();
  await details.getByLabel("Adresse électronique").fill(newEmail);
  await details.getByLabel("Téléphone mobile").fill("");
  await details.getByLabel("Mot de passe actuel").fill(DEMO_PASSWORD);
  await details.getByRole("button", { name: "Enregistrer mes coordonnées" }).click();
  await expect(details.getByText("saisissez le code envoyé à m…u@exemple.fr")).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  const code = await reader.next();

  const confirm = details.getByRole("form", { name: "Confirmer mes nouvelles coordonnées" });
  await confirm.getByLabel("Code à usage unique").fill(code === "000000" ? "111111" : "000000");
  await confirm.getByRole("button", { name: "Confirmer mes nouvelles coordonnées" }).click();
  await expect(confirm.getByText(/Code incorrect/)).toBeVisible();

  await confirm.getByLabel("Code à usage unique").fill(code);
  await confirm.getByRole("button", { name: "Confirmer mes nouvelles coordonnées" }).click();
  await expect(details.getByText("Vos nouvelles coordonnées sont confirmées et enregistrées.")).toBeVisible();
  await expect(details.getByLabel("Adresse électronique")).toHaveValue(newEmail);
  await expectNoSeriousA11yViolations(page);

  // The previous address is told of the change.
  const inbox = await page.context().newPage();
  await inbox.goto(`/dev/mails?destinataire=${encodeURIComponent(demoEmail("monique.garnier"))}`);
  await expect(inbox.getByText(/L'adresse électronique de votre DMP a été remplacée par m…u@exemple\.fr/).first()).toBeVisible();
  await inbox.close();

  // The next sign-in code goes to the new address.
  await page.getByRole("button", { name: "Se déconnecter" }).click();
  await reader.mark();
  await page.getByLabel("Identifiant").fill("monique.garnier");
  await page.getByLabel("Mot de passe").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Se connecter" }).click();
  await page.getByLabel("Code à usage unique").fill(await reader.next());
  await page.getByRole("button", { name: "Valider le code" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "DMP de Monique Garnier" })).toBeVisible();
});
