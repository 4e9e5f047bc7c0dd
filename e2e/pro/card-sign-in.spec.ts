import { cardUpload, contentAlert, expect, submitCard, submitCardFile, test } from "../fixtures/dmp";
import { expectNoSeriousA11yViolations } from "../fixtures/a11y";

test.setTimeout(60_000);

// The one journey on the demo cards page: it downloads a demo card and reads it, never signs in with it.
test("la page des cartes de démonstration donne des fichiers de carte sans clé privée en clair", async ({ page }) => {
  await page.goto("/pro/cartes-demo");
  await expect(page.getByRole("heading", { level: 1, name: "Cartes CPS de démonstration" })).toBeVisible();
  await expectNoSeriousA11yViolations(page);

  const href = await page.getByRole("link", { name: "Télécharger la carte du Dr Pierre Lambert", exact: true }).getAttribute("href");
  expect(href).toBeTruthy();
  const response = await page.request.get(href ?? "");
  expect(response.ok()).toBe(true);
  const text = (await response.body()).toString("utf8");
  const parsed = JSON.parse(text) as { format: string; encryptedKey: { data: string }; certificatePem: string };
  expect(parsed.format).toBe("dmp-sim-cps/2");
  expect(parsed.certificatePem).toContain("BEGIN CERTIFICATE");
  expect(text).not.toContain("PRIVATE KEY");
});

test("un médecin se connecte avec le fichier de sa carte CPS et son code porteur", async ({ page, dmp }) => {
  const doctor = await dmp.professional({ firstName: "Pierre", specialty: "SM02" });
  expect(JSON.stringify(doctor.card.file)).not.toContain("PRIVATE KEY");

  await page.goto("/pro/connexion");
  await expect(page.getByRole("heading", { level: 1, name: "Connexion avec la carte CPS" })).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  await submitCard(page, doctor);
  await expect(page.getByRole("heading", { level: 1, name: "Rechercher un patient" })).toBeVisible();
  await expect(page.getByText(doctor.name, { exact: true })).toBeVisible();
  await expectNoSeriousA11yViolations(page);

  await page.getByRole("button", { name: "Se déconnecter" }).click();
  await expect(page).toHaveURL(/\/pro\/connexion$/);
  await page.goto("/pro");
  await expect(page).toHaveURL(/\/pro\/connexion$/);
});

test("un fichier qui n'est pas une carte est refusé avec un message clair", async ({ page }) => {
  await submitCardFile(page, { name: "faux.cps.json", mimeType: "application/json", buffer: Buffer.from('{"format":"autre"}') }, "1234");
  await expect(contentAlert(page)).toContainText("n'est pas une carte CPS du simulateur");
  await expect(page).toHaveURL(/\/pro\/connexion$/);
});

test("une carte altérée (certificat d'une autre carte) est refusée", async ({ page, dmp }) => {
  const mine = await dmp.professional({ firstName: "Sophie", specialty: "SM44" });
  const other = await dmp.professional({ firstName: "Paul", specialty: null });
  const forged = { ...mine.card.file, certificatePem: other.card.file.certificatePem };
  await submitCardFile(page, { ...cardUpload(mine), buffer: Buffer.from(JSON.stringify(forged)) }, mine.card.pin);
  await expect(contentAlert(page)).toContainText("le certificat présenté ne correspond pas à la carte émise");
  await page.goto("/pro");
  await expect(page).toHaveURL(/\/pro\/connexion$/);
});
