import { expect, fullName, openFromNameSearch, signInWithCard, test } from "../fixtures/dmp";
import { expectNoSeriousA11yViolations } from "../fixtures/a11y";
import { ofName } from "@/lib/text/french";

test.setTimeout(60_000);

test("le chirurgien-dentiste ne voit pas les types que la matrice lui refuse, et ils ne sont pas comptés", async ({ page, dmp }) => {
  const dentist = await dmp.professional({ firstName: "Thomas", profession: "40", specialty: null });
  const gp = await dmp.professional({ firstName: "Claire", specialty: "SM54" });
  const patient = await dmp.patient({ firstName: "Jean", sex: "M", birthDate: "1958-03-14" });
  await dmp.treatingDoctor(patient, gp);
  await dmp.consent(patient, dentist);
  await dmp.document({ patient, author: dentist, typeCode: "57833-6", title: "Ordonnance – bain de bouche et antalgique" });
  await dmp.document({ patient, author: gp, typeCode: "18776-5", title: "Plan personnalisé de soins" });

  await signInWithCard(page, dentist);
  await openFromNameSearch(page, patient, `Ouvrir le dossier ${ofName(fullName(patient))}`);
  await expect(page.getByRole("heading", { level: 1, name: `${patient.lastName.toUpperCase()} ${patient.firstName}` })).toBeVisible();
  await expect(page.getByRole("row", { name: /Ordonnance – bain de bouche et antalgique/ })).toBeVisible();
  await expect(page.getByRole("row", { name: /Plan personnalisé de soins/ })).toHaveCount(0);

  // Filtering on the refused type finds nothing, and says 0.
  await page.getByLabel("Type", { exact: true }).selectOption("18776-5");
  await page.getByRole("button", { name: "Filtrer" }).click();
  await expect(page.getByRole("table", { name: "0 document" })).toBeVisible();
  await expectNoSeriousA11yViolations(page);

  // The add-document form only offers what a dentist may author.
  await page.goto(page.url().split("?")[0] + "/ajouter-document");
  const options = await page.getByLabel("Type de document").locator("option").allTextContents();
  expect(options.slice(1).sort()).toEqual(
    ["Compte rendu d'imagerie médicale", "Compte rendu ou fiche de consultation ou de visite", "Prescription de produits de santé"].sort(),
  );
  await expectNoSeriousA11yViolations(page);
});
