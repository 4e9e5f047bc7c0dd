import { encode } from "next-auth/jwt";
import { sessionSecret } from "../../lib/auth/session-secret";
import { expect, signInWithCard, test } from "../fixtures/dmp";

const PATIENT_COOKIE = "dmp-patient.session-token";
const PRO_COOKIE = "dmp-pro.session-token";

// The server and this process share the e2e database folder, hence the generated secret.
async function patientToken(): Promise<string> {
  return encode({ token: { sub: "compte-inexistant", portal: "patient", name: "Patient", actingFor: null }, secret: sessionSecret(), maxAge: 1800 });
}

test.setTimeout(60_000);

test("un cookie de session patient n'ouvre jamais les pages /pro", async ({ page, context, baseURL }) => {
  const value = await patientToken();
  const url = baseURL ?? "http://localhost";
  // Under its own name, and even copied under the professional cookie's name.
  await context.addCookies([
    { name: PATIENT_COOKIE, value, url },
    { name: PRO_COOKIE, value, url },
  ]);
  await page.goto("/pro");
  await expect(page).toHaveURL(/\/pro\/connexion$/);
  await page.goto("/pro/operateur");
  await expect(page).toHaveURL(/\/pro\/connexion$/);
});

test("un cookie de session professionnel n'ouvre jamais les pages /patient", async ({ page, context, baseURL, dmp }) => {
  await signInWithCard(page, await dmp.professional({ firstName: "Yann", specialty: "SM59" }));
  const cookies = await context.cookies();
  const pro = cookies.find((c) => c.name === PRO_COOKIE);
  expect(pro?.value).toBeTruthy();
  // Even copied under the patient cookie's name, the professional token is refused.
  await context.addCookies([{ name: PATIENT_COOKIE, value: pro?.value ?? "", url: baseURL ?? "http://localhost" }]);
  await page.goto("/patient/tableau-de-bord");
  await expect(page).toHaveURL(/\/patient\/connexion/);
  // The professional session itself still works.
  await page.goto("/pro");
  await expect(page.getByRole("heading", { level: 1, name: "Rechercher un patient" })).toBeVisible();
});
