import { expect, test } from "@playwright/test";
import { expectNoSeriousA11yViolations } from "../fixtures/a11y";

// A build on a shared 2-core machine: more than the default 30 s.
test.describe.configure({ timeout: 90_000 });

type TSandboxPatient = { loginId: string; password: string; email: string; phone: string; firstName: string; lastName: string };

test("un patient créé par la fabrique du bac à sable se connecte avec son code lu sur /dev/codes", async ({ page, request }) => {
  const created = await request.post("/api/sandbox/patients", { data: { firstName: "Noé", lastName: "Fabrique", otpChannel: "SMS" } });
  expect(created.status()).toBe(201);
  const patient = (await created.json()) as TSandboxPatient;

  await page.goto("/patient/connexion");
  await page.getByLabel("Identifiant").fill(patient.loginId);
  await page.getByLabel("Mot de passe").fill(patient.password);
  await page.getByRole("button", { name: "Se connecter" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Saisir le code à usage unique" })).toBeVisible();

  const codes = await request.get(`/dev/codes?destinataire=${encodeURIComponent(patient.phone)}&motif=connexion`);
  expect(codes.status()).toBe(200);
  const { code } = (await codes.json()) as { code: string };
  await page.getByLabel("Code à usage unique").fill(code);
  await page.getByRole("button", { name: "Valider le code" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "DMP de Noé Fabrique" })).toBeVisible();
  await expectNoSeriousA11yViolations(page);
});

test("une entrée invalide reçoit 400 et les problèmes en français", async ({ request }) => {
  const refused = await request.post("/api/sandbox/professionnels", { data: { profession: "99", pin: "12" } });
  expect(refused.status()).toBe(400);
  const body = (await refused.json()) as { issues: { path: string; message: string }[] };
  expect(body.issues.map((i) => i.path).sort()).toEqual(["pin", "profession"]);
  expect(body.issues.find((i) => i.path === "pin")?.message).toBe("Le code PIN comporte 4 chiffres.");
});
