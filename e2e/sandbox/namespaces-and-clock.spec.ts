import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { expectNoSeriousA11yViolations } from "../fixtures/a11y";
import { cardUpload, submitCardFile, type TProfessional } from "../fixtures/dmp";
import { declareBreakGlass, goToFirstAccess, JUSTIFICATION } from "../fixtures/emergency";

// A build on a shared 2-core machine: more than the default 30 s.
test.describe.configure({ timeout: 120_000 });

type TNamespace = { namespaceId: string; token: string };
type TPatient = { patientId: string; loginId: string; password: string; phone: string; firstName: string; lastName: string; birthDate?: string };
type TPro = { professionalId: string; name: string; card: { pin: string; file: unknown } };

const BIRTH = "1991-03-07";

async function namespace(request: APIRequestContext, label: string): Promise<TNamespace> {
  const created = await request.post("/api/sandbox/espaces", { data: { label } });
  expect(created.status()).toBe(201);
  return (await created.json()) as TNamespace;
}

async function patientIn(request: APIRequestContext, ns: TNamespace, lastName: string): Promise<TPatient> {
  const created = await request.post("/api/sandbox/patients", { data: { firstName: "Lou", lastName, birthDate: BIRTH, otpChannel: "SMS" }, headers: { "X-DMP-Espace": ns.token } });
  expect(created.status()).toBe(201);
  return (await created.json()) as TPatient;
}

async function doctorIn(request: APIRequestContext, ns: TNamespace): Promise<TPro> {
  const created = await request.post("/api/sandbox/professionnels", { data: { profession: "10", specialty: "SM54", pin: "4321" }, headers: { "X-DMP-Espace": ns.token } });
  expect(created.status()).toBe(201);
  return (await created.json()) as TPro;
}

async function signInWithCard(page: Page, pro: TPro): Promise<void> {
  await submitCardFile(page, cardUpload(pro as unknown as TProfessional), pro.card.pin);
  await expect(page.getByRole("heading", { level: 1, name: "Rechercher un patient" })).toBeVisible();
}

async function searchByName(page: Page, lastName: string): Promise<void> {
  await page.goto("/pro");
  await page.getByLabel("Nom (obligatoire)", { exact: true }).fill(lastName);
  await page.getByLabel("Date de naissance du patient").fill(BIRTH);
  await page.getByRole("button", { name: "Rechercher par nom" }).click();
}

test("deux espaces de noms : le professionnel de A ne trouve pas le patient de B, et les codes de A ne se lisent qu'avec l'en-tête de A", async ({ page, request }) => {
  const a = await namespace(request, "suite A");
  const b = await namespace(request, "suite B");
  // Same name, same birth date in both namespaces: only the namespace tells them apart.
  const lastName = `Espace${Date.now().toString(36)}`;
  const patientA = await patientIn(request, a, lastName);
  await patientIn(request, b, lastName);
  const doctorA = await doctorIn(request, a);

  await signInWithCard(page, doctorA);
  await searchByName(page, lastName);
  await expect(page.getByRole("link", { name: `Premier accès au dossier de Lou ${lastName}` })).toHaveCount(1);
  await expectNoSeriousA11yViolations(page);

  // B's namesake is invisible to A's doctor: once B's patient is the only one left, nothing is found.
  const onlyB = `${lastName}b`;
  await patientIn(request, b, onlyB);
  await searchByName(page, onlyB);
  await expect(page.getByText("Aucune personne ne correspond à cette recherche dans le registre de l'Assurance Maladie.")).toBeVisible();

  // /dev/codes: A's sign-in code is read with A's header only.
  await page.context().clearCookies();
  await page.goto("/patient/connexion");
  await page.getByLabel("Identifiant").fill(patientA.loginId);
  await page.getByLabel("Mot de passe").fill(patientA.password);
  await page.getByRole("button", { name: "Se connecter" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Saisir le code à usage unique" })).toBeVisible();
  const url = `/dev/codes?destinataire=${encodeURIComponent(patientA.phone)}&motif=connexion`;
  const withA = await request.get(url, { headers: { "X-DMP-Espace": a.token } });
  expect(withA.status()).toBe(200);
  expect((await request.get(url)).status()).toBe(404);
  expect((await request.get(url, { headers: { "X-DMP-Espace": b.token } })).status()).toBe(404);

  // Deleting B takes its people with it; its token is then unknown.
  expect((await request.delete(`/api/sandbox/espaces/${b.namespaceId}`, { headers: { "X-DMP-Espace": a.token } })).status()).toBe(404);
  expect((await request.delete(`/api/sandbox/espaces/${b.namespaceId}`, { headers: { "X-DMP-Espace": b.token } })).status()).toBe(204);
  expect((await request.get("/api/sandbox/horloge", { headers: { "X-DMP-Espace": b.token } })).status()).toBe(404);
});

test("l'horloge d'un espace avancée de 2 h 01 ferme la session inactive et l'accès en urgence de son professionnel", async ({ page, request }) => {
  const ns = await namespace(request, "horloge");
  const lastName = `Horloge${Date.now().toString(36)}`;
  await patientIn(request, ns, lastName);
  const doctor = await doctorIn(request, ns);

  await signInWithCard(page, doctor);
  await goToFirstAccess(page, { firstName: "Lou", lastName, birthDate: BIRTH });
  await declareBreakGlass(page, JUSTIFICATION);
  await expect(page.getByRole("heading", { level: 1, name: `${lastName.toUpperCase()} Lou` })).toBeVisible();
  const recordUrl = page.url();

  const bad = await request.post("/api/sandbox/horloge", { data: { avancer: { heures: -1 } }, headers: { "X-DMP-Espace": ns.token } });
  expect(bad.status()).toBe(400);
  const moved = await request.post("/api/sandbox/horloge", { data: { avancer: { heures: 2, minutes: 1 } }, headers: { "X-DMP-Espace": ns.token } });
  expect(moved.status()).toBe(201);
  expect(await moved.json()).toMatchObject({ namespaceId: ns.namespaceId, offsetSeconds: 7260 });
  // The sandbox's own clock did not move.
  expect(await (await request.get("/api/sandbox/horloge")).json()).toMatchObject({ namespaceId: null, offsetSeconds: 0 });

  // 2 h without activity on the namespace's clock: the session has ended too (30 minutes idle).
  await page.goto(recordUrl);
  await expect(page.getByRole("heading", { level: 1, name: "Connexion avec la carte CPS" })).toBeVisible();
  // Signed in again, the emergency access has ended: the record is unknown again.
  await signInWithCard(page, doctor);
  await page.goto(recordUrl);
  await expect(page.getByRole("heading", { level: 1, name: "Dossier introuvable" })).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  await request.delete(`/api/sandbox/espaces/${ns.namespaceId}`, { headers: { "X-DMP-Espace": ns.token } });
});
