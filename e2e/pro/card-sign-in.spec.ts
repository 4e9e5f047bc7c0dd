import { expect, test } from "@playwright/test";
import { expectNoSeriousA11yViolations } from "../fixtures/a11y";
import { contentAlert, DEMO_PIN, fetchDemoCard, submitCard } from "./pro-helpers";

test.setTimeout(60_000);

test("un médecin se connecte avec le fichier de sa carte CPS et son code porteur", async ({ page }) => {
  await page.goto("/pro/cartes-demo");
  await expect(page.getByRole("heading", { level: 1, name: "Cartes CPS de démonstration" })).toBeVisible();
  await expectNoSeriousA11yViolations(page);

  const card = await fetchDemoCard(page, "Dr Pierre Lambert");
  const parsed = JSON.parse(card.buffer.toString("utf8")) as { format: string; encryptedKey: { data: string }; certificatePem: string };
  expect(parsed.format).toBe("dmp-sim-cps/2");
  expect(card.buffer.toString("utf8")).not.toContain("PRIVATE KEY");

  await page.goto("/pro/connexion");
  await expect(page.getByRole("heading", { level: 1, name: "Connexion avec la carte CPS" })).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  await submitCard(page, card, DEMO_PIN);
  await expect(page.getByRole("heading", { level: 1, name: "Rechercher un patient" })).toBeVisible();
  await expect(page.getByText("Dr Pierre Lambert", { exact: true })).toBeVisible();
  await expectNoSeriousA11yViolations(page);

  await page.getByRole("button", { name: "Se déconnecter" }).click();
  await expect(page).toHaveURL(/\/pro\/connexion$/);
  await page.goto("/pro");
  await expect(page).toHaveURL(/\/pro\/connexion$/);
});

test("un fichier qui n'est pas une carte est refusé avec un message clair", async ({ page }) => {
  await submitCard(page, { name: "faux.cps.json", mimeType: "application/json", buffer: Buffer.from('{"format":"autre"}') }, DEMO_PIN);
  await expect(contentAlert(page)).toContainText("n'est pas une carte CPS du simulateur");
  await expect(page).toHaveURL(/\/pro\/connexion$/);
});

test("une carte altérée (certificat d'une autre carte) est refusée", async ({ page }) => {
  const mine = await fetchDemoCard(page, "Dr Sophie Bernard");
  const other = await fetchDemoCard(page, "Dr Paul Nguyen");
  const forged = JSON.parse(mine.buffer.toString("utf8")) as { certificatePem: string };
  forged.certificatePem = (JSON.parse(other.buffer.toString("utf8")) as { certificatePem: string }).certificatePem;
  await submitCard(page, { ...mine, buffer: Buffer.from(JSON.stringify(forged)) }, DEMO_PIN);
  await expect(contentAlert(page)).toContainText("le certificat présenté ne correspond pas à la carte émise");
  await page.goto("/pro");
  await expect(page).toHaveURL(/\/pro\/connexion$/);
});
