import type { Page } from "@playwright/test";
import { expect, fullName, openFromNameSearch, signInWithCard, test } from "../fixtures/dmp";
import { expectNoSeriousA11yViolations } from "../fixtures/a11y";
import { ofName } from "@/lib/text/french";

test.describe.configure({ timeout: 120_000 });

const TITLE_V1 = "Consultation de suivi gynécologique – v1";
const TITLE_V2 = "Consultation de suivi gynécologique – v2";

/** The card of the summary with this heading (Allergies, Traitements…). */
function summaryCard(page: Page, heading: string) {
  // The innermost section holding the heading (the « Synthèse » section holds it too).
  return page.locator("section").filter({ has: page.getByRole("heading", { level: 3, name: heading, exact: true }) }).last();
}

test("une sage-femme remplace son document par une nouvelle version, puis ajoute une allergie et un traitement à la synthèse", async ({ page, dmp }) => {
  const midwife = await dmp.professional({ title: null, firstName: "Aurélie", profession: "50", specialty: null });
  const patient = await dmp.patient({ firstName: "Chloé", sex: "F", birthDate: "1995-05-10" });
  await dmp.consent(patient, midwife);
  const heading = `${patient.lastName.toUpperCase()} ${patient.firstName}`;
  await signInWithCard(page, midwife);
  await openFromNameSearch(page, patient, `Ouvrir le dossier ${ofName(fullName(patient))}`);
  await expect(page.getByRole("heading", { level: 1, name: heading })).toBeVisible();

  // Her own document, first version.
  await page.getByRole("link", { name: "Ajouter un document" }).click();
  await page.getByLabel("Type de document").selectOption("11488-4");
  await page.getByLabel("Titre").fill(TITLE_V1);
  await page.getByLabel("Contenu (texte)").fill("Examen normal. Pas de traitement.");
  await page.getByRole("button", { name: "Valider et déposer le document" }).click();
  await expect(page.getByRole("row", { name: new RegExp(TITLE_V1) })).toBeVisible();

  // The new version replaces it.
  await page.getByRole("link", { name: `Remplacer « ${TITLE_V1} »` }).click();
  await expect(page.getByRole("heading", { level: 1, name: `Nouvelle version de « ${TITLE_V1} »` })).toBeVisible();
  await expect(page.getByLabel("Titre")).toHaveValue(TITLE_V1);
  await expectNoSeriousA11yViolations(page);
  await page.getByLabel("Titre").fill(TITLE_V2);
  await page.getByLabel("Contenu (texte)").fill("Examen normal. Allergie au latex signalée par la patiente : traitement adapté.");
  await page.getByRole("button", { name: "Valider la nouvelle version" }).click();
  await expect(page.getByRole("heading", { level: 1, name: heading })).toBeVisible();
  const current = page.getByRole("region", { name: /^\d+ documents?$/ });
  await expect(current.getByRole("row", { name: new RegExp(TITLE_V2) })).toBeVisible();
  await expect(current.getByRole("row", { name: new RegExp(TITLE_V1) })).toHaveCount(0);
  await expect(page.getByRole("link", { name: `Remplacer « ${TITLE_V2} »` })).toBeVisible();

  // The old version is kept, marked as replaced.
  await page.getByLabel("Version").selectOption("REPLACED");
  await page.getByRole("button", { name: "Filtrer" }).click();
  await expect(page).toHaveURL(/status=REPLACED/);
  const replaced = page.getByRole("row", { name: new RegExp(TITLE_V1) });
  await expect(replaced).toBeVisible();
  await expect(replaced.getByText("Remplacé", { exact: true })).toBeVisible();
  await expect(page.getByRole("link", { name: `Remplacer « ${TITLE_V1} »` })).toHaveCount(0);

  // Summary (its own section of the record): an allergy and a treatment.
  await page.getByRole("navigation", { name: "Sections du dossier" }).getByRole("link", { name: "Synthèse" }).click();
  await expect(page).toHaveURL(/vue=synthese/);
  const allergies = summaryCard(page, "Allergies");
  await allergies.getByText("Ajouter une allergie", { exact: true }).click();
  const newAllergy = allergies.locator("details").filter({ has: page.locator("summary", { hasText: "Ajouter une allergie" }) });
  await newAllergy.getByLabel("Substance").fill("Latex");
  await newAllergy.getByLabel("Réaction").fill("Urticaire de contact");
  await newAllergy.getByLabel("Sévérité").selectOption("modérée");
  await newAllergy.getByRole("button", { name: "Ajouter l'allergie" }).click();
  await expect(allergies.getByRole("listitem").filter({ hasText: "Latex" })).toContainText("Urticaire de contact");

  const treatments = summaryCard(page, "Traitements");
  await treatments.getByText("Ajouter un traitement", { exact: true }).click();
  const newTreatment = treatments.locator("details").filter({ has: page.locator("summary", { hasText: "Ajouter un traitement" }) });
  await newTreatment.getByLabel("Médicament").fill("Fer (sulfate ferreux) 80 mg");
  await newTreatment.getByLabel("Posologie").fill("1 comprimé par jour pendant 3 mois");
  await newTreatment.getByLabel("Début").fill(new Date().toISOString().slice(0, 10));
  await newTreatment.getByRole("button", { name: "Ajouter le traitement" }).click();
  await expect(treatments.getByRole("listitem").filter({ hasText: "Fer (sulfate ferreux) 80 mg" })).toContainText("1 comprimé par jour pendant 3 mois");

  // Both stay in the summary on the next visit.
  await page.reload();
  await expect(summaryCard(page, "Allergies").getByRole("listitem").filter({ hasText: "Latex" })).toBeVisible();
  await expect(summaryCard(page, "Traitements").getByRole("listitem").filter({ hasText: "Fer (sulfate ferreux) 80 mg" })).toBeVisible();
  await expectNoSeriousA11yViolations(page);
});
