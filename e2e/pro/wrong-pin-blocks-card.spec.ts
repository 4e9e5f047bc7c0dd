import { cardUpload, contentAlert, expect, submitCard, test } from "../fixtures/dmp";
import { expectNoSeriousA11yViolations } from "../fixtures/a11y";

test.setTimeout(60_000);

test("trois codes porteur faux bloquent la carte, le code de déblocage la remet en service", async ({ page, dmp }) => {
  // A surgeon of their own, with a PIN none of the wrong ones below: the card gets blocked on purpose.
  const surgeon = await dmp.professional({ firstName: "Vincent", specialty: null, pin: "1234" });
  const card = cardUpload(surgeon);

  await submitCard(page, surgeon, "0000");
  await expect(contentAlert(page)).toContainText("Code porteur incorrect. Il reste 2 essais avant le blocage de la carte.");
  await submitCard(page, surgeon, "1111");
  await expect(contentAlert(page)).toContainText("Il reste 1 essai");
  await submitCard(page, surgeon, "2222");
  await expect(contentAlert(page)).toContainText("la carte est bloquée");

  // The right PIN no longer opens it: counted on the server, not in the page.
  await submitCard(page, surgeon);
  await expect(contentAlert(page)).toContainText("Carte bloquée : saisissez le code de déblocage.");
  await expectNoSeriousA11yViolations(page);

  await contentAlert(page).getByRole("link", { name: "Débloquer ma carte avec le code de déblocage" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Débloquer ma carte" })).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  await page.getByLabel("Carte CPS (fichier)").setInputFiles(card);
  await page.getByLabel("Code de déblocage (PUK)").fill(surgeon.card.puk === "87654321" ? "12345678" : "87654321");
  await page.getByRole("button", { name: "Débloquer la carte" }).click();
  await expect(contentAlert(page)).toContainText("Code de déblocage incorrect.");

  await page.getByLabel("Carte CPS (fichier)").setInputFiles(card);
  await page.getByLabel("Code de déblocage (PUK)").fill(surgeon.card.puk);
  await page.getByRole("button", { name: "Débloquer la carte" }).click();
  await expect(page.getByText("Carte débloquée")).toBeVisible();

  await submitCard(page, surgeon);
  await expect(page.getByRole("heading", { level: 1, name: "Rechercher un patient" })).toBeVisible();
});
