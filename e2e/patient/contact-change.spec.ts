import { codeRecipient, expect, fullName, signInAsPatient, test } from "../fixtures/dmp";
import { expectNoSeriousA11yViolations } from "../fixtures/a11y";
import { maskedEmail } from "../fixtures/patient-portal";
import { ofName } from "@/lib/text/french";

// Multi-page journeys on a shared 2-core machine: more than the default 30 s.
test.describe.configure({ timeout: 90_000 });

test("changer son adresse électronique : confirmée par un code envoyé à la nouvelle adresse, qui reçoit ensuite les codes de connexion", async ({ page, dmp }) => {
  const patient = await dmp.patient({ firstName: "Monique", otpChannel: "EMAIL" });
  const newEmail = `nouvelle.${patient.loginId.split(".").at(-1)}@exemple.fr`;
  await signInAsPatient(page, dmp, patient);
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
  await details.getByLabel("Mot de passe actuel").fill(patient.password);
  await details.getByRole("button", { name: "Enregistrer mes coordonnées" }).click();
  await expect(details.getByRole("alert")).toContainText("l'un après l'autre");
  expect(await dmp.latestCode(newEmail)).toBeNull();

  await details.getByLabel("Adresse électronique").fill(newEmail);
  await details.getByLabel("Téléphone mobile").fill("");
  await details.getByLabel("Mot de passe actuel").fill(patient.password);
  await details.getByRole("button", { name: "Enregistrer mes coordonnées" }).click();
  await expect(details.getByText(`saisissez le code envoyé à ${maskedEmail(newEmail)}`)).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  const code = await dmp.readCode(newEmail, "coordonnees");

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
  await inbox.goto(`/dev/mails?destinataire=${encodeURIComponent(patient.email)}`);
  await expect(inbox.getByText(`L'adresse électronique de votre DMP a été remplacée par ${maskedEmail(newEmail)}`).first()).toBeVisible();
  await inbox.close();

  // The next sign-in code goes to the new address, none to the old one.
  const previousAtOldAddress = (await dmp.latestCode(codeRecipient(patient), "connexion"))?.at ?? null;
  await page.getByRole("button", { name: "Se déconnecter" }).click();
  await page.getByLabel("Identifiant").fill(patient.loginId);
  await page.getByLabel("Mot de passe").fill(patient.password);
  await page.getByRole("button", { name: "Se connecter" }).click();
  await page.getByLabel("Code à usage unique").fill(await dmp.readCode(newEmail, "connexion"));
  await page.getByRole("button", { name: "Valider le code" }).click();
  await expect(page.getByRole("heading", { level: 1, name: `DMP ${ofName(fullName(patient))}` })).toBeVisible();
  expect((await dmp.latestCode(codeRecipient(patient), "connexion"))?.at ?? null).toBe(previousAtOldAddress);
});
