import type { Page } from "@playwright/test";
import { contentAlert, expect, fullName, professionalWithRole, signInHospital, test, type Dmp, type TPatient } from "../fixtures/dmp";
import { expectNoSeriousA11yViolations } from "../fixtures/a11y";
import { ofName } from "@/lib/text/french";

// The list of authors offered is covered by e2e/hopital/feed-journey.spec.ts; this proves the server
// does not trust the list: an author id forged into the draft form is refused and nothing is saved
// nor sent, and a draft cannot be validated (so sent to the DMP) by anyone but its author, even by
// forging the document id of the validation form (HOSPITAL_VALIDATION, lib/access/establishment-roles.ts).
test.setTimeout(120_000);

const AUTHOR = "Médecin auteur (responsable du document)";
const CATALOGUE = "Document du catalogue de l'établissement";
const CONSULTATION = "CR Consultation — Compte rendu ou fiche de consultation ou de visite (11488-4)";

/** Opens the write form (step 1: write, save as draft) for the journey's own patient, admitted to its own hospital. */
async function openLetterFor(page: Page, patient: TPatient): Promise<void> {
  await page.goto("/hopital");
  await page.getByRole("link", { name: `Rédiger un document pour ${fullName(patient)}` }).click();
  await expect(page.getByRole("heading", { level: 1, name: `Nouveau document pour ${patient.firstName} ${patient.lastName.toUpperCase()}` })).toBeVisible();
}

