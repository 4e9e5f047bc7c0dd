import type { Page } from "@playwright/test";
import { formatNir } from "../../lib/identity/nir";
import { contentAlert, expect, fullName, openFromNameSearch, signInAsPatient, signInWithCard, test, type TPatient } from "../fixtures/dmp";
import { expectNoSeriousA11yViolations } from "../fixtures/a11y";
import { ofName } from "@/lib/text/french";

test.describe.configure({ timeout: 150_000 });

/** The development inbox of an address, newest first. */
async function mails(page: Page, address: string): Promise<string[]> {
  await page.goto(`/dev/mails?destinataire=${encodeURIComponent(address)}`);
  return page.getByRole("article").allTextContents();
}

async function fillExistingRepresentative(pro: Page, father: TPatient, email: string) {
  await pro.getByLabel("Lien avec l'enfant").selectOption("Père");
  await pro.getByLabel("Le représentant a déjà un compte Mon espace santé", { exact: true }).check();
  await pro.getByLabel("Identifiant Mon espace santé du représentant").fill(father.loginId);
  await pro.getByLabel("Adresse électronique du représentant").fill(email);
  await pro.getByLabel("Le représentant légal a donné son accord pour la création du DMP de l'enfant").check();
}

test("une pédiatre crée le DMP d'une enfant avec l'accord de son père, qui le retrouve dans son espace", async ({ page, browser, dmp }) => {
  const pediatrician = await dmp.professional({ firstName: "Amélie", specialty: "SM40" });
  // The father has his own record and account; his daughter is in the registry, without a record.
  const father = await dmp.patient({ firstName: "Ahmed", sex: "M", birthDate: "1984-02-10", otpChannel: "EMAIL" });
  const child = await dmp.beneficiary({ firstName: "Inès", lastName: father.lastName, sex: "F", birthDate: "2019-03-08" });
  const childName = fullName(child);

  const proContext = await browser.newContext();
  const pro = await proContext.newPage();
  try {
    await signInWithCard(pro, pediatrician);
    await openFromNameSearch(pro, child, `Créer le DMP ${ofName(childName)}`);

    await expect(pro.getByRole("heading", { level: 1, name: `Créer le DMP ${ofName(childName)}` })).toBeVisible();
    const identity = pro.getByRole("region", { name: "Identité (registre de l'Assurance Maladie)" });
    await expect(identity).toContainText(formatNir(child.nir));
    await expect(identity).toContainText("08/03/2019");
    await expect(pro.getByRole("group", { name: "Représentant légal", exact: true })).toBeVisible();
    await expectNoSeriousA11yViolations(pro);

    // A contact that is not the account's: the same neutral message as an unknown login, nothing created.
    await fillExistingRepresentative(pro, father, "quelqu.un@exemple.fr");
    await pro.getByRole("button", { name: "Créer le dossier" }).click();
    await expect(contentAlert(pro)).toContainText("Aucun compte Mon espace santé ne correspond à cet identifiant et à ces coordonnées.");
    await expect(pro.getByLabel("Identifiant Mon espace santé du représentant")).toHaveValue(father.loginId);
    await expect(pro.getByLabel("Lien avec l'enfant")).toHaveValue("Père");
    await expectNoSeriousA11yViolations(pro);

    // The address is compared without regard to case.
    await fillExistingRepresentative(pro, father, father.email.charAt(0).toUpperCase() + father.email.slice(1));
    await pro.getByRole("button", { name: "Créer le dossier" }).click();
    const done = pro.getByRole("region", { name: "Dossier créé" });
    await expect(done).toBeVisible();
    await expect(done).toContainText(`${father.loginId} retrouve le dossier de l'enfant dans son espace (« Changer de dossier »).`);
    await expectNoSeriousA11yViolations(pro);

    // The creator is authorized on the child's record.
    await done.getByRole("link", { name: `Ouvrir le dossier ${ofName(childName)}` }).click();
    await expect(pro.getByRole("heading", { level: 1, name: `${child.lastName.toUpperCase()} ${child.firstName}` })).toBeVisible();
  } finally {
    await proContext.close();
  }

  // The child has no account: the creation notice goes to her father's address.
  await expect
    .poll(async () => (await mails(page, father.email)).some((t) => t.includes(`Le dossier médical partagé ${ofName(childName)} est ouvert`)), {
      timeout: 20_000,
      message: "notification de création non reçue par le représentant",
    })
    .toBe(true);

  // The father signs in to his own record, then switches to his daughter's.
  await signInAsPatient(page, dmp, father);
  await expect(page.getByRole("heading", { level: 1, name: `DMP ${ofName(fullName(father))}` })).toBeVisible();
  await page.getByRole("link", { name: "Changer de dossier" }).click();
  await page.getByRole("button", { name: `Ouvrir le dossier ${ofName(childName)}` }).click();
  await expect(page.getByRole("heading", { level: 1, name: `DMP ${ofName(childName)}` })).toBeVisible();
  await expect(page.getByText(/représentant légal, dossier (de |d')/)).toBeVisible();
  await expectNoSeriousA11yViolations(page);
});

test("une pédiatre crée le DMP d'un enfant et un compte pour sa mère, qui reçoit son identifiant par SMS", async ({ page, dmp }) => {
  const pediatrician = await dmp.professional({ firstName: "Amélie", specialty: "SM40" });
  const child = await dmp.beneficiary({ firstName: "Adam", sex: "M", birthDate: "2019-03-08" });
  const childName = fullName(child);
  // A mobile number of this journey's own (07 8…, outside the sandbox's 07 9…), so its SMS outbox holds only its messages.
  const digits = `8${String(Math.floor(Math.random() * 10_000_000)).padStart(7, "0")}`;
  const mobile = `07 ${digits.match(/../g)?.join(" ")}`;
  const mobileE164 = `+337${digits}`;
  const motherLogin = `leila.${child.lastName.toLowerCase()}`;

  await signInWithCard(page, pediatrician);
  await openFromNameSearch(page, child, `Créer le DMP ${ofName(childName)}`);
  await expect(page.getByRole("heading", { level: 1, name: `Créer le DMP ${ofName(childName)}` })).toBeVisible();

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
  await page.getByLabel("Nom du représentant", { exact: true }).fill(child.lastName);
  await page.getByLabel("Téléphone mobile du représentant").fill(mobile);
  await page.getByLabel("Le représentant légal a donné son accord pour la création du DMP de l'enfant").check();
  await page.getByRole("button", { name: "Créer le dossier" }).click();
  const done = page.getByRole("region", { name: "Dossier créé" });
  await expect(done).toContainText(`Identifiant ${motherLogin} et mot de passe provisoire envoyés au représentant par SMS.`);
  await expect(done).not.toContainText(/provisoire\s*:/);
  await expectNoSeriousA11yViolations(page);

  await page.goto(`/dev/sms?destinataire=${encodeURIComponent(mobileE164)}`);
  await expect(page.getByRole("article").filter({ hasText: `Identifiant : ${motherLogin}` })).toContainText(`Le DMP ${ofName(childName)} a été créé par`);
});
