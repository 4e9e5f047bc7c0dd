import { expect, test, type Page } from "@playwright/test";
import { expectNoSeriousA11yViolations } from "../fixtures/a11y";
import { signInAs } from "../pro/pro-helpers";

test.setTimeout(90_000);

async function search(page: Page, lastName: string, birthDate: string): Promise<void> {
  await page.goto("/pro");
  await page.getByLabel("Nom (obligatoire)", { exact: true }).fill(lastName);
  await page.getByLabel("Date de naissance du patient").fill(birthDate);
  await page.getByRole("button", { name: "Rechercher par nom" }).click();
}

/** The heading and text of the page a professional gets for a record id that does not exist. */
async function unknownRecordPage(page: Page): Promise<string> {
  await page.goto("/pro/patients/dossier-inexistant/acces");
  await expect(page.getByRole("heading", { level: 1, name: "Dossier introuvable" })).toBeVisible();
  return (await page.locator("#contenu").innerText()).trim();
}

test("une professionnelle bloquée voit le dossier comme un dossier sans accès, puis la page d'un patient inconnu, sans son identité", async ({ page }) => {
  await signInAs(page, "Léa Bonnet");
  const unknown = await unknownRecordPage(page);

  await search(page, "Rivière", "1995-10-27");
  const row = page.getByRole("row", { name: /RIVIÈRE Emma/ });
  await expect(row.getByText("Dossier existant")).toBeVisible();
  await expect(page.getByRole("link", { name: "Ouvrir le dossier de Emma Rivière" })).toHaveCount(0);
  await page.getByRole("link", { name: "Premier accès au dossier de Emma Rivière" }).click();

  await expect(page.getByRole("heading", { level: 1, name: "Dossier introuvable" })).toBeVisible();
  expect((await page.locator("#contenu").innerText()).trim()).toBe(unknown);
  await expect(page.getByText(/Emma|Rivière|27\/10\/1995/)).toHaveCount(0);
  await expectNoSeriousA11yViolations(page);
});

test("un dossier fermé ne se distingue pas : ni badge « fermé » dans la recherche, ni identité au premier accès", async ({ page }) => {
  await signInAs(page, "Isabelle Fournier");
  const unknown = await unknownRecordPage(page);

  await search(page, "Garnier", "1950-01-18");
  const row = page.getByRole("row", { name: /GARNIER Monique/ });
  await expect(row.getByText("Dossier existant")).toBeVisible();
  await expect(page.getByText("Dossier fermé")).toHaveCount(0);
  await expectNoSeriousA11yViolations(page);
  await page.getByRole("link", { name: "Premier accès au dossier de Monique Garnier" }).click();

  await expect(page.getByRole("heading", { level: 1, name: "Dossier introuvable" })).toBeVisible();
  expect((await page.locator("#contenu").innerText()).trim()).toBe(unknown);
  await expect(page.getByText(/Monique|Garnier/)).toHaveCount(0);
});
