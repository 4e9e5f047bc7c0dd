import { expect, signInAsPatient, test, uniqueLastName } from "../fixtures/dmp";
import { expectNoSeriousA11yViolations } from "../fixtures/a11y";
import { patientNav } from "../fixtures/patient-portal";

// Multi-page journeys on a shared 2-core machine: more than the default 30 s.
test.describe.configure({ timeout: 90_000 });

test("bloquer puis débloquer un professionnel de l'équipe de soins", async ({ page, dmp }) => {
  const patient = await dmp.patient();
  const cardiologistLastName = uniqueLastName("Cardio");
  const cardiologist = await dmp.professional({ firstName: "Marc", lastName: cardiologistLastName, specialty: "SM04" });
  const blocked = await dmp.professional({ firstName: "Léa" });
  await dmp.consent(patient, cardiologist);
  await dmp.consent(patient, blocked);
  await dmp.block(patient, blocked);

  await signInAsPatient(page, dmp, patient);
  await patientNav(page).getByRole("link", { name: "Gérer les accès" }).click();
  const team = page.getByRole("region", { name: "Professionnels de mon équipe de soins" });
  await expect(team.getByText("Bloqué", { exact: true }).first()).toBeVisible();
  await expectNoSeriousA11yViolations(page);

  const blockButton = team.getByRole("row").filter({ hasText: cardiologistLastName }).getByRole("button", { name: /^Bloquer / });
  const name = ((await blockButton.textContent()) as string).replace(/^Bloquer /, "");
  await blockButton.click();
  await expect(page.getByRole("main").getByRole("status").filter({ hasText: `${name} est bloqué` })).toBeVisible();
  const row = team.getByRole("row").filter({ hasText: name });
  await expect(row.getByText("Bloqué", { exact: true })).toBeVisible();

  await row.getByRole("button", { name: `Débloquer ${name}` }).click();
  await expect(team.getByRole("row").filter({ hasText: name }).getByRole("button", { name: `Bloquer ${name}` })).toBeVisible();

  await page.goto("/patient/historique?action=PROFESSIONAL_BLOCK");
  await expect(page.getByRole("region", { name: "Historique des accès au dossier" })).toContainText(name);
});

test("s'opposer à l'accès en bris de glace", async ({ page, dmp }) => {
  const patient = await dmp.patient();
  // An earlier choice stays: the SAMU-Centre 15 is already refused.
  await dmp.emergencyPreferences(patient, { breakGlassAllowed: true, samuAllowed: false });

  await signInAsPatient(page, dmp, patient);
  await page.goto("/patient/acces/urgence");
  await expectNoSeriousA11yViolations(page);
  await expect(page.getByLabel("Je m'oppose à l'accès du SAMU-Centre 15")).toBeChecked();
  await expect(page.getByLabel("Je m'oppose à l'accès en bris de glace")).not.toBeChecked();
  await page.getByLabel("Je m'oppose à l'accès en bris de glace").check();
  await page.getByRole("button", { name: "Enregistrer mes choix" }).click();
  await expect(page.getByText("Vos choix d'accès en urgence sont enregistrés.")).toBeVisible();
  await page.goto("/patient/tableau-de-bord");
  await expect(page.getByText("Bris de glace : refusé")).toBeVisible();
  await expect(page.getByText("SAMU-Centre 15 : refusé")).toBeVisible();
});
