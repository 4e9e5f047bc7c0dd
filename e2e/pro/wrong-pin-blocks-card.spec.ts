import { expect, test } from "@playwright/test";
import { expectNoSeriousA11yViolations } from "../fixtures/a11y";
import { contentAlert, DEMO_PIN, DEMO_PUK, fetchDemoCard, submitCard } from "./pro-helpers";

// The surgeon's card is used by this test only: it gets blocked on purpose.
test.setTimeout(60_000);

test("trois codes porteur faux bloquent la carte, le code de déblocage la remet en service", async ({ page }) => {
  const card = await fetchDemoCard(page, "Dr Vincent Roy");

  await submitCard(page, card, "0000");
  await expect(contentAlert(page)).toContainText("Code porteur incorrect. Il reste 2 essais avant le blocage de la carte.");
  await submitCard(page, card, "1111");
  await expect(contentAlert(page)).toContainText("Il reste 1 essai");
  await submitCard(page, card, "2222");
  await expect(contentAlert(page)).toContainText("la carte est bloquée");

  // The right PIN no longer opens it: counted on the server, not in the page.
  await submitCard(page, card, DEMO_PIN);
  await expect(contentAlert(page)).toContainText("Carte bloquée : saisissez le code de déblocage.");
  await expectNoSeriousA11yViolations(page);

  await contentAlert(page).getByRole("link", { name: "Débloquer ma carte avec le code de déblocage" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Débloquer ma carte" })).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  await page.getByLabel("Carte CPS (fichier)").setInputFiles(card);
  await page.getByLabel("Code de déblocage (PUK)").fill("87654321");
  await page.getByRole("button", { name: "Débloquer la carte" }).click();
  await expect(contentAlert(page)).toContainText("Code de déblocage incorrect.");

  await page.getByLabel("Carte CPS (fichier)").setInputFiles(card);
  await page.getByLabel("Code de déblocage (PUK)").fill(DEMO_PUK);
  await page.getByRole("button", { name: "Débloquer la carte" }).click();
  await expect(page.getByText("Carte débloquée")).toBeVisible();

  await submitCard(page, card, DEMO_PIN);
  await expect(page.getByRole("heading", { level: 1, name: "Rechercher un patient" })).toBeVisible();
});
