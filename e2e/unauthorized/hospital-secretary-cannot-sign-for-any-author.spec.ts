import type { Page } from "@playwright/test";
import { expect, fullName, professionalWithRole, signInHospital, test, type Dmp, type TPatient } from "../fixtures/dmp";
import { expectNoSeriousA11yViolations } from "../fixtures/a11y";

// The list of authors offered is covered by e2e/hopital/feed-journey.spec.ts; this proves the server
// does not trust the list: an author id forged into the form is refused and nothing is sent.
test.setTimeout(120_000);

const AUTHOR = "Médecin auteur (responsable du document)";

/** Opens the letter form for the journey's own patient, admitted to its own hospital. */
async function openLetterFor(page: Page, patient: TPatient): Promise<void> {
  await page.goto("/hopital");
  await page.getByRole("link", { name: `Rédiger un document pour ${fullName(patient)}` }).click();
  await expect(page.getByRole("heading", { level: 1, name: `Nouveau document pour ${patient.firstName} ${patient.lastName.toUpperCase()}` })).toBeVisible();
}

/** A hospital with a secretary and two doctors, a pharmacist biologist elsewhere, and a patient admitted there. */
async function hospitalScene(dmp: Dmp) {
  const hospital = await dmp.structure({ name: "Hôpital Saint-Martin d'essai", kind: "HOSPITAL" });
  const secretary = await professionalWithRole(dmp, "secretaire", { firstName: "Sandrine", structure: hospital });
  const cardiologist = await dmp.professional({ firstName: "Marc", specialty: "SM04", structure: hospital });
  const oncologist = await dmp.professional({ firstName: "Hélène", specialty: null, structure: hospital });
  const outsider = await dmp.professional({ firstName: "Julien", profession: "21", specialty: null });
  const patient = await dmp.patient({ firstName: "Jean", sex: "M", birthDate: "1958-03-14" });
  await dmp.admit(hospital, patient);
  return { hospital, secretary, cardiologist, oncologist, outsider, patient };
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

test("un médecin hospitalier ne peut pas signer au nom d'un confrère en forgeant l'auteur : refus en français, rien n'est envoyé", async ({ page, browser, dmp }) => {
  const { hospital, secretary: secretaryPro, cardiologist, oncologist, patient } = await hospitalScene(dmp);
  // The colleague's id, read where the server legitimately shows it: the secretary's choice of authors.
  const secretaryContext = await browser.newContext();
  const secretary = await secretaryContext.newPage();
  await signInHospital(secretary, secretaryPro, hospital.name);
  await openLetterFor(secretary, patient);
  const colleagueId = await secretary.getByLabel(AUTHOR).getByRole("option", { name: oncologist.name }).getAttribute("value");
  expect(colleagueId).toBeTruthy();
  await secretaryContext.close();

  await signInHospital(page, cardiologist, hospital.name);
  await openLetterFor(page, patient);
  await expect(page.getByLabel(AUTHOR).getByRole("option")).toHaveText([cardiologist.name]);
  await page.getByLabel("Modèle de courrier").selectOption({ label: "Compte rendu de consultation (11488-4)" });
  await page.getByLabel("Titre du document").fill(`Courrier signé d'un autre nom e2e ${Date.now()}`);
  await expect(page.getByRole("checkbox", { name: "Envoi DMP" })).toBeChecked();
  await forgeAuthor(page, colleagueId!, oncologist.name);
  await page.getByRole("button", { name: "Valider le document" }).click();

  await expect(page.getByRole("alert").filter({ hasText: "Vous signez les documents en votre nom : choisissez-vous comme auteur." })).toBeVisible();
  await expect(page.locator("#contenu").getByRole("status").filter({ hasText: "Résultat de l'envoi au DMP" })).toHaveCount(0);
  await expect(page.locator("#contenu").getByRole("status").filter({ hasText: "Document validé" })).toHaveCount(0);
  await expectNoSeriousA11yViolations(page);
});

test("la secrétaire médicale ne peut pas désigner en forgeant le formulaire un auteur étranger à l'établissement", async ({ page, dmp }) => {
  const { hospital, secretary, outsider, patient } = await hospitalScene(dmp);
  await signInHospital(page, secretary, hospital.name);
  await openLetterFor(page, patient);
  await expect(page.getByLabel(AUTHOR).getByRole("option").filter({ hasText: outsider.name.replace(/^Dr /, "") })).toHaveCount(0);
  await page.getByLabel("Modèle de courrier").selectOption({ label: "Compte rendu de consultation (11488-4)" });
  await page.getByLabel("Titre du document").fill(`Courrier d'un auteur inconnu e2e ${Date.now()}`);
  // An id that is no professional of the establishment: the server answers as for any author it may not accept.
  await forgeAuthor(page, "professionnel-inexistant", "Dr Inconnu");
  await page.getByRole("button", { name: "Valider le document" }).click();

  await expect(page.getByRole("alert").filter({ hasText: "Le médecin auteur doit être un professionnel de santé de l'établissement." })).toBeVisible();
  await expect(page.locator("#contenu").getByRole("status").filter({ hasText: "Résultat de l'envoi au DMP" })).toHaveCount(0);
  await expectNoSeriousA11yViolations(page);
});