/** Opens the patient's « Suivi export »: every document of the patient in the establishment, with its DMP status. */
async function openFollowUp(page: Page, patient: TPatient): Promise<void> {
  await page.goto("/hopital");
  await page.getByRole("link", { name: `Suivi export ${ofName(fullName(patient))}` }).click();
  await expect(page.getByRole("heading", { level: 1, name: /Suivi export dossier médical patient/ })).toBeVisible();
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

/** Writes a consultation report in the open write form and saves it as a draft; answers the draft's id (from the page's address). */
async function saveDraft(page: Page, title: string): Promise<string> {
  await page.getByLabel(CATALOGUE).selectOption({ label: CONSULTATION });
  await page.getByLabel("Titre du document").fill(title);
  await page.getByRole("button", { name: "Enregistrer le brouillon" }).click();
  await expect(page.getByRole("heading", { level: 1, name: `Brouillon : ${title}` })).toBeVisible();
  const documentId = new URL(page.url()).pathname.split("/").pop();
  expect(documentId).toBeTruthy();
  return decodeURIComponent(documentId!);
}

test("un médecin hospitalier ne peut pas signer au nom d'un confrère en forgeant l'auteur : refus en français, rien n'est envoyé", async ({ page, browser, dmp }) => {
  const { hospital, secretary: secretaryPro, cardiologist, oncologist, patient } = await hospitalScene(dmp);
  // The colleague's id, read where the server legitimately shows it: the secretary's choice of authors.
  // The secretary also types, for the colleague, a draft only the colleague may validate.
  const secretaryContext = await browser.newContext();
  const secretary = await secretaryContext.newPage();
  await signInHospital(secretary, secretaryPro, hospital.name);
  await openLetterFor(secretary, patient);
  const colleagueId = await secretary.getByLabel(AUTHOR).getByRole("option", { name: oncologist.name }).getAttribute("value");
  expect(colleagueId).toBeTruthy();
  await secretary.getByLabel(AUTHOR).selectOption(colleagueId!);
  const colleagueTitle = `Courrier de la consœur e2e ${Date.now()}`;
  const colleagueDraftId = await saveDraft(secretary, colleagueTitle);
  await secretaryContext.close();

  // Attack 1: the draft form with the author select forged to the colleague.
  await signInHospital(page, cardiologist, hospital.name);
  await openLetterFor(page, patient);
  await expect(page.getByLabel(AUTHOR).getByRole("option")).toHaveText([cardiologist.name]);
  await page.getByLabel(CATALOGUE).selectOption({ label: CONSULTATION });
  const forgedTitle = `Courrier signé d'un autre nom e2e ${Date.now()}`;
  await page.getByLabel("Titre du document").fill(forgedTitle);
  await forgeAuthor(page, colleagueId!, oncologist.name);
  await page.getByRole("button", { name: "Enregistrer le brouillon" }).click();
  await expect(contentAlert(page).filter({ hasText: "Le brouillon n'a pas été enregistré : Vous signez les documents en votre nom : choisissez-vous comme auteur." })).toBeVisible();
  await expect(page.getByRole("heading", { level: 1, name: `Nouveau document pour ${patient.firstName} ${patient.lastName.toUpperCase()}` })).toBeVisible();
  await expectNoSeriousA11yViolations(page);

  // Attack 2: his own draft's validation form, its hidden document id forged to the colleague's draft.
  const ownTitle = `Courrier du cardiologue e2e ${Date.now()}`;
  await openLetterFor(page, patient);
  await saveDraft(page, ownTitle);
  await expect(page.getByRole("checkbox", { name: "Envoi DMP" })).toBeChecked();
  await page.locator('input[type="hidden"][name="documentId"]').evaluate((input, forged) => {
    (input as HTMLInputElement).value = forged;
  }, colleagueDraftId);
  await page.getByRole("button", { name: "Valider le document" }).click();
  await expect(contentAlert(page).filter({ hasText: "Le document n'a pas été validé : Seul le médecin auteur valide le document." })).toBeVisible();
  await expect(page.locator("#contenu").getByRole("status").filter({ hasText: "Document validé" })).toHaveCount(0);

  // Nothing was sent: no forged document, the colleague's draft and his own are still unvalidated drafts.
  await openFollowUp(page, patient);
  await expect(page.getByRole("article", { name: forgedTitle })).toHaveCount(0);
  await expect(page.getByRole("article", { name: colleagueTitle })).toContainText("Brouillon (non validé)");
  await expect(page.getByRole("article", { name: ownTitle })).toContainText("Brouillon (non validé)");
  await expect(page.getByRole("article")).toHaveCount(2);
  await expect(page.locator("#contenu")).not.toContainText("Alimentation OK");
});

test("la secrétaire médicale ne peut pas désigner en forgeant le formulaire un auteur étranger à l'établissement", async ({ page, dmp }) => {
  const { hospital, secretary, outsider, patient } = await hospitalScene(dmp);
  await signInHospital(page, secretary, hospital.name);
  await openLetterFor(page, patient);
  await expect(page.getByLabel(AUTHOR).getByRole("option").filter({ hasText: outsider.name.replace(/^Dr /, "") })).toHaveCount(0);
  await page.getByLabel(CATALOGUE).selectOption({ label: CONSULTATION });
  await page.getByLabel("Titre du document").fill(`Courrier d'un auteur étranger e2e ${Date.now()}`);

  // A real professional of another place: refused as an author the establishment may not name.
  await forgeAuthor(page, outsider.professionalId, outsider.name);
  await page.getByRole("button", { name: "Enregistrer le brouillon" }).click();
  await expect(contentAlert(page).filter({ hasText: "Le brouillon n'a pas été enregistré : Le médecin auteur doit être un professionnel de santé de l'établissement." })).toBeVisible();
  await expectNoSeriousA11yViolations(page);

  // An id that is no professional at all: the server answers the same way.
  await forgeAuthor(page, "professionnel-inexistant", "Dr Inconnu");
  await page.getByRole("button", { name: "Enregistrer le brouillon" }).click();
  await expect(contentAlert(page).filter({ hasText: "Le médecin auteur doit être un professionnel de santé de l'établissement." })).toBeVisible();
  await expect(page.getByRole("heading", { level: 1, name: `Nouveau document pour ${patient.firstName} ${patient.lastName.toUpperCase()}` })).toBeVisible();

  // Nothing was saved, so nothing can reach the DMP.
  await openFollowUp(page, patient);
  await expect(page.getByText("Aucun document pour ce patient.")).toBeVisible();
  await expect(page.getByRole("article")).toHaveCount(0);
});
