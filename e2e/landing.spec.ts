import { expect, test } from "@playwright/test";
import { expectNoSeriousA11yViolations } from "./fixtures/a11y";

test.describe("Page d'accueil", () => {
  test("présente le simulateur en français et mène aux trois portails", async ({ page }) => {
    await page.goto("/");

    await expect(page.locator("html")).toHaveAttribute("lang", "fr");
    await expect(page).toHaveTitle("DMP — simulateur");
    await expect(page.getByRole("heading", { level: 1, name: "Simulateur du Dossier Médical Partagé" })).toBeVisible();
    await expect(page.getByRole("heading", { level: 2, name: "Qu'est-ce que le DMP ?" })).toBeVisible();

    const main = page.getByRole("main");
    await expect(main.getByRole("link", { name: "Accéder au portail patient" })).toHaveAttribute("href", "/patient");
    await expect(main.getByRole("link", { name: "Accéder au portail professionnel" })).toHaveAttribute("href", "/pro");
    await expect(main.getByRole("link", { name: "Ouvrir le simulateur hospitalier" })).toHaveAttribute("href", "/hopital");
    await expect(main.getByRole("link", { name: "Point d'accès de l'API FHIR" })).toHaveAttribute("href", "/api/fhir");
    await expect(main.getByRole("link", { name: "Boîte de réception des courriels" })).toHaveAttribute("href", "/dev/mails");
    await expect(main.getByRole("link", { name: "SMS envoyés" })).toHaveAttribute("href", "/dev/sms");

    await expect(page.getByRole("contentinfo")).toContainText("fictifs");
  });

  test("le lien d'évitement mène au contenu au clavier", async ({ page }) => {
    await page.goto("/");

    await page.keyboard.press("Tab");
    const skipLink = page.getByRole("link", { name: "Aller au contenu" });
    await expect(skipLink).toBeFocused();
    await expect(skipLink).toBeVisible();

    await page.keyboard.press("Enter");
    await expect(page.getByRole("main")).toBeFocused();
  });

  test("n'a aucune violation d'accessibilité grave", async ({ page }) => {
    await page.goto("/");
    await expectNoSeriousA11yViolations(page);
  });
});

test("le point de santé répond", async ({ request }) => {
  const response = await request.get("/api/health");
  expect(response.status()).toBe(200);
  expect(response.headers()["cache-control"]).toContain("no-store");
  expect(await response.json()).toEqual({ status: "ok" });
});

test("une page inexistante affiche une page introuvable en français", async ({ page }) => {
  const response = await page.goto("/cette-page-n-existe-pas");
  expect(response?.status()).toBe(404);

  await expect(page.getByRole("heading", { level: 1, name: "Page introuvable" })).toBeVisible();
  await expect(page.getByRole("main").getByRole("link", { name: "Retour à l'accueil" })).toHaveAttribute("href", "/");
  await expectNoSeriousA11yViolations(page);
});
