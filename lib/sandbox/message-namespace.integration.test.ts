/**
 * Every e-mail and SMS the platform sends looks up its recipient's sandbox namespace by
 * address (the notification job, a sign-in code outside any namespace). On the bench's
 * 100,000 patients that lookup scanned the whole Patient table, 16 ms per message in the
 * process that also serves pages: it must read an index, whatever the number of patients.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runInNamespace } from "@/lib/clock/namespace-scope";
import { createTestDatabase, type TTestDatabase } from "@/lib/testing/test-database";
import { recordQueryPlans, type TQueryPlanRecorder, wholeTableRead } from "@/lib/testing/query-plans";
import { createNamespace } from "./namespaces";
import { createSandboxPatient, patientInputSchema } from "./create-patient";
import { namespaceOfMessage } from "./message-namespace";

let db: TTestDatabase;
let recorder: TQueryPlanRecorder;

beforeAll(async () => {
  db = await createTestDatabase({ name: "message-namespace" });
  recorder = recordQueryPlans(db);
});
afterAll(async () => {
  await recorder?.disconnect();
  await db?.cleanup();
});

describe("the namespace of a message", () => {
  it("is found from the recipient's address through an index, never a scan of the patients or the accounts", async () => {
    const { namespaceId } = await createNamespace(db.prisma, { label: "messages" });
    const patient = await runInNamespace(namespaceId, () => createSandboxPatient(db.prisma, patientInputSchema.parse({ otpChannel: "SMS" })));

    let found: (string | null)[] = [];
    const plans = await recorder.plansOf(async () => {
      found = [
        await namespaceOfMessage(recorder.prisma, patient.email, null),
        await namespaceOfMessage(recorder.prisma, patient.phone, null),
        // Nobody's address: both the accounts and the patients are looked up.
        await namespaceOfMessage(recorder.prisma, "personne@exemple.test", null),
        await namespaceOfMessage(recorder.prisma, "+33799999999", null),
      ];
    });

    expect(found).toEqual([namespaceId, namespaceId, null, null]);
    expect(plans.length).toBeGreaterThanOrEqual(6);
    for (const plan of plans) {
      expect(plan).not.toMatch(wholeTableRead(db, "Patient", "Account"));
      // The index is sought by the address itself (an index on the namespace alone would read every sandbox row).
      expect(plan).toMatch(db.engine === "sqlite" ? /SEARCH (main\.)?(Patient|Account) USING INDEX \S+ \((email|phone)=\?\)/ : /Index Cond: \(\(?"?(email|phone)"? = /);
    }
  });
});
