import { expect, test } from "@playwright/test";
import { expectNoSeriousA11yViolations } from "../fixtures/a11y";
import { openFromSearch, signInAs } from "./pro-helpers";

test.setTimeout(60_000);

test("une professionnelle bloquée par la patiente est refusée", async ({ page }) => {
  await signInAs(page, "Léa Bonnet");
  await openFromSearch(page, "Rivière", "1995-10-27", "Ouvrir le dossier de Emma Rivière");
  await expect(page.getByRole("heading", { level: 1, name: "Dossier introuvable" })).toBeVisible();
  await expect(page.getByText("Ce dossier n'existe pas ou vous n'êtes pas autorisé à y accéder.")).toBeVisible();
  await expectNoSeriousA11yViolations(page);
});

test("un dossier fermé est refusé, même à un professionnel autorisé", async ({ page }) => {
  await signInAs(page, "Isabelle Fournier");
  await page.goto("/pro");
  await page.getByLabel("Nom (obligatoire)", { exact: true }).fill("Garnier");
  await page.getByLabel("Date de naissance du patient").fill("1950-01-18");
  await page.getByRole("button", { name: "Rechercher par nom" }).click();
  await expect(page.getByRole("row", { name: /GARNIER Monique/ }).getByText("Dossier fermé")).toBeVisible();
  await page.getByRole("link", { name: "Ouvrir le dossier de Monique Garnier" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Dossier introuvable" })).toBeVisible();
});
