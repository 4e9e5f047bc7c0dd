import { expect, signInWithCard, test } from "../fixtures/dmp";
import { expectNoSeriousA11yViolations } from "../fixtures/a11y";

test.describe.configure({ timeout: 90_000 });

/** A suite starts from a filled health profile (POST /api/sandbox/profils-medicaux) and reads it as a professional. */
test("le profil médical créé par le bac à sable se lit dans le dossier, écrit par le patient", async ({ page, dmp }) => {
  const doctor = await dmp.professional({ profession: "10", specialty: "SM54" });
  const patient = await dmp.patient();
  await dmp.consent(patient, doctor);
  const created = await dmp.healthProfile(patient, {
    allergies: [{ substance: "Pénicilline", severity: "sévère" }],
    vaccinations: [{ vaccine: "Grippe saisonnière", date: "2025-10-15" }],
  });
  expect(created.entries).toBe(2);

  await signInWithCard(page, doctor);
  await page.goto(`/pro/patients/${patient.patientId}?vue=profil`);
  const profile = page.getByRole("region", { name: "Profil médical" });
  await expect(profile.getByText("Pénicilline")).toBeVisible();
  await expect(profile.getByText("Grippe saisonnière le 15/10/2025")).toBeVisible();
  await expectNoSeriousA11yViolations(page);
});

test("une entrée impossible est refusée en français et rien n'est écrit", async ({ dmp, request }) => {
  const patient = await dmp.patient();
  const response = await request.post("/api/sandbox/profils-medicaux", { data: { patientId: patient.patientId, mesures: [{ kind: "WEIGHT", value: "900", measuredOn: "2025-11-01" }] } });
  expect(response.status()).toBe(400);
  expect(JSON.stringify(await response.json())).toContain("Poids : la valeur doit être comprise entre 0,5 et 400 kg.");
});
