import { expect, test } from "@playwright/test";
import { BENEFICIARIES_WITHOUT_RECORD } from "../../prisma/seed/registry";
import { expectNoSeriousA11yViolations } from "../fixtures/a11y";
import { codeReader } from "./helpers";

// Multi-page journeys on a shared 2-core machine: more than the default 30 s.
test.describe.configure({ timeout: 90_000 });

test("ouvrir son DMP en ligne", async ({ page }) => {
  const paul = BENEFICIARIES_WITHOUT_RECORD.find((b) => b.firstName === "Paul");
  if (!paul) throw new Error("seed: Paul Renaud");
  const email = "paul.renaud@exemple.fr";
  await page.goto("/patient/ouvrir-mon-dmp");
  await expectNoSeriousA11yViolations(page);

  // A wrong Vitale serial: the same message as an unknown person.
  await page.getByLabel("Numéro de sécurité sociale").fill(paul.nir);
  await page.getByLabel("Date de naissance").fill(paul.birthDate);
  await page.getByLabel("Numéro de série de la carte Vitale").fill("1234567890");
  await page.getByLabel("Adresse électronique").fill(email);
  await page.getByRole("button", { name: "Vérifier mon identité" }).click();
  const alert = page.getByRole("main").getByRole("alert");
  await expect(alert).toContainText("Nous n'avons pas pu vérifier votre identité.");
  const mismatch = await alert.textContent();

  await page.getByLabel("Numéro de sécurité sociale").fill("1 80 01 75 056 001 03");
  await page.getByLabel("Numéro de série de la carte Vitale").fill("1234567890");
  await page.getByRole("button", { name: "Vérifier mon identité" }).click();
  await expect(alert).toHaveText(mismatch as string);

  const reader = codeReader(page.context(), email);
  await reader.mark();
  await page.getByLabel("Numéro de sécurité sociale").fill(paul.nir);
  await page.getByLabel("Numéro de série de la carte Vitale").fill(paul.vitaleSerial);
  await page.getByRole("button", { name: "Vérifier mon identité" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Confirmer et choisir mon mot de passe" })).toBeVisible();
  await expectNoSeriousA11yViolations(page);

  const code = await reader.next();
  await page.getByLabel("Code à usage unique").fill(code);
  await page.getByLabel("Identifiant").fill("paul.renaud");
  await page.getByLabel("Nouveau mot de passe").fill("Paul-Renaud-2026!");
  await page.getByLabel("Confirmer le mot de passe").fill("Paul-Renaud-2026!");
  await page.getByRole("button", { name: "Ouvrir mon DMP" }).click();
  await expect(page.getByText("Vous devez lire et accepter la note d'information pour ouvrir votre DMP.")).toBeVisible();

  // The form is reset after a refused submission: fill it again.
  await page.getByLabel("Code à usage unique").fill(code);
  await page.getByLabel("J'ai lu la note d'information et j'accepte l'ouverture de mon DMP").check();
  await page.getByLabel("Nouveau mot de passe").fill("Paul-Renaud-2026!");
  await page.getByLabel("Confirmer le mot de passe").fill("Paul-Renaud-2026!");
  await page.getByRole("button", { name: "Ouvrir mon DMP" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "DMP de Paul Renaud" })).toBeVisible();

  await page.goto("/patient/notifications");
  await expect(page.getByRole("heading", { name: /Votre dossier médical partagé est ouvert/ })).toBeVisible();
  await expect.poll(async () => {
    await page.goto("/patient/remboursements");
    return page.getByText("en cours de chargement").count();
  }, { timeout: 15_000 }).toBe(0);
  await expect(page.getByRole("heading", { level: 2, name: /Pharmacie/ })).toBeVisible();
});
