import { expect, test } from "@playwright/test";
import { expectNoSeriousA11yViolations } from "../fixtures/a11y";
import { openFromSearch, signInAs } from "./pro-helpers";

test.setTimeout(60_000);

test("le chirurgien-dentiste ne voit pas les types que la matrice lui refuse, et ils ne sont pas comptés", async ({ page }) => {
  await signInAs(page, "Dr Thomas Petit");
  await openFromSearch(page, "Martin", "1958-03-14", "Ouvrir le dossier de Jean Martin");
  await expect(page.getByRole("heading", { level: 1, name: "MARTIN Jean" })).toBeVisible();
  await expect(page.getByRole("row", { name: /Ordonnance – bain de bouche et antalgique/ })).toBeVisible();
  await expect(page.getByRole("row", { name: /Plan personnalisé de soins/ })).toHaveCount(0);

  // Filtering on the refused type finds nothing, and says 0.
  await page.getByLabel("Type", { exact: true }).selectOption("18776-5");
  await page.getByRole("button", { name: "Filtrer" }).click();
  await expect(page.getByRole("table", { name: "0 document" })).toBeVisible();
  await expectNoSeriousA11yViolations(page);

  // The add-document form only offers what a dentist may author.
  await page.goto(page.url().split("?")[0] + "/ajouter-document");
  const options = await page.getByLabel("Type de document").locator("option").allTextContents();
  expect(options.slice(1).sort()).toEqual(
    ["Compte rendu d'imagerie médicale", "Compte rendu ou fiche de consultation ou de visite", "Prescription de produits de santé"].sort(),
  );
});
