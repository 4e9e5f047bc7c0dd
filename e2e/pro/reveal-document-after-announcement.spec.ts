import { expect, fullName, openFromNameSearch, signInAsPatient, signInWithCard, test } from "../fixtures/dmp";
import { expectNoSeriousA11yViolations } from "../fixtures/a11y";
import { ofName } from "@/lib/text/french";

test.describe.configure({ timeout: 120_000 });

const TITLE = "Compte rendu de biopsie prostatique – à annoncer";

test("un document invisible au patient lui devient visible après la consultation d'annonce, et il en est notifié", async ({ page, browser, dmp }) => {
  const doctor = await dmp.professional({ firstName: "Françoise", specialty: "SM53" });
  const patient = await dmp.patient({ firstName: "Robert", sex: "M", birthDate: "1941-11-30" });
  await dmp.treatingDoctor(patient, doctor);
  const patientNav = (p: typeof page) => p.getByRole("navigation", { name: "Espace patient" });
  // The patient signs in first, so no later notification mail competes with his code.
  await signInAsPatient(page, dmp, patient);

  const proContext = await browser.newContext();
  const pro = await proContext.newPage();
  try {
    await signInWithCard(pro, doctor);
    await openFromNameSearch(pro, patient, `Ouvrir le dossier ${ofName(fullName(patient))}`);
    await expect(pro.getByRole("heading", { level: 1, name: `${patient.lastName.toUpperCase()} ${patient.firstName}` })).toBeVisible();
    await pro.getByRole("link", { name: "Ajouter un document" }).click();
    await expect(pro.getByRole("heading", { level: 1, name: "Ajouter un document" })).toBeVisible();
    await pro.getByLabel("Type de document").selectOption("11488-4");
    await pro.getByLabel("Titre").fill(TITLE);
    await pro.getByLabel("Contenu (texte)").fill("Adénocarcinome prostatique, score de Gleason 7. Résultat à annoncer au patient en consultation.");
    await pro.getByLabel("Invisible au patient (INVISIBLE_PATIENT)").check();
    await expectNoSeriousA11yViolations(pro);
    await pro.getByRole("button", { name: "Valider et déposer le document" }).click();
    const row = pro.getByRole("row", { name: new RegExp(TITLE) });
    await expect(row).toBeVisible();
    await expect(row.getByText("Invisible au patient")).toBeVisible();
    // Its author may still replace it, beside the reveal button, and after it.
    await expect(row.getByRole("link", { name: `Remplacer « ${TITLE} »` })).toBeVisible();

    // Before the announcement consultation, the patient does not see it.
    await patientNav(page).getByRole("link", { name: "Mes documents" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Mes documents" })).toBeVisible();
    await expect(page.getByRole("region", { name: "Documents du dossier" })).toBeVisible();
    await expect(page.getByText(TITLE)).toHaveCount(0);

    await row.getByRole("button", { name: `Rendre visible au patient : ${TITLE}` }).click();
    // Once revealed, the row loses its badge and its button. The badge first: the button is
    // renamed « Envoi en cours… » as soon as it is clicked, and a reload then could cancel the
    // action before it is sent.
    await expect(row.getByText("Invisible au patient")).toHaveCount(0);
    await expect(row.getByRole("button", { name: `Rendre visible au patient : ${TITLE}` })).toHaveCount(0);
    await pro.reload();
    await expect(pro.getByRole("row", { name: new RegExp(TITLE) }).getByText("Invisible au patient")).toHaveCount(0);
    await expect(pro.getByRole("row", { name: new RegExp(TITLE) }).getByRole("link", { name: `Remplacer « ${TITLE} »` })).toBeVisible();
    await expectNoSeriousA11yViolations(pro);
  } finally {
    await proContext.close();
  }

  await page.reload();
  await expect(page.getByRole("region", { name: "Documents du dossier" }).getByText(TITLE)).toBeVisible();
  await expectNoSeriousA11yViolations(page);

  await patientNav(page).getByRole("link", { name: "Notifications" }).click();
  const note = page.getByRole("listitem").filter({ hasText: "Un document de votre DMP vous est désormais accessible" }).filter({ hasText: TITLE });
  await expect(note).toHaveCount(1);
  await expect(note).toContainText(doctor.name.replace(/^Dr /, ""));
  await expectNoSeriousA11yViolations(page);
});
