import { expect, signInAsPatient, test, type TPatient } from "../fixtures/dmp";
import { expectNoSeriousA11yViolations } from "../fixtures/a11y";
import type { Locator, Page } from "@playwright/test";

test.describe.configure({ timeout: 120_000 });

/** A card of the profile page, by its heading. */
const card = (page: Page, title: string) => page.locator("section").filter({ has: page.getByRole("heading", { name: title, exact: true }) });

/** Opens the <details> whose summary reads `text` (unless already open) and returns it. */
async function open(scope: Locator, text: string): Promise<Locator> {
  const details = scope.locator("details").filter({ has: scope.page().locator("summary", { hasText: text }) });
  if ((await details.getAttribute("open")) === null) await details.locator("summary").first().click();
  return details;
}

async function goToProfile(page: Page, dmp: Parameters<typeof signInAsPatient>[1], patient: TPatient) {
  await signInAsPatient(page, dmp, patient);
  await page.getByRole("navigation", { name: "Espace patient" }).getByRole("link", { name: "Profil médical" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Mon profil médical" })).toBeVisible();
}

test("le patient saisit ses mesures, une allergie et ses informations d'urgence ; une saisie impossible est refusée sans rien changer", async ({ page, dmp }) => {
  const patient = await dmp.patient({ firstName: "Maëlle", sex: "F", birthDate: "1984-03-12" });
  await goToProfile(page, dmp, patient);
  await expectNoSeriousA11yViolations(page);

  // A weight of 900 kg: a clear French message, nothing recorded.
  const measures = card(page, "Mes mesures");
  let form = await open(measures, "Ajouter une mesure");
  await form.getByRole("combobox", { name: "Mesure (obligatoire)" }).selectOption("WEIGHT");
  await form.getByLabel("Valeur").fill("900");
  await form.getByLabel("Date de la mesure").fill("2026-01-10");
  await form.getByRole("button", { name: "Ajouter la mesure" }).click();
  await expect(form.getByText("Poids : la valeur doit être comprise entre 0,5 et 400 kg.")).toBeVisible();
  await expect(form.getByText("rien n'a été enregistré")).toBeVisible();
  await expect(measures.getByText("Aucune mesure enregistrée.")).toBeVisible();
  await expectNoSeriousA11yViolations(page);

  // Two weights: a chart (an image with its description) and the table of values.
  for (const [value, date, count] of [["72,5", "2026-01-10", 2], ["70", "2026-02-10", 3]] as const) {
    form = await open(measures, "Ajouter une mesure");
    await form.getByRole("combobox", { name: "Mesure (obligatoire)" }).selectOption("WEIGHT");
    await form.getByLabel("Valeur").fill(value);
    await form.getByLabel("Date de la mesure").fill(date);
    await form.getByRole("button", { name: "Ajouter la mesure" }).click();
    await expect(measures.getByRole("table", { name: "Poids : valeurs mesurées" }).getByRole("row")).toHaveCount(count);
  }
  await expect(measures.getByRole("img", { name: "Poids (kg) dans le temps" })).toHaveAccessibleDescription(
    "2 mesures, de 72,5 kg le 10/01/2026 à 70 kg le 10/02/2026.",
  );
  const table = measures.getByRole("table", { name: "Poids : valeurs mesurées" });
  await expect(table.getByRole("row")).toHaveCount(3);
  await expect(table.getByRole("row", { name: /10\/01\/2026 72,5 kg/ })).toBeVisible();

  // An allergy the patient writes, then corrects.
  const allergies = card(page, "Allergies et intolérances");
  form = await open(allergies, "Ajouter une allergie");
  await form.getByLabel("Substance").fill("Pollen de bouleau");
  await form.getByLabel("Réaction").fill("Rhinite");
  await form.getByRole("button", { name: "Ajouter une allergie" }).click();
  await expect(allergies.getByRole("listitem").filter({ hasText: "Pollen de bouleau" })).toContainText(`Renseigné par ${patient.firstName} ${patient.lastName} (patient)`);
  form = await open(allergies, "Modifier l'allergie Pollen de bouleau");
  await form.getByLabel("Réaction").fill("Rhinite et conjonctivite");
  await form.getByRole("button", { name: "Enregistrer la modification" }).click();
  await expect(allergies.getByRole("listitem").filter({ hasText: "Pollen de bouleau" })).toContainText("Rhinite et conjonctivite");

  // A vaccination in the future and a malformed code are refused.
  const vaccinations = card(page, "Vaccinations");
  form = await open(vaccinations, "Ajouter une vaccination");
  await form.getByRole("textbox", { name: "Vaccin (obligatoire)" }).fill("Grippe saisonnière");
  await form.getByLabel("Date de la vaccination").fill("2999-01-01");
  await form.getByLabel("Code ATC du vaccin").fill("J7-GRIPPE");
  await form.getByRole("button", { name: "Ajouter une vaccination" }).click();
  await expect(form.getByText("La date de vaccination ne peut pas être dans le futur.")).toBeVisible();
  await expect(form.getByText(/Code ATC de vaccin invalide/)).toBeVisible();
  await expect(vaccinations.getByText("Aucune vaccination renseignée.")).toBeVisible();
  await expectNoSeriousA11yViolations(page);

  // Emergency information: advance directives, trusted person, organ donation.
  const emergency = card(page, "Informations d'urgence");
  form = await open(emergency, "Modifier mes informations d'urgence");
  await form.getByLabel("Où se trouvent mes directives anticipées").fill("Chez mon médecin traitant");
  await form.getByLabel("Nom de la personne de confiance").fill("Hugo Martin");
  await form.getByLabel("Téléphone de la personne de confiance").fill("06 12 34 56 78");
  await form.getByLabel("Don d'organes et de tissus").selectOption("ACCEPTS");
  await form.getByRole("button", { name: "Enregistrer mes informations d'urgence" }).click();
  await expect(emergency.getByText("Vos informations d'urgence sont enregistrées.")).toBeVisible();
  await expect(emergency.getByRole("definition").filter({ hasText: "Hugo Martin — 06 12 34 56 78" })).toBeVisible();
  await expect(emergency.getByRole("definition").filter({ hasText: "Je suis favorable au don de mes organes et tissus" })).toBeVisible();
  await expectNoSeriousA11yViolations(page);
});
