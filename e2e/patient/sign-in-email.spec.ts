import { expect, fullName, test } from "../fixtures/dmp";
import { expectNoSeriousA11yViolations } from "../fixtures/a11y";
import { maskedEmail, patientNav } from "../fixtures/patient-portal";
import { ofName } from "@/lib/text/french";

// Multi-page journeys on a shared 2-core machine: more than the default 30 s.
test.describe.configure({ timeout: 90_000 });

test("connexion avec un code reçu par courriel, puis déconnexion", async ({ page, dmp }) => {
  const patient = await dmp.patient({ firstName: "Pauline", otpChannel: "EMAIL" });
  await page.goto("/patient/connexion");
  await expectNoSeriousA11yViolations(page);
  await page.getByLabel("Identifiant").fill(patient.loginId);
  await page.getByLabel("Mot de passe").fill(patient.password);
  await page.getByRole("button", { name: "Se connecter" }).click();

  await expect(page.getByLabel("Code à usage unique")).toBeVisible();
  await expect(page.getByText(`par courriel à ${maskedEmail(patient.email)}`)).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  const code = await dmp.readCode(patient.email, "connexion");
  expect(code).toMatch(/^\d{6}$/);

  // A wrong code is refused with the number of tries left.
  await page.getByLabel("Code à usage unique").fill(code === "000000" ? "111111" : "000000");
  await page.getByRole("button", { name: "Valider le code" }).click();
  await expect(page.getByRole("main").getByRole("alert")).toContainText("Code incorrect. Il vous reste 4 essais.");

  await page.getByLabel("Code à usage unique").fill(code);
  await page.getByRole("button", { name: "Valider le code" }).click();
  await expect(page.getByRole("heading", { level: 1, name: `DMP ${ofName(fullName(patient))}` })).toBeVisible();
  for (const name of ["Mes documents", "Historique des accès", "Gérer les accès", "Mes remboursements", "Notifications", "Mon profil"]) {
    await expect(patientNav(page).getByRole("link", { name })).toBeVisible();
  }
  await expectNoSeriousA11yViolations(page);

  await page.getByRole("button", { name: "Se déconnecter" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Connexion à mon DMP" })).toBeVisible();
  await page.goto("/patient/documents");
  await expect(page).toHaveURL(/\/patient\/connexion$/);
});

test("un mauvais mot de passe est refusé sans dire si l'identifiant existe", async ({ page, dmp }) => {
  const patient = await dmp.patient();
  const reply = async (loginId: string) => {
    await page.goto("/patient/connexion");
    await page.getByLabel("Identifiant").fill(loginId);
    await page.getByLabel("Mot de passe").fill("Nimporte-quoi-1!");
    await page.getByRole("button", { name: "Se connecter" }).click();
    const alert = page.getByRole("main").getByRole("alert");
    await expect(alert).toContainText("Identifiant ou mot de passe incorrect.");
    return alert.textContent();
  };
  // An unknown identifier gets exactly the reply of a known one (tries left included).
  const unknown = await reply(`personne.inconnue.${patient.loginId.split(".").at(-1)}`);
  expect(unknown).toMatch(/Identifiant ou mot de passe incorrect\. Il vous reste 4 essais avant le blocage temporaire\.$/);
  expect(await reply(patient.loginId)).toBe(unknown);
  await expectNoSeriousA11yViolations(page);
});
