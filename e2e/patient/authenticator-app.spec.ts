import { generate } from "otplib";
import { expect, fullName, signInAsPatient, signInWithAuthenticator, test } from "../fixtures/dmp";
import { expectNoSeriousA11yViolations } from "../fixtures/a11y";
import { ofName } from "@/lib/text/french";

test.describe.configure({ timeout: 120_000 });

test("application d'authentification : activation confirmée par un code, connexion, codes de secours, désactivation", async ({ page, dmp }) => {
  const patient = await dmp.patient({ firstName: "Agathe", otpChannel: "EMAIL" });
  await signInAsPatient(page, dmp, patient);
  await page.goto("/patient/profil");
  await page.getByRole("link", { name: "Sécurité de la connexion" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Sécurité de la connexion" })).toBeVisible();
  await expectNoSeriousA11yViolations(page);

  await page.getByRole("button", { name: "Activer une application d'authentification" }).click();
  await expect(page.getByRole("link", { name: /^otpauth:\/\/totp\// })).toBeVisible();
  const secret = (await page.getByTestId("cle-totp").textContent())?.replace(/\s/g, "") ?? "";
  expect(secret).toMatch(/^[A-Z2-7]{32}$/);
  await expectNoSeriousA11yViolations(page);

  // A malformed code: a French message, and nothing is activated.
  await page.getByLabel("Code affiché par l'application").fill("12a4");
  await page.getByRole("button", { name: "Confirmer et activer" }).click();
  await expect(page.getByText("Saisissez les 6 chiffres affichés par l'application.")).toBeVisible();
  await page.reload();
  await expect(page.getByRole("button", { name: "Activer une application d'authentification" })).toBeVisible();

  // The secret shown the first time is gone: a new enrolment shows a new key.
  await page.getByRole("button", { name: "Activer une application d'authentification" }).click();
  const key = (await page.getByTestId("cle-totp").textContent())?.replace(/\s/g, "") ?? "";
  expect(key).not.toBe(secret);
  await page.getByLabel("Code affiché par l'application").fill(await generate({ secret: key }));
  await page.getByRole("button", { name: "Confirmer et activer" }).click();
  const codes = page.getByRole("list", { name: "Codes de secours" }).getByRole("listitem");
  await expect(codes).toHaveCount(10);
  const recovery = (await codes.allTextContents()).map((c) => c.trim());
  await expectNoSeriousA11yViolations(page);
  await page.reload();
  await expect(page.getByText("Codes de secours restants : 10")).toBeVisible();
  await expect(page.getByTestId("cle-totp")).toHaveCount(0);

  // Sign-in now asks the app's code; a malformed one gets a French message.
  await page.getByRole("button", { name: "Se déconnecter" }).click();
  await page.getByLabel("Identifiant").fill(patient.loginId);
  await page.getByLabel("Mot de passe").fill(patient.password);
  await page.getByRole("button", { name: "Se connecter" }).click();
  await page.getByLabel("Code de l'application d'authentification").fill("abc");
  await page.getByRole("button", { name: "Valider le code" }).click();
  await expect(page.getByText(/Saisissez les 6 chiffres affichés par l'application, ou un code de secours/)).toBeVisible();
  await expectNoSeriousA11yViolations(page);

  await signInWithAuthenticator(page, patient, key);
  await expect(page.getByRole("heading", { level: 1, name: `DMP ${ofName(fullName(patient))}` })).toBeVisible();

  // A recovery code signs in once.
  await page.getByRole("button", { name: "Se déconnecter" }).click();
  await page.getByLabel("Identifiant").fill(patient.loginId);
  await page.getByLabel("Mot de passe").fill(patient.password);
  await page.getByRole("button", { name: "Se connecter" }).click();
  await page.getByLabel("Code de l'application d'authentification").fill(recovery[0] as string);
  await page.getByRole("button", { name: "Valider le code" }).click();
  await expect(page.getByRole("heading", { level: 1, name: `DMP ${ofName(fullName(patient))}` })).toBeVisible();

  // Signed in a moment ago: disabling is allowed, and sign-in goes back to e-mail codes.
  await page.goto("/patient/securite");
  await expect(page.getByText("Codes de secours restants : 9")).toBeVisible();
  await page.getByRole("button", { name: "Désactiver l'application d'authentification" }).click();
  await expect(page.getByText("L'application d'authentification est désactivée.", { exact: false })).toBeVisible();
  await page.getByRole("button", { name: "Se déconnecter" }).click();
  await signInAsPatient(page, dmp, patient);
  await expect(page.getByRole("heading", { level: 1, name: `DMP ${ofName(fullName(patient))}` })).toBeVisible();
});

test("désactiver l'application demande une connexion récente", async ({ page, dmp }) => {
  const patient = await dmp.patient({ firstName: "Bruno" });
  await signInAsPatient(page, dmp, patient);
  await page.goto("/patient/securite");
  await page.getByRole("button", { name: "Activer une application d'authentification" }).click();
  const key = (await page.getByTestId("cle-totp").textContent())?.replace(/\s/g, "") ?? "";
  await page.getByLabel("Code affiché par l'application").fill(await generate({ secret: key }));
  await page.getByRole("button", { name: "Confirmer et activer" }).click();
  await expect(page.getByRole("list", { name: "Codes de secours" })).toBeVisible();

  // Ten minutes later (sandbox clock) the sign-in is no longer recent.
  await dmp.advanceClock({ minutes: 10 });
  await page.reload();
  await page.getByRole("button", { name: "Désactiver l'application d'authentification" }).click();
  await expect(page.getByRole("main").getByRole("alert")).toContainText("Reconnectez-vous");
  await expectNoSeriousA11yViolations(page);
  await page.reload();
  await expect(page.getByText("Codes de secours restants : 10")).toBeVisible();
  await page.getByRole("button", { name: "Désactiver l'application d'authentification" }).click();
  await page.getByRole("button", { name: "Me reconnecter" }).click();
  // Signed out first: going to the sign-in page while the sign-out is still on its way found
  // the session alive (and the signed-in area instead of the form).
  await expect(page.getByLabel("Identifiant")).toBeVisible();
  await signInWithAuthenticator(page, patient, key);
  await page.goto("/patient/securite");
  await page.getByRole("button", { name: "Désactiver l'application d'authentification" }).click();
  await expect(page.getByText("L'application d'authentification est désactivée.", { exact: false })).toBeVisible();
});
