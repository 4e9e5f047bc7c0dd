import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TTestDatabase } from "@/lib/testing/test-database";
import { buildNir } from "@/lib/identity/nir";
import { IDENTITY_NOT_RECOGNIZED } from "@/lib/registry/check-beneficiary";
import { startRecordOpening, type TOpeningIdentity } from "./open-record-online";

let db: TTestDatabase;
const nir = buildNir({ sex: "F", birthDate: "1975-11-02", place: "33063", order: 777 });
const identity = (vitaleSerial: string): TOpeningIdentity => ({
  nir,
  birthDate: "1975-11-02",
  birthRank: 1,
  vitaleSerial,
  email: "ouverture@exemple.fr",
  phone: null,
  channel: "EMAIL",
});

beforeAll(async () => {
  db = await createTestDatabase({ name: "opening-unauthorized" });
  await db.prisma.beneficiary.create({
    data: { nir, birthDate: "1975-11-02", birthRank: 1, firstName: "Hélène", lastName: "Essai", sex: "F", department: "33", vitaleSerial: "1234567890" },
  });
});

afterAll(async () => {
  await db.cleanup();
});

describe("unauthorized access: guessing the Vitale serial to open someone's record online", () => {
  it("100 identity checks sent in parallel: 5 are checked, then the identity is locked, even for the right serial", async () => {
    const replies = await Promise.allSettled(Array.from({ length: 100 }, (_, i) => startRecordOpening(db.prisma, identity(String(1000000000 + i)))));
    const messages = replies.map((r) => (r.status === "rejected" ? String((r.reason as { userMessage?: string }).userMessage) : "accepted"));
    expect(messages.filter((m) => m === IDENTITY_NOT_RECOGNIZED)).toHaveLength(5);
    expect(messages.filter((m) => m.includes("Vérification bloquée"))).toHaveLength(95);
    await expect(startRecordOpening(db.prisma, identity("1234567890"))).rejects.toMatchObject({ userMessage: expect.stringContaining("Vérification bloquée") });
    expect(await db.prisma.otpChallenge.count()).toBe(0);
  });

  it("an identity that does not exist locks the same way (the lock tells nothing about who exists)", async () => {
    const unknown = { ...identity("1111111111"), birthDate: "1975-11-03" };
    const replies = await Promise.allSettled(Array.from({ length: 10 }, () => startRecordOpening(db.prisma, unknown)));
    const messages = replies.map((r) => (r.status === "rejected" ? String((r.reason as { userMessage?: string }).userMessage) : "accepted"));
    expect(messages.filter((m) => m === IDENTITY_NOT_RECOGNIZED)).toHaveLength(5);
    expect(messages.filter((m) => m.includes("Vérification bloquée"))).toHaveLength(5);
  });
});
