import { expect, test } from "@playwright/test";
import { expectNoSeriousA11yViolations } from "../fixtures/a11y";
import { openFromSearch, signInAs } from "./pro-helpers";

test.setTimeout(60_000);

const MASKED = "Compte rendu d'imagerie – IRM cérébrale";

test("le médecin traitant voit un document masqué par le patient", async ({ page }) => {
  await signInAs(page, "Dr Claire Dubois");
  await openFromSearch(page, "Martin", "1958-03-14", "Ouvrir le dossier de Jean Martin");
  await expect(page.getByRole("heading", { level: 1, name: "MARTIN Jean" })).toBeVisible();
  await expect(page.getByText("Accès : Médecin traitant")).toBeVisible();
  const row = page.getByRole("row", { name: new RegExp(MASKED) });
  await expect(row).toBeVisible();
  await expect(row.getByText("Masqué aux PS")).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  // Opening it is allowed (and traced).
  const href = await row.getByRole("link", { name: MASKED }).getAttribute("href");
  const response = await page.request.get(href ?? "");
  expect(response.status()).toBe(200);
});

test("le cardiologue autorisé ne voit pas ce document, ni ne peut l'ouvrir", async ({ page, browser }) => {
  // The GP's view gives the document's address.
  const gp = await browser.newPage();
  await signInAs(gp, "Dr Claire Dubois");
  await openFromSearch(gp, "Martin", "1958-03-14", "Ouvrir le dossier de Jean Martin");
  const href = await gp.getByRole("row", { name: new RegExp(MASKED) }).getByRole("link", { name: MASKED }).getAttribute("href");
  await gp.close();

  await signInAs(page, "Dr Marc Lefèvre");
  await openFromSearch(page, "Martin", "1958-03-14", "Ouvrir le dossier de Jean Martin");
  await expect(page.getByRole("heading", { level: 1, name: "MARTIN Jean" })).toBeVisible();
  await expect(page.getByText("Accès : Équipe de soins")).toBeVisible();
  await expect(page.getByRole("row", { name: /Compte rendu de consultation de cardiologie/ }).first()).toBeVisible();
  await expect(page.getByRole("row", { name: new RegExp(MASKED) })).toHaveCount(0);
  const response = await page.request.get(href ?? "");
  expect(response.status()).toBe(404);
});
