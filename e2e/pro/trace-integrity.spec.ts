import { expect, professionalWithRole, signInWithCard, test } from "../fixtures/dmp";
import { expectNoSeriousA11yViolations } from "../fixtures/a11y";

test.setTimeout(90_000);

/**
 * What someone holding the database file could do: drop the guard, then edit a trace (the
 * first of this patient's chain). The guard is put back at once for the other journeys.
 */
async function editTraceBehindTheApplication(patientId: string): Promise<number> {
  const { default: Database } = await import("better-sqlite3");
  const db = new Database((process.env.DATABASE_URL ?? "").replace(/^file:/, ""), { fileMustExist: true, timeout: 5000 });
  try {
    const { id } = db.prepare("SELECT id FROM Trace WHERE patientId = ? ORDER BY id LIMIT 1").get(patientId) as { id: number };
    const { sql } = db.prepare("SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = 'Trace_no_update'").get() as { sql: string };
    db.transaction(() => {
      db.exec(`DROP TRIGGER "Trace_no_update"`);
      db.prepare("UPDATE Trace SET actorName = 'Quelqu''un d''autre' WHERE id = ?").run(id);
      db.exec(sql);
    })();
    return id;
  } finally {
    db.close();
  }
}

test("l'opérateur vérifie l'intégrité des traces et voit le premier maillon rompu d'une trace modifiée", async ({ page, dmp }) => {
  const operator = await professionalWithRole(dmp, "operateur", { firstName: "Éric", specialty: "SM53" });
  // The patient's record opening is the first trace of their chain.
  const patient = await dmp.patient();
  await signInWithCard(page, operator);
  await page.getByRole("link", { name: "Espace opérateur" }).click();
  await page.getByRole("link", { name: "Vérifier l'intégrité des traces (chaînes et sceaux)" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Intégrité des traces" })).toBeVisible();
  await page.getByRole("button", { name: "Vérifier toutes les chaînes" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Toutes les chaînes sont intactes" })).toBeVisible();
  await expectNoSeriousA11yViolations(page);

  const traceId = await editTraceBehindTheApplication(patient.patientId);
  await page.getByRole("button", { name: "Vérifier à nouveau" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "1 chaîne en défaut" })).toBeVisible();
  const table = page.getByRole("table", { name: "Chaînes en défaut" });
  await expect(table.getByText(`n° ${traceId} (1re de la chaîne)`)).toBeVisible();
  await expectNoSeriousA11yViolations(page);
});
