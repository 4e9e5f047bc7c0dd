/**
 * The page « Qui peut voir ce document » tells whether the record's legal representatives see
 * the document. It must learn that this record has representatives from this record's rows:
 * Prisma's relation _count made SQLite group the whole LegalRepresentation table first
 * (issue 14, growth).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TLegalRepresentativeActor, TPatientActor } from "@/lib/access/actor";
import { parisDay } from "@/lib/access/representation";
import { openRecord } from "@/lib/record-door/open-record";
import { createTestDatabase, type TTestDatabase } from "@/lib/testing/test-database";
import { recordQueryPlans, type TQueryPlanRecorder, wholeTableRead } from "@/lib/testing/query-plans";
import { getDocumentVisibility } from "./document-visibility";

let db: TTestDatabase;
let recorder: TQueryPlanRecorder;
const NOW = new Date();

function bornAgo(years: number): string {
  const [y, m, d] = parisDay(NOW).split("-").map(Number) as [number, number, number];
  return new Date(Date.UTC(y - years, m - 1, d)).toISOString().slice(0, 10);
}

beforeAll(async () => {
  db = await createTestDatabase({ name: "document-visibility" });
  recorder = recordQueryPlans(db);
});
afterAll(async () => {
  await recorder?.disconnect();
  await db?.cleanup();
});

async function recordWithDocument(nir: string, birthDate: string, represented: boolean) {
  const patient = await db.prisma.patient.create({ data: { nir, birthDate, firstName: "Chloé", lastName: "Visibilité", sex: "F", department: "75" } });
  const account = await db.prisma.account.create({ data: { loginId: `compte.${nir}`, passwordHash: "x", firstName: "Sophie", lastName: "Visibilité", patientId: represented ? null : patient.id } });
  if (represented) await db.prisma.legalRepresentation.create({ data: { accountId: account.id, patientId: patient.id, relationship: "Mère" } });
  const document = await db.prisma.document.create({
    data: { patientId: patient.id, uniqueId: `1.2.3.${nir}`, title: "Consultation de pédiatrie", typeCode: "11488-4", classCode: "11488-4", serviceDate: NOW, source: "PROFESSIONAL", mediaType: "text/plain", size: 2, sha256: "x" },
  });
  const actor: TLegalRepresentativeActor | TPatientActor = represented
    ? { kind: "LEGAL_REPRESENTATIVE", accountId: account.id, patientId: patient.id, name: "Sophie Visibilité" }
    : { kind: "PATIENT", accountId: account.id, patientId: patient.id, name: "Chloé Visibilité" };
  return { actor, documentId: document.id };
}

describe("who may see a document", () => {
  it("says whether the representatives see it, from this record's representations only", async () => {
    const minor = await recordWithDocument("211057505600101", bornAgo(12), true);
    const adult = await recordWithDocument("285057505600102", bornAgo(40), false);

    const answers: (boolean | null | undefined)[] = [];
    const plans = await recorder.plansOf(async () => {
      for (const { actor, documentId } of [minor, adult]) {
        const { ctx } = await openRecord(recorder.prisma, actor, actor.patientId);
        answers.push((await getDocumentVisibility(recorder.prisma, actor, ctx, documentId))?.visibility.legalRepresentatives);
      }
    });

    expect(answers).toEqual([true, null]);
    const representationPlans = plans.filter((p) => p.includes("LegalRepresentation"));
    expect(representationPlans.length).toBeGreaterThan(0);
    for (const plan of representationPlans) {
      expect(plan).not.toMatch(wholeTableRead(db, "LegalRepresentation"));
    }
  });
});
