import { expect, fullName, signInAsPatient, test } from "../fixtures/dmp";
import { expectNoSeriousA11yViolations } from "../fixtures/a11y";
import { ofName } from "@/lib/text/french";

// Multi-page journeys on a shared 2-core machine: more than the default 30 s.
test.describe.configure({ timeout: 90_000 });

test("connexion avec un code reçu par SMS", async ({ page, dmp }) => {
  const patient = await dmp.patient({ firstName: "Louis", sex: "M", otpChannel: "SMS" });
  await signInAsPatient(page, dmp, patient);
  await expect(page.getByRole("heading", { level: 1, name: `DMP ${ofName(fullName(patient))}` })).toBeVisible();
  await page.goto(`/dev/sms?destinataire=${encodeURIComponent(patient.phone)}`);
  await expect(page.getByRole("article").first()).toContainText("Votre code à usage unique pour vous connecter");
  await expectNoSeriousA11yViolations(page);
  // Nothing went to the address: the code travels by the channel the patient chose.
  expect(await dmp.latestCode(patient.email, "connexion")).toBeNull();
});
