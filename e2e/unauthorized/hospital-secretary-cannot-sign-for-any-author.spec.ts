import { expect, test, type Page } from "@playwright/test";
import { expectNoSeriousA11yViolations } from "../fixtures/a11y";
import { DEMO_PIN, fetchDemoCard } from "../pro/pro-helpers";

// The list of authors offered is covered by e2e/hopital/feed-journey.spec.ts; this proves the server
// does not trust the list: an author id forged into the form is refused and nothing is sent.
test.setTimeout(120_000);

const AUTHOR = "Médecin auteur (responsable du document)";

async function signInHospital(page: Page, holderName: string): Promise<void> {
  const card = await fetchDemoCard(page, holderName);
  await page.goto("/hopital/connexion");
  await page.getByLabel("Carte CPS (fichier)").setInputFiles(card);
  await page.getByLabel("Code porteur (PIN)").fill(DEMO_PIN);
  await page.getByRole("button", { name: "Se connecter avec la carte" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Hôpital Saint-Martin" })).toBeVisible();
}

async function openLetterForJeanMartin(page: Page): Promise<void> {
  await page.goto("/hopital");
  await page.getByRole("link", { name: "Rédiger un document pour Jean Martin" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Nouveau document pour Jean MARTIN" })).toBeVisible();
}

/** Adds an option the server never offered to the author select and chooses it, as a forged request would. */
async function forgeAuthor(page: Page, professionalId: string, label: string): Promise<void> {
  await page.getByLabel(AUTHOR).evaluate(
    (select, forged) => {
      const option = document.createElement("option");
      option.value = forged.professionalId;
      option.textContent = forged.label;
      (select as HTMLSelectElement).append(option);
    },
    { professionalId, label },
  );
  await page.getByLabel(AUTHOR).selectOption(professionalId);
}

test("un médecin hospitalier ne peut pas signer au nom d'un confrère en forgeant l'auteur : refus en français, rien n'est envoyé", async ({ page, browser }) => {
  // The colleague's id, read where the server legitimately shows it: the secretary's choice of authors.
  const secretaryContext = await browser.newContext();
  const secretary = await secretaryContext.newPage();
  await signInHospital(secretary, "Sandrine Roux");
  await openLetterForJeanMartin(secretary);
  const colleagueId = await secretary.getByLabel(AUTHOR).getByRole("option", { name: "Dr Hélène Moreau" }).getAttribute("value");
  expect(colleagueId).toBeTruthy();
  await secretaryContext.close();

  await signInHospital(page, "Dr Marc Lefèvre");
  await openLetterForJeanMartin(page);
  await expect(page.getByLabel(AUTHOR).getByRole("option")).toHaveText(["Dr Marc Lefèvre"]);
  await page.getByLabel("Modèle de courrier").selectOption({ label: "Compte rendu de consultation (11488-4)" });
  await page.getByLabel("Titre du document").fill(`Courrier signé d'un autre nom e2e ${Date.now()}`);
  await expect(page.getByRole("checkbox", { name: "Envoi DMP" })).toBeChecked();
  await forgeAuthor(page, colleagueId!, "Dr Hélène Moreau");
  await page.getByRole("button", { name: "Valider le document" }).click();

  await expect(page.getByRole("alert").filter({ hasText: "Vous signez les documents en votre nom : choisissez-vous comme auteur." })).toBeVisible();
  await expect(page.locator("#contenu").getByRole("status").filter({ hasText: "Résultat de l'envoi au DMP" })).toHaveCount(0);
  await expect(page.locator("#contenu").getByRole("status").filter({ hasText: "Document validé" })).toHaveCount(0);
  await expectNoSeriousA11yViolations(page);
});

test("la secrétaire médicale ne peut pas désigner en forgeant le formulaire un auteur étranger à l'établissement", async ({ page }) => {
  await signInHospital(page, "Sandrine Roux");
  await openLetterForJeanMartin(page);
  await expect(page.getByLabel(AUTHOR).getByRole("option").filter({ hasText: "Julien Garnier" })).toHaveCount(0);
  await page.getByLabel("Modèle de courrier").selectOption({ label: "Compte rendu de consultation (11488-4)" });
  await page.getByLabel("Titre du document").fill(`Courrier d'un auteur inconnu e2e ${Date.now()}`);
  // An id that is no professional of the establishment: the server answers as for any author it may not accept.
  await forgeAuthor(page, "professionnel-inexistant", "Dr Inconnu");
  await page.getByRole("button", { name: "Valider le document" }).click();

  await expect(page.getByRole("alert").filter({ hasText: "Le médecin auteur doit être un professionnel de santé de l'établissement." })).toBeVisible();
  await expect(page.locator("#contenu").getByRole("status").filter({ hasText: "Résultat de l'envoi au DMP" })).toHaveCount(0);
  await expectNoSeriousA11yViolations(page);
});
