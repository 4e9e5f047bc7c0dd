import { expect, test } from "@playwright/test";
import { BENEFICIARIES_WITHOUT_RECORD } from "../../prisma/seed/registry";
import { expectNoSeriousA11yViolations } from "../fixtures/a11y";
import { codeReader } from "../patient/helpers";

// Multi-page journey on a shared 2-core machine: more than the default 30 s.
test.describe.configure({ timeout: 90_000 });

// Hélène Vasseur opens her record online in this journey only: her sign-out (which ends every
// session of her account) cannot cut a session another journey runs alongside.
test("un cookie de session patient copié ne sert plus après la déconnexion", async ({ page, browser }) => {
  const helene = BENEFICIARIES_WITHOUT_RECORD.find((b) => b.lastName === "Vasseur");
  if (!helene) throw new Error("seed: Hélène Vasseur");
  const email = "helene.vasseur@exemple.fr";
  const reader = codeReader(page.context(), email);
  await reader.mark();
  await page.goto("/patient/ouvrir-mon-dmp");
  await page.getByLabel("Numéro de sécurité sociale").fill(helene.nir);
  await page.getByLabel("Date de naissance").fill(helene.birthDate);
  await page.getByLabel("Numéro de série de la carte Vitale").fill(helene.vitaleSerial);
  await page.getByLabel("Adresse électronique").fill(email);
  await page.getByRole("button", { name: "Vérifier mon identité" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Confirmer et choisir mon mot de passe" })).toBeVisible();
  await page.getByLabel("Code à usage unique").fill(await reader.next());
  await page.getByLabel("J'ai lu la note d'information et j'accepte l'ouverture de mon DMP").check();
  await page.getByLabel("Identifiant").fill("helene.vasseur");
  await page.getByLabel("Nouveau mot de passe").fill("Helene-Vasseur-2026!");
  await page.getByLabel("Confirmer le mot de passe").fill("Helene-Vasseur-2026!");
  await page.getByRole("button", { name: "Ouvrir mon DMP" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "DMP de Hélène Vasseur" })).toBeVisible();

  // Someone copies the cookies: while the session lasts, the copy opens the record.
  const copied = await page.context().cookies();
  const thief = await browser.newContext();
  await thief.addCookies(copied);
  const thiefPage = await thief.newPage();
  await thiefPage.goto("/patient/tableau-de-bord");
  await expect(thiefPage.getByRole("heading", { level: 1, name: "DMP de Hélène Vasseur" })).toBeVisible();

  // The owner signs out: every session of the account ends, the copy included.
  await page.getByRole("button", { name: "Se déconnecter" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Connexion à mon DMP" })).toBeVisible();

  const replay = await browser.newContext();
  await replay.addCookies(copied);
  const replayPage = await replay.newPage();
  for (const path of ["/patient/tableau-de-bord", "/patient/documents", "/patient/profil"]) {
    await replayPage.goto(path);
    await expect(replayPage).toHaveURL(/\/patient\/connexion/);
  }
  await expect(replayPage.getByRole("heading", { level: 1, name: "Connexion à mon DMP" })).toBeVisible();
  await expectNoSeriousA11yViolations(replayPage);
  await thiefPage.reload();
  await expect(thiefPage).toHaveURL(/\/patient\/connexion/);
  await thief.close();
  await replay.close();
});
