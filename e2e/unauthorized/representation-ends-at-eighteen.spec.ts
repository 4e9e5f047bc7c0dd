import { randomUUID } from "node:crypto";
import { expect, test } from "@playwright/test";
import { expectNoSeriousA11yViolations } from "../fixtures/a11y";
import { signIn } from "../patient/helpers";

test.describe.configure({ timeout: 90_000 });

/** Prisma's DateTime text format with the SQLite adapter. */
const dateTime = (d: Date) => d.toISOString().replace("Z", "+00:00");

/**
 * Gives Sophie Petitjean (demo) a second child who turned 18 three days ago, written
 * straight into the e2e database: the demo data has no young adult.
 */
async function addYoungAdultTo(loginId: string): Promise<string> {
  const { default: Database } = await import("better-sqlite3");
  const db = new Database((process.env.DATABASE_URL ?? "").replace(/^file:/, ""), { fileMustExist: true });
  try {
    const now = new Date();
    const born = new Date(Date.UTC(now.getUTCFullYear() - 18, now.getUTCMonth(), now.getUTCDate() - 3)).toISOString().slice(0, 10);
    const patientId = `e2e-${randomUUID()}`;
    const firstName = `Jade${patientId.slice(4, 8)}`;
    db.prepare(
      `INSERT INTO "Patient" (id, nir, birthDate, firstName, lastName, sex, department, recordOpenedAt, createdAt, updatedAt)
       VALUES (?, ?, ?, ?, 'Petitjean', 'F', '93', ?, ?, ?)`,
    ).run(patientId, `2${born.slice(2, 4)}${born.slice(5, 7)}93048${String(now.getTime()).slice(-6)}`, born, firstName, dateTime(now), dateTime(now), dateTime(now));
    const account = db.prepare(`SELECT id FROM "Account" WHERE loginId = ?`).get(loginId) as { id: string };
    db.prepare(`INSERT INTO "LegalRepresentation" (id, accountId, patientId, relationship, createdAt) VALUES (?, ?, ?, 'Mère', ?)`).run(
      `e2e-${randomUUID()}`,
      account.id,
      patientId,
      dateTime(now),
    );
    return `${firstName} Petitjean`;
  } finally {
    db.close();
  }
}

test("à 18 ans la représentation prend fin : la mère n'a plus le dossier dans sa liste et apprend comment sa fille ouvre son propre accès", async ({ page }) => {
  const name = await addYoungAdultTo("sophie.petitjean");
  await signIn(page, "sophie.petitjean");

  await expect(page.getByText(`${name} est majeur(e)`)).toBeVisible();
  await expect(page.getByRole("link", { name: "Ouvrir mon DMP" })).toBeVisible();
  await expectNoSeriousA11yViolations(page);

  await page.goto("/patient/choisir-dossier");
  await expect(page.getByRole("button", { name: "Ouvrir le dossier de Chloé Petitjean" })).toBeVisible();
  await expect(page.getByRole("button", { name: `Ouvrir le dossier de ${name}` })).toHaveCount(0);
  await expect(page.getByText(`${name} est majeur(e)`)).toBeVisible();
  await expectNoSeriousA11yViolations(page);
});
