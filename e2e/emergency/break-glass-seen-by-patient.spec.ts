import { expect, fullName, signInAsPatient, signInWithCard, test, uniqueLastName } from "../fixtures/dmp";
import { expectNoSeriousA11yViolations } from "../fixtures/a11y";
import { declareBreakGlass, goToFirstAccess, JUSTIFICATION } from "../fixtures/emergency";
import { patientNav } from "../fixtures/patient-portal";
import { ofName } from "@/lib/text/french";

test.describe.configure({ timeout: 120_000 });

test("bris de glace avec justification : le dossier s'ouvre, le patient voit la trace et la notification", async ({ browser, dmp }) => {
  // The patient receives his one-time codes, and his notifications, by SMS.
  const patient = await dmp.patient({ firstName: "Lucas", sex: "M", otpChannel: "SMS" });
  const doctorName = `Hélène ${uniqueLastName("Urgences")}`;
  const [firstName, lastName] = doctorName.split(" ");
  const doctor = await dmp.professional({ firstName, lastName });
  const recordHeading = `${patient.lastName.toUpperCase()} ${patient.firstName}`;

  const patientContext = await browser.newContext();
  const page = await patientContext.newPage();
  await signInAsPatient(page, dmp, patient);

  const proContext = await browser.newContext();
  const pro = await proContext.newPage();
  await signInWithCard(pro, doctor);
  await goToFirstAccess(pro, patient);
  await expectNoSeriousA11yViolations(pro);
  await declareBreakGlass(pro, JUSTIFICATION);

  await expect(pro.getByRole("heading", { level: 1, name: recordHeading })).toBeVisible();
  await expect(pro.getByText(/^Accès en urgence \(bris de glace\) ouvert jusqu'à \d{2}:\d{2}$/)).toBeVisible();
  await expect(pro.getByRole("region", { name: "Synthèse d'urgence" })).toBeVisible();
  await expectNoSeriousA11yViolations(pro);
  // Back on the search, the open emergency access leads straight to the record.
  await pro.goto("/pro");
  await pro.getByLabel("Nom (obligatoire)", { exact: true }).fill(patient.lastName);
  await pro.getByLabel("Date de naissance du patient").fill(patient.birthDate);
  await pro.getByRole("button", { name: "Rechercher par nom" }).click();
  await expect(pro.getByRole("link", { name: /^Premier accès/ })).toHaveCount(0);
  await pro.getByRole("link", { name: `Ouvrir le dossier ${ofName(fullName(patient))} (accès d'urgence en cours)` }).click();
  await expect(pro.getByRole("heading", { level: 1, name: recordHeading })).toBeVisible();
  await proContext.close();

  await page.goto("/patient/tableau-de-bord");
  await patientNav(page).getByRole("link", { name: "Historique des accès" }).click();
  const history = page.getByRole("region", { name: "Historique des accès au dossier" });
  const row = history.getByRole("row").filter({ hasText: doctorName }).filter({ hasText: "Accès en urgence (bris de glace)" }).first();
  await expect(row.getByText("Accès en urgence : Bris de glace")).toBeVisible();
  await expect(row.getByText(`Justification : ${JUSTIFICATION}`)).toBeVisible();
  await expectNoSeriousA11yViolations(page);

  await patientNav(page).getByRole("link", { name: "Notifications" }).click();
  const notification = page
    .getByRole("listitem")
    .filter({ has: page.getByRole("heading", { name: /Accès en urgence à votre DMP \(bris de glace\)/ }) })
    .filter({ hasText: doctorName })
    .first();
  await expect(notification).toContainText(doctorName);
  await expect(notification).toContainText(JUSTIFICATION);
  await expect(notification.getByText("Accès en urgence", { exact: true })).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  await patientContext.close();
});
