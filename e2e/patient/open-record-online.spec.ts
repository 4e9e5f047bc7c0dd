import { vitaleSerial } from "../../prisma/seed/registry";
import { expect, fullName, test } from "../fixtures/dmp";
import { expectNoSeriousA11yViolations } from "../fixtures/a11y";
import { ofName } from "@/lib/text/french";

// Multi-page journeys on a shared 2-core machine: more than the default 30 s.
test.describe.configure({ timeout: 90_000 });

test("ouvrir son DMP en ligne", async ({ page, dmp }) => {
  // A person of the insurance registry without a record; the serial of their Vitale card as the registry computes it.
  const paul = await dmp.beneficiary({ firstName: "Paul", sex: "M", birthDate: "1983-07-09" });
  const serial = vitaleSerial(paul.nir, paul.birthDate, 1);
  const token = paul.lastName.toLowerCase();
  const email = `paul.${token}@exemple.fr`;
  const loginId = `paul.${token}`;
  await page.goto("/patient/ouvrir-mon-dmp");
  await expectNoSeriousA11yViolations(page);

  // A wrong Vitale serial: the same message as an unknown person.
  await page.getByLabel("Numéro de sécurité sociale").fill(paul.nir);
  await page.getByLabel("Date de naissance").fill(paul.birthDate);
  await page.getByLabel("Numéro de série de la carte Vitale").fill(serial === "1234567890" ? "1234567891" : "1234567890");
  await page.getByLabel("Adresse électronique").fill(email);
  await page.getByRole("button", { name: "Vérifier mon identité" }).click();
  const alert = page.getByRole("main").getByRole("alert");
  await expect(alert).toContainText("Nous n'avons pas pu vérifier votre identité.");
  const mismatch = await alert.textContent();

  await page.getByLabel("Numéro de sécurité sociale").fill("1 80 01 75 056 001 03");
  await page.getByLabel("Numéro de série de la carte Vitale").fill("1234567890");
  // The refusal reads the same as the one already shown: wait for the answer to this submission,
  // then for the form to leave its pending state (React resets the fields then), before refilling.
  const verify = page.getByRole("button", { name: "Vérifier mon identité" });
  await Promise.all([
    page.waitForResponse((r) => r.request().method() === "POST" && new URL(r.url()).pathname === "/patient/ouvrir-mon-dmp"),
    verify.click(),
  ]);
  await expect(verify).toBeEnabled();
  await expect(alert).toHaveText(mismatch as string);
  expect(await dmp.latestCode(email)).toBeNull();

  await page.getByLabel("Numéro de sécurité sociale").fill(paul.nir);
  await page.getByLabel("Numéro de série de la carte Vitale").fill(serial);
  await verify.click();
  await expect(page.getByRole("heading", { level: 1, name: "Confirmer et choisir mon mot de passe" })).toBeVisible();
  await expectNoSeriousA11yViolations(page);

  const code = await dmp.readCode(email, "ouverture");
  await page.getByLabel("Code à usage unique").fill(code);
  await page.getByLabel("Identifiant").fill(loginId);
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
  await expect(page.getByRole("heading", { level: 1, name: `DMP ${ofName(fullName(paul))}` })).toBeVisible();

  await page.goto("/patient/notifications");
  await expect(page.getByRole("heading", { name: /Votre dossier médical partagé est ouvert/ })).toBeVisible();
  await expect.poll(async () => {
    await page.goto("/patient/remboursements");
    return page.getByText("en cours de chargement").count();
  }, { timeout: 15_000 }).toBe(0);
  await expect(page.getByRole("heading", { level: 3, name: /Pharmacie \/ Fournitures/ })).toBeVisible();
});
