import { expect, test, type Page } from "@playwright/test";
import { expectNoSeriousA11yViolations } from "../fixtures/a11y";
import { demoEmail, signIn } from "../patient/helpers";
import { contentAlert, openFromSearch, signInAs } from "./pro-helpers";

test.describe.configure({ timeout: 150_000 });

const AHMED_EMAIL = demoEmail("ahmed.benali");

/** The development inbox of Ahmed Benali, newest first. */
async function ahmedMails(page: Page): Promise<string[]> {
  await page.goto(`/dev/mails?destinataire=${encodeURIComponent(AHMED_EMAIL)}`);
  return page.getByRole("article").allTextContents();
}

async function fillExistingRepresentative(pro: Page, email: string) {
  await pro.getByLabel("Lien avec l'enfant").selectOption("Père");
  await pro.getByLabel("Le représentant a déjà un compte Mon espace santé", { exact: true }).check();
  await pro.getByLabel("Identifiant Mon espace santé du représentant").fill("ahmed.benali");
  await pro.getByLabel("Adresse électronique du représentant").fill(email);
  await pro.getByLabel("Le représentant légal a donné son accord pour la création du DMP de l'enfant").check();
}

test("une pédiatre crée le DMP d'une enfant avec l'accord de son père, qui le retrouve dans son espace", async ({ page, browser }) => {
  const proContext = await browser.newContext();
  const pro = await proContext.newPage();
  try {
    await signInAs(pro, "Dr Amélie Chevalier");
    await openFromSearch(pro, "Benali", "2019-03-08", "Créer le DMP de Inès Benali");

    await expect(pro.getByRole("heading", { level: 1, name: "Créer le DMP de Inès Benali" })).toBeVisible();
    const identity = pro.getByRole("region", { name: "Identité (registre de l'Assurance Maladie)" });
    await expect(identity).toContainText("1 79 06 99 350 017 57");
    await expect(identity).toContainText("08/03/2019");
    await expect(pro.getByRole("group", { name: "Représentant légal", exact: true })).toBeVisible();
    await expectNoSeriousA11yViolations(pro);

    // A contact that is not the account's: the same neutral message as an unknown login, nothing created.
    await fillExistingRepresentative(pro, "quelqu.un@exemple.fr");
    await pro.getByRole("button", { name: "Créer le dossier" }).click();
    await expect(contentAlert(pro)).toContainText("Aucun compte Mon espace santé ne correspond à cet identifiant et à ces coordonnées.");
    await expect(pro.getByLabel("Identifiant Mon espace santé du représentant")).toHaveValue("ahmed.benali");
    await expect(pro.getByLabel("Lien avec l'enfant")).toHaveValue("Père");
    await expectNoSeriousA11yViolations(pro);

    await fillExistingRepresentative(pro, "Ahmed.Benali@demo-patient.fr");
    await pro.getByRole("button", { name: "Créer le dossier" }).click();
    const done = pro.getByRole("region", { name: "Dossier créé" });
    await expect(done).toBeVisible();
    await expect(done).toContainText("ahmed.benali retrouve le dossier de l'enfant dans son espace (« Changer de dossier »).");
    await expectNoSeriousA11yViolations(pro);

    // The creator is authorized on the child's record.
    await done.getByRole("link", { name: "Ouvrir le dossier de Inès Benali" }).click();
    await expect(pro.getByRole("heading", { level: 1, name: "BENALI Inès" })).toBeVisible();
  } finally {
    await proContext.close();
  }

  // The child has no account: the creation notice goes to her father's address.
  await expect
    .poll(async () => (await ahmedMails(page)).some((t) => t.includes("Le dossier médical partagé de Inès Benali est ouvert")), {
      timeout: 20_000,
      message: "notification de création non reçue par le représentant",
    })
    .toBe(true);

  // Ahmed signs in to his own record, then switches to his daughter's.
  await signIn(page, "ahmed.benali");
  await expect(page.getByRole("heading", { level: 1, name: "DMP de Ahmed Benali" })).toBeVisible();
  await page.getByRole("link", { name: "Changer de dossier" }).click();
  await page.getByRole("button", { name: "Ouvrir le dossier de Inès Benali" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "DMP de Inès Benali" })).toBeVisible();
  await expect(page.getByText("représentant légal, dossier de")).toBeVisible();
  await expectNoSeriousA11yViolations(page);
});

test("une pédiatre crée le DMP d'un enfant et un compte pour sa mère, qui reçoit son identifiant par SMS", async ({ page }) => {
  await signInAs(page, "Dr Amélie Chevalier");
  await openFromSearch(page, "Benali", "2019-03-08", "Créer le DMP de Adam Benali");
  await expect(page.getByRole("heading", { level: 1, name: "Créer le DMP de Adam Benali" })).toBeVisible();

  // A new account needs names and a contact: clear French messages, linked to their fields.
  await page.getByLabel("Créer un compte pour le représentant", { exact: true }).check();
  await expect(page.getByLabel("Identifiant Mon espace santé du représentant")).toHaveCount(0);
  await page.getByRole("button", { name: "Créer le dossier" }).click();
  await expect(page.getByText("Choisissez le lien du représentant avec l'enfant.")).toBeVisible();
  await expect(page.getByText("Indiquez le prénom du représentant.")).toBeVisible();
  await expect(page.getByText("Indiquez le nom du représentant.")).toBeVisible();
  await expect(page.getByText("Indiquez une adresse électronique et/ou un numéro de mobile du représentant.")).toBeVisible();
  await expect(page.getByText(/le représentant légal doit avoir donné son accord/)).toBeVisible();
  await expect(page.getByLabel("Prénom du représentant", { exact: true })).toHaveAttribute("aria-invalid", "true");
  await expectNoSeriousA11yViolations(page);

  await page.getByLabel("Lien avec l'enfant").selectOption("Mère");
  await page.getByLabel("Prénom du représentant", { exact: true }).fill("Leïla");
  await page.getByLabel("Nom du représentant", { exact: true }).fill("Benali");
  await page.getByLabel("Téléphone mobile du représentant").fill("07 11 22 33 44");
  await page.getByLabel("Le représentant légal a donné son accord pour la création du DMP de l'enfant").check();
  await page.getByRole("button", { name: "Créer le dossier" }).click();
  const done = page.getByRole("region", { name: "Dossier créé" });
  await expect(done).toContainText("Identifiant leila.benali et mot de passe provisoire envoyés au représentant par SMS.");
  await expect(done).not.toContainText(/provisoire\s*:/);
  await expectNoSeriousA11yViolations(page);

  await page.goto(`/dev/sms?destinataire=${encodeURIComponent("+33711223344")}`);
  await expect(page.getByRole("article").filter({ hasText: "Identifiant : leila.benali" })).toContainText("Le DMP de Adam Benali a été créé par");
});
