import { expect, signInAsPatient, signInWithCard, test } from "../fixtures/dmp";
import { expectNoSeriousA11yViolations } from "../fixtures/a11y";

test.describe.configure({ timeout: 120_000 });

const TITLE = "Compte rendu de consultation de cardiologie";

test("qui peut voir ce document : la réponse des règles pour l'auteur et pour le patient, et qui l'a ouvert", async ({ page, browser, dmp }) => {
  const cardiologist = await dmp.professional({ firstName: "Marc", specialty: "SM04" });
  const nurse = await dmp.professional({ firstName: "Inès", profession: "60", specialty: null });
  const patient = await dmp.patient({ firstName: "Jean", sex: "M", birthDate: "1958-03-14" });
  await dmp.consent(patient, cardiologist);
  await dmp.consent(patient, nurse);
  const doc = await dmp.document({ patient, author: cardiologist, title: TITLE });

  // The author reads the policy's answer about their document; opening the content leaves a trace.
  await signInWithCard(page, cardiologist);
  const base = `/pro/patients/${patient.patientId}/documents/${doc.documentId}`;
  expect((await page.request.get(base)).status()).toBe(200);
  await page.goto(`${base}/visibilite`);
  await expect(page.getByRole("heading", { level: 1, name: "Qui peut voir ce document ?" })).toBeVisible();
  await expect(page.getByText(/Professionnels autorisés à accéder au dossier qui peuvent le lire selon la matrice d'habilitations : médecin, .*infirmier/)).toBeVisible();
  await expect(page.getByText("Vous, son auteur, le voyez.")).toBeVisible();
  await expect(page.getByText("Le patient le voit dans son DMP.")).toBeVisible();
  await expect(page.getByText(/^Si le patient le masque, .* ne le verront plus ; seuls le médecin traitant et son auteur le verront encore\.$/)).toBeVisible();
  // The author is not shown the patient-side history.
  await expect(page.getByRole("heading", { name: "Professionnels qui l'ont consulté" })).toHaveCount(0);
  await expectNoSeriousA11yViolations(page);

  // Another professional, even authorized, has no such page: it answers as an unknown one.
  const nurseContext = await browser.newContext();
  const nursePage = await nurseContext.newPage();
  await signInWithCard(nursePage, nurse);
  await nursePage.goto(`${base}/visibilite`);
  await expect(nursePage.getByRole("heading", { level: 1, name: "Document introuvable" })).toBeVisible();
  await nurseContext.close();

  // The patient: the same answers, and who opened it (from the traces).
  const patientContext = await browser.newContext();
  const patientPage = await patientContext.newPage();
  await signInAsPatient(patientPage, dmp, patient);
  await patientPage.goto(`/patient/documents/${doc.documentId}`);
  await patientPage.getByRole("link", { name: "Qui peut voir ce document ?" }).click();
  await expect(patientPage.getByRole("heading", { level: 1, name: "Qui peut voir ce document ?" })).toBeVisible();
  await expect(patientPage.getByText("Son auteur le voit.")).toBeVisible();
  await expect(patientPage.getByText("Le médecin traitant (aucun n'est désigné) le voit.")).toBeVisible();
  const openedBy = patientPage.getByRole("list", { name: "Professionnels qui ont consulté ce document" });
  await expect(openedBy.getByRole("listitem")).toHaveCount(1);
  await expect(openedBy).toContainText("1 consultation");
  await expectNoSeriousA11yViolations(patientPage);

  // Masked: the answer changes at once (computed, not written).
  await patientPage.goto(`/patient/documents/${doc.documentId}/masquage`);
  await patientPage.getByRole("button", { name: "Confirmer le masquage" }).click();
  await expect(patientPage.getByText("Le document est maintenant masqué aux professionnels.")).toBeVisible();
  await patientPage.goto(`/patient/documents/${doc.documentId}/visibilite`);
  await expect(patientPage.getByText("Masqué aux professionnels : les professionnels autorisés ne le voient pas, quelle que soit leur profession.")).toBeVisible();
  await expect(patientPage.getByText("Son auteur le voit, même masqué.")).toBeVisible();
  await expect(patientPage.getByRole("heading", { name: "Si le document n'était plus masqué" })).toBeVisible();
  await patientContext.close();
});

test("un représentant légal ne voit pas l'explication d'un document qui lui est invisible", async ({ page, dmp }) => {
  const pediatrician = await dmp.professional({ firstName: "Paule", specialty: "SM40" });
  const { minor, representative } = await dmp.minor(pediatrician, { firstName: "Lou" });
  const visible = await dmp.document({ patient: minor.patientId, author: pediatrician, title: "Certificat de vaccination" });
  const hidden = await dmp.document({ patient: minor.patientId, author: pediatrician, title: "Consultation confidentielle", masking: ["INVISIBLE_REPRESENTANTS_LEGAUX"] });

  await signInAsPatient(page, dmp, representative);
  await page.goto(`/patient/documents/${visible.documentId}/visibilite`);
  await expect(page.getByRole("heading", { level: 1, name: "Qui peut voir ce document ?" })).toBeVisible();
  await expect(page.getByText("Le patient le voit dans son DMP.")).toBeVisible();
  await expect(page.getByText(/représentants légaux/)).toHaveCount(0);
  await expectNoSeriousA11yViolations(page);

  await page.goto(`/patient/documents/${hidden.documentId}/visibilite`);
  await expect(page.getByRole("heading", { level: 1, name: "Document introuvable" })).toBeVisible();
  await expect(page.getByText("Consultation confidentielle")).toHaveCount(0);
});
