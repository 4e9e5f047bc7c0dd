import { expect, type BrowserContext, type Page } from "@playwright/test";
import { DEMO_PASSWORD } from "../patient/helpers";

export const JUSTIFICATION = "Patient inconscient amené aux urgences après une chute, recherche des allergies et traitements.";

/** Searches by name + birth date on the professional search page and follows "Premier accès au dossier de …". */
export async function goToFirstAccess(page: Page, lastName: string, birthDate: string, fullName: string): Promise<void> {
  await page.goto("/pro");
  await page.getByLabel("Nom (obligatoire)", { exact: true }).fill(lastName);
  await page.getByLabel("Date de naissance du patient").fill(birthDate);
  await page.getByRole("button", { name: "Rechercher par nom" }).click();
  await page.getByRole("link", { name: `Premier accès au dossier de ${fullName}` }).click();
  await expect(page.getByRole("heading", { level: 1, name: `Accès au dossier de ${fullName}` })).toBeVisible();
}

/** Fills and sends the break-the-glass form of the first-access page. */
export async function declareBreakGlass(page: Page, justification: string, { checkBoth = true } = {}): Promise<void> {
  const form = page.getByRole("region", { name: "Accès en urgence (bris de glace)" });
  if (checkBoth) {
    await form.getByLabel("L'état du patient comporte un risque immédiat pour sa santé").check();
    await form.getByLabel("Le patient est hors d'état d'exprimer sa volonté").check();
  }
  await form.getByLabel(/Justification de l'accès en urgence/).fill(justification);
  await form.getByRole("button", { name: "Déclarer l'urgence et ouvrir le dossier" }).click();
}

/** The alert of the page's content (Next adds its own route announcer with role alert). */
export function contentAlert(page: Page) {
  return page.locator("#contenu").getByRole("alert");
}

/**
 * The one-time codes a patient received (/dev/sms or /dev/mails), newest first, ignoring the
 * messages without a code — emergency-access notifications land in the same outbox.
 */
async function readCodes(context: BrowserContext, recipient: string): Promise<string[]> {
  const path = recipient.includes("@") ? "/dev/mails" : "/dev/sms";
  const page = await context.newPage();
  try {
    await page.goto(`${path}?destinataire=${encodeURIComponent(recipient)}`);
    return await page.getByTestId("code").allTextContents();
  } finally {
    await page.close();
  }
}

/** Patient sign-in (identifier, password, one-time code) that tolerates notifications in the outbox. */
export async function signInPatient(page: Page, loginId: string, recipient: string): Promise<void> {
  const before = (await readCodes(page.context(), recipient)).length;
  await page.goto("/patient/connexion");
  await page.getByLabel("Identifiant").fill(loginId);
  await page.getByLabel("Mot de passe").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Se connecter" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Saisir le code à usage unique" })).toBeVisible();
  let code = "";
  await expect
    .poll(
      async () => {
        const codes = await readCodes(page.context(), recipient);
        code = codes[0] ?? "";
        return codes.length > before;
      },
      { timeout: 15_000, message: `aucun nouveau code pour ${recipient}` },
    )
    .toBe(true);
  await page.getByLabel("Code à usage unique").fill(code);
  await page.getByRole("button", { name: "Valider le code" }).click();
  await page.waitForURL((url) => !url.pathname.startsWith("/patient/connexion"));
}
