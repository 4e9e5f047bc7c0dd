import { expect, type Page } from "@playwright/test";

export const DEMO_PIN = "1234";
export const DEMO_PUK = "12345678";

/** Downloads a seeded professional's card file from the demo page (as a test would receive it). */
export async function fetchDemoCard(page: Page, holderName: string): Promise<{ name: string; mimeType: string; buffer: Buffer }> {
  await page.goto("/pro/cartes-demo");
  const link = page.getByRole("link", { name: `Télécharger la carte de ${holderName}`, exact: true });
  const href = await link.getAttribute("href");
  if (!href) throw new Error(`pas de carte de démonstration pour ${holderName}`);
  const response = await page.request.get(href);
  expect(response.ok()).toBe(true);
  return { name: "carte.cps.json", mimeType: "application/json", buffer: await response.body() };
}

/** Fills the card sign-in form; does not wait for the outcome. */
export async function submitCard(page: Page, card: { name: string; mimeType: string; buffer: Buffer }, pin: string): Promise<void> {
  await page.goto("/pro/connexion");
  await page.getByLabel("Carte CPS (fichier)").setInputFiles(card);
  await page.getByLabel("Code porteur (PIN)").fill(pin);
  await page.getByRole("button", { name: "Se connecter avec la carte" }).click();
}

/** Signs in with a seeded professional's demo card and waits for the portal. */
export async function signInAs(page: Page, holderName: string): Promise<void> {
  const card = await fetchDemoCard(page, holderName);
  await submitCard(page, card, DEMO_PIN);
  await expect(page.getByRole("heading", { level: 1, name: "Rechercher un patient" })).toBeVisible();
}

/** Searches by name and birth date and follows the row's action link. */
export async function openFromSearch(page: Page, lastName: string, birthDate: string, linkName: RegExp | string): Promise<void> {
  await page.goto("/pro");
  await page.getByLabel("Nom (obligatoire)", { exact: true }).fill(lastName);
  await page.getByLabel("Date de naissance du patient").fill(birthDate);
  await page.getByRole("button", { name: "Rechercher par nom" }).click();
  await page.getByRole("link", { name: linkName }).click();
}

/** The alert of the page's content (Next adds its own route announcer with role alert). */
export function contentAlert(page: Page) {
  return page.locator("#contenu").getByRole("alert");
}
