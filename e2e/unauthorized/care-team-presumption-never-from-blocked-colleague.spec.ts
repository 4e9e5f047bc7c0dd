import { expect, test, type APIRequestContext } from "@playwright/test";
import { expectNoSeriousA11yViolations } from "../fixtures/a11y";
import { submitCard } from "../pro/pro-helpers";
import { goToFirstAccess } from "../emergency/helpers";

// Fresh people from the sandbox factories (README "Bac à sable"): no other journey sees them.
test.setTimeout(120_000);

async function sandbox<T>(request: APIRequestContext, factory: string, body: Record<string, unknown>): Promise<T> {
  const response = await request.post(`/api/sandbox/${factory}`, { data: body });
  expect(response.status(), `POST /api/sandbox/${factory}`).toBe(201);
  return (await response.json()) as T;
}

/** Letters only, so the name passes the search form whatever it checks. */
function uniqueName(): string {
  const letters = Date.now().toString(36).replace(/[0-9]/g, (d) => "abcdefghij".charAt(Number(d)));
  return `Essai${letters}`;
}

test("la présomption d'équipe de soins ne découle jamais d'un confrère que le patient a bloqué", async ({ page, request }) => {
  const structure = await sandbox<{ structureId: string; name: string }>(request, "structures", { name: "Clinique de la présomption", kind: "HOSPITAL" });
  type TPro = { professionalId: string; name: string; card: { pin: string; file: unknown } };
  const colleagueA = await sandbox<TPro>(request, "professionnels", { profession: "10", pin: "1234", structureId: structure.structureId, firstName: "Anne", lastName: "Accord" });
  const colleagueB = await sandbox<TPro>(request, "professionnels", { profession: "10", pin: "1234", structureId: structure.structureId, firstName: "Bruno", lastName: "Confrere" });
  const lastName = uniqueName();
  const patient = await sandbox<{ patientId: string; firstName: string; lastName: string; birthDate: string }>(request, "patients", { firstName: "Lou", lastName, birthDate: "1985-03-12" });
  const fullName = `${patient.firstName} ${patient.lastName}`;
  await sandbox(request, "relations", { relation: "consentement", patientId: patient.patientId, professionalId: colleagueA.professionalId });

  await submitCard(page, { name: "carte.cps.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(colleagueB.card.file)) }, colleagueB.card.pin);
  await expect(page.getByRole("heading", { level: 1, name: "Rechercher un patient" })).toBeVisible();

  // Control: the patient agreed to A, so B is presumed in the care team.
  await goToFirstAccess(page, patient.lastName, patient.birthDate, fullName);
  const careTeam = page.getByRole("region", { name: "Au titre de l'équipe de soins" });
  await expect(careTeam).toContainText(`Le patient a donné son accord à ${colleagueA.name}, de votre structure (${structure.name}).`);
  await expectNoSeriousA11yViolations(page);

  // The patient blocks A: A's agreement no longer extends to anyone.
  await sandbox(request, "relations", { relation: "blocage", patientId: patient.patientId, professionalId: colleagueA.professionalId });
  await page.reload();
  await expect(page.getByRole("heading", { level: 1, name: `Accès au dossier de ${fullName}` })).toBeVisible();
  await expect(page.getByRole("region", { name: "Au titre de l'équipe de soins" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Accéder au dossier au titre de l'équipe de soins" })).toHaveCount(0);
  await expect(page.getByText(colleagueA.name)).toHaveCount(0);
  await expectNoSeriousA11yViolations(page);
});
