import { readFile } from "node:fs/promises";
import { cardUpload, contentAlert, expect, submitCardFile, test } from "../fixtures/dmp";
import { expectNoSeriousA11yViolations } from "../fixtures/a11y";

test.setTimeout(90_000);

const PIN = "1234";
const NEW_PIN = "5827";

test("un pharmacien change le code porteur de sa carte : le nouveau fichier et le nouveau code ouvrent le portail, l'ancien fichier ne sert plus", async ({ page, dmp }) => {
  // A pharmacist of their own: the PIN changes for good.
  const pharmacist = await dmp.professional({ title: null, firstName: "Julien", profession: "21", specialty: null, pin: PIN });
  const card = cardUpload(pharmacist);

  await page.goto("/pro/connexion");
  await page.getByRole("link", { name: "Changer le code porteur de ma carte" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Changer le code porteur" })).toBeVisible();
  await expectNoSeriousA11yViolations(page);

  const currentPin = page.getByLabel("Code porteur actuel (obligatoire)", { exact: true });
  const newPin = page.getByLabel("Nouveau code porteur (obligatoire)", { exact: true });
  const confirmation = page.getByLabel("Confirmation du nouveau code porteur (obligatoire)", { exact: true });
  const submit = page.getByRole("button", { name: "Changer le code porteur" });

  // Field errors, checked in the page: nothing is sent.
  await page.getByLabel("Carte CPS (fichier)").setInputFiles(card);
  await currentPin.fill(PIN);
  await newPin.fill(PIN);
  await confirmation.fill("5555");
  await submit.click();
  await expect(newPin).toHaveAccessibleDescription(/Le nouveau code porteur doit être différent du code porteur actuel\./);
  await expect(confirmation).toHaveAccessibleDescription(/La confirmation ne correspond pas au nouveau code porteur\./);
  await expect(newPin).toBeFocused();
  await expectNoSeriousA11yViolations(page);

  // A wrong current PIN is counted by the server, as at sign-in.
  await currentPin.fill("0000");
  await newPin.fill(NEW_PIN);
  await confirmation.fill(NEW_PIN);
  await submit.click();
  await expect(contentAlert(page)).toContainText("Code porteur incorrect. Il reste 2 essais avant le blocage de la carte.");

  await currentPin.fill(PIN);
  await submit.click();
  await expect(page.getByText("Code porteur changé")).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: "Télécharger ma carte avec le nouveau code" }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^carte-cps-[0-9A-F]+\.cps\.json$/);
  const buffer = await readFile(await download.path());
  const newFile = JSON.parse(buffer.toString("utf8")) as { serial: string; certificatePem: string; encryptedKey: { data: string; generation: number } };
  const oldFile = JSON.parse(card.buffer.toString("utf8")) as typeof newFile;
  expect(newFile.serial).toBe(oldFile.serial);
  expect(newFile.certificatePem).toBe(oldFile.certificatePem);
  expect(newFile.encryptedKey.data).not.toBe(oldFile.encryptedKey.data);
  expect(newFile.encryptedKey.generation).toBe(oldFile.encryptedKey.generation + 1);
  expect(buffer.toString("utf8")).not.toContain("PRIVATE KEY");

  // The new file with the new PIN signs in.
  await submitCardFile(page, { name: "carte.cps.json", mimeType: "application/json", buffer }, NEW_PIN);
  await expect(page.getByRole("heading", { level: 1, name: "Rechercher un patient" })).toBeVisible();
  await page.getByRole("button", { name: "Se déconnecter" }).click();
  await expect(page).toHaveURL(/\/pro\/connexion$/);

  // The old file no longer does, with the old PIN as with the new one: it is retired.
  for (const pin of [PIN, NEW_PIN]) {
    await submitCardFile(page, card, pin);
    await expect(contentAlert(page)).toContainText("Ce fichier de carte n'est plus valide : le code porteur a été changé depuis.");
    await expect(page).toHaveURL(/\/pro\/connexion$/);
  }
});
