import { expect, fullName, signInAsPatient, signInWithCard, test } from "../fixtures/dmp";
import { expectNoSeriousA11yViolations } from "../fixtures/a11y";
import { ofName } from "@/lib/text/french";

// Multi-page journeys on a shared 2-core machine: more than the default 30 s.
test.describe.configure({ timeout: 90_000 });

test("un représentant légal ne voit jamais un document invisible aux représentants légaux", async ({ page, dmp }) => {
  const pediatrician = await dmp.professional({ firstName: "Amélie" });
  const { minor, representative } = await dmp.minor(pediatrician, { firstName: "Chloé", sex: "F", representative: { relationship: "Père" } });
  await dmp.document({ patient: minor, author: pediatrician, title: "Compte rendu de consultation pédiatrique" });
  const hidden = await dmp.document({ patient: minor, author: pediatrician, title: "Consultation confidentielle", masking: ["INVISIBLE_REPRESENTANTS_LEGAUX"] });

  await signInAsPatient(page, dmp, representative);
  // The representative has no record of their own and one minor: straight to the child's record.
  await expect(page.getByRole("heading", { level: 1, name: `DMP ${ofName(fullName(minor))}` })).toBeVisible();
  await expect(page.getByText(/représentant légal, dossier (de |d')/)).toBeVisible();
  await expectNoSeriousA11yViolations(page);

  await page.goto("/patient/documents?pageSize=100");
  await expect(page.getByRole("region", { name: "Documents du dossier" }).getByRole("row", { name: /Compte rendu de consultation pédiatrique/ })).toBeVisible();
  await expect(page.getByRole("main")).not.toContainText(hidden.title);
  const response = await page.goto(`/patient/documents/${hidden.documentId}`);
  expect(response?.status()).toBe(404);
  const content = await page.request.get(`/patient/documents/${hidden.documentId}/contenu`);
  expect(content.status()).toBe(404);
});

test("une patiente qui représente un mineur passe d'un dossier à l'autre", async ({ page, browser, dmp }) => {
  const mother = await dmp.patient({ firstName: "Camille", otpChannel: "SMS" });
  const child = await dmp.beneficiary({ firstName: "Noah", lastName: mother.lastName, sex: "M", birthDate: "2019-09-01" });
  const pediatrician = await dmp.professional();

  // The pediatrician opens the child's record with the mother, who already has her own account.
  const proContext = await browser.newContext();
  const pro = await proContext.newPage();
  try {
    await signInWithCard(pro, pediatrician);
    await pro.getByLabel("Nom (obligatoire)", { exact: true }).fill(child.lastName);
    await pro.getByLabel("Date de naissance du patient").fill(child.birthDate);
    await pro.getByRole("button", { name: "Rechercher par nom" }).click();
    await pro.getByRole("link", { name: `Créer le DMP ${ofName(fullName(child))}` }).click();
    await pro.getByLabel("Lien avec l'enfant").selectOption("Mère");
    await pro.getByLabel("Le représentant a déjà un compte Mon espace santé", { exact: true }).check();
    await pro.getByLabel("Identifiant Mon espace santé du représentant").fill(mother.loginId);
    await pro.getByLabel("Adresse électronique du représentant").fill(mother.email);
    await pro.getByLabel("Le représentant légal a donné son accord pour la création du DMP de l'enfant").check();
    await pro.getByRole("button", { name: "Créer le dossier" }).click();
    await expect(pro.getByRole("region", { name: "Dossier créé" })).toBeVisible();
  } finally {
    await proContext.close();
  }

  await signInAsPatient(page, dmp, mother);
  await expect(page.getByRole("heading", { level: 1, name: `DMP ${ofName(fullName(mother))}` })).toBeVisible();
  await page.getByRole("link", { name: "Changer de dossier" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Choisir le dossier à consulter" })).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  await page.getByRole("button", { name: `Ouvrir le dossier ${ofName(fullName(child))}` }).click();
  await expect(page.getByRole("heading", { level: 1, name: `DMP ${ofName(fullName(child))}` })).toBeVisible();
});
