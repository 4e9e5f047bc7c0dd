import JSZip from "jszip";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TTestDatabase } from "@/lib/testing/test-database";
import type { TLegalRepresentativeActor, TPatientActor } from "@/lib/access/actor";
import { parisDay } from "@/lib/access/representation";
import { findDocuments } from "@/lib/documents/find-documents";
import { getDocument } from "@/lib/documents/get-document";
import { readDocument } from "@/lib/documents/read-document";
import { parseDocumentFilters } from "@/lib/documents/document-filters";
import { parseTraceFilters, selectPatientSideTraces } from "@/lib/traces/find-traces";
import { deliverPendingNotifications } from "@/lib/notifications/deliver-notifications";
import type { TMail } from "@/lib/mail/send-mail";
import { appendTrace } from "@/lib/traces/append-trace";
import { openRecord } from "@/lib/record-door/open-record";
import { buildRecordCopy } from "./build-record-copy";
import { confirmRecordOpening, startRecordOpening } from "./open-record-online";

let db: TTestDatabase;
let n = 0;
const NOW = new Date();

/** A birth date `years` years and `days` days before today in France. */
function bornAgo(years: number, days = 0): string {
  const [y, m, d] = parisDay(NOW).split("-").map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y - years, m - 1, d - days));
  return date.toISOString().slice(0, 10);
}

function nir(): string {
  n += 1;
  return `2${String(10 + n).padStart(2, "0")}0175${String(100 + n).padStart(3, "0")}${String(n).padStart(3, "0")}00`.slice(0, 15);
}

async function representedChild(birthDate: string, withBeneficiary = false) {
  const identity = { nir: nir(), birthDate, firstName: "Chloé", lastName: `Enfant${n}`, sex: "F" as const, department: "75" };
  const child = await db.prisma.patient.create({ data: identity });
  if (withBeneficiary) await db.prisma.beneficiary.create({ data: { ...identity, vitaleSerial: `VIT${n}000`, patientId: child.id } });
  const parent = await db.prisma.account.create({
    data: { loginId: `parent${n}`, passwordHash: "x", firstName: "Sophie", lastName: `Parent${n}`, email: `parent${n}@exemple.fr` },
  });
  await db.prisma.legalRepresentation.create({ data: { accountId: parent.id, patientId: child.id, relationship: "Mère" } });
  const rep: TLegalRepresentativeActor = { kind: "LEGAL_REPRESENTATIVE", accountId: parent.id, patientId: child.id, name: "Sophie Parent" };
  return { child, parent, rep, identity };
}

beforeAll(async () => {
  db = await createTestDatabase({ name: "minors-unauthorized" });
});

afterAll(async () => {
  await db?.cleanup();
});

describe("unauthorized access: minors", () => {
  it("online record opening is refused to a minor, and no code is sent", async () => {
    const identity = { nir: nir(), birthDate: bornAgo(15), birthRank: 1, firstName: "Léo", lastName: "Mineur", sex: "M" as const, department: "75" };
    await db.prisma.beneficiary.create({ data: { ...identity, vitaleSerial: "VITMIN001" } });
    const before = await db.prisma.otpChallenge.count();
    await expect(
      startRecordOpening(db.prisma, { ...identity, vitaleSerial: "VITMIN001", email: "leo@exemple.fr", phone: null, channel: "EMAIL" }),
    ).rejects.toMatchObject({ code: "FORBIDDEN", userMessage: expect.stringContaining("représentant légal") });
    expect(await db.prisma.otpChallenge.count()).toBe(before);
    expect(await db.prisma.patient.count({ where: { nir: identity.nir } })).toBe(0);
  });

  it("at 18 the representation ends by itself: the representative loses access on the birthday, not before", async () => {
    const eve = await representedChild(bornAgo(18, -1));
    await expect(openRecord(db.prisma, eve.rep, eve.child.id, { now: NOW })).resolves.toBeTruthy();
    const adult = await representedChild(bornAgo(18));
    await expect(openRecord(db.prisma, adult.rep, adult.child.id, { now: NOW })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("notifications of a young adult's record no longer reach their former representative", async () => {
    const minor = await representedChild(bornAgo(17));
    const adult = await representedChild(bornAgo(18));
    for (const { child } of [minor, adult]) {
      await db.prisma.notification.create({ data: { patientId: child.id, kind: "NEW_DOCUMENT", title: "Nouveau document", body: "Un document a été ajouté." } });
    }
    const sent: TMail[] = [];
    await deliverPendingNotifications({ db: db.prisma, sendMail: async (m) => void sent.push(m), now: NOW });
    const to = sent.map((m) => m.to);
    expect(to).toContain(minor.parent.email);
    expect(to).not.toContain(adult.parent.email);
  });

  it("a young adult whose record a professional opened when they were a minor can open their own access online", async () => {
    const adult = await representedChild(bornAgo(18, 3), true);
    const started = await startRecordOpening(db.prisma, {
      ...adult.identity,
      birthRank: 1,
      vitaleSerial: `VIT${adult.identity.lastName.slice(6)}000`,
      email: "chloe@exemple.fr",
      phone: null,
      channel: "EMAIL",
    });
    const result = await confirmRecordOpening(db.prisma, started.challengeId, {
      code: started.code,
      acceptNotice: true,
      loginId: `chloe.${n}`,
      newPassword: "Un-Mot-De-Passe-2026!",
      confirmPassword: "Un-Mot-De-Passe-2026!",
    });
    expect(result).toMatchObject({ ok: true, patientId: adult.child.id });
    const account = await db.prisma.account.findUniqueOrThrow({ where: { loginId: `chloe.${n}` } });
    expect(account.patientId).toBe(adult.child.id);
    const own: TPatientActor = { kind: "PATIENT", accountId: account.id, patientId: adult.child.id, name: "Chloé" };
    await expect(openRecord(db.prisma, own, adult.child.id)).resolves.toBeTruthy();
    expect(await db.prisma.patient.count({ where: { nir: adult.identity.nir } })).toBe(1);
  });

  it("a document a minor chose to keep secret stays invisible to representatives on every path", async () => {
    const { child, rep } = await representedChild(bornAgo(15));
    const base = { patientId: child.id, typeCode: "11488-4", classCode: "11488-4", serviceDate: NOW, source: "PROFESSIONAL" as const, mediaType: "text/plain", size: 5, sha256: "x" };
    const open = await db.prisma.document.create({ data: { ...base, uniqueId: `1.2.3.${n}.1`, title: "Consultation de pédiatrie", content: { create: { data: Buffer.from("vu") } } } });
    const secret = await db.prisma.document.create({
      data: { ...base, uniqueId: `1.2.3.${n}.2`, title: "Consultation de contraception", hiddenFromLegalReps: true, content: { create: { data: Buffer.from("secret") } } },
    });
    await appendTrace(db.prisma, { patientId: child.id, actorKind: "PROFESSIONAL", actorId: null, actorName: "Sage-femme", action: "DOCUMENT_ADD", documentId: secret.id, detail: secret.title });
    const { ctx } = await openRecord(db.prisma, rep, child.id);

    const page = await findDocuments(db.prisma, rep, ctx, parseDocumentFilters({}));
    expect(page.items.map((d) => d.id)).toEqual([open.id]);
    expect(page.total).toBe(1);
    expect(await getDocument(db.prisma, rep, ctx, secret.id)).toBeNull();
    await expect(readDocument(db.prisma, rep, ctx, secret.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    const traces = await selectPatientSideTraces(db.prisma, rep, ctx, parseTraceFilters({}), { take: 100, skip: 0 });
    expect(JSON.stringify(traces)).not.toContain("contraception");

    const copy = await buildRecordCopy(db.prisma, rep);
    const zip = await JSZip.loadAsync(copy.data);
    const names = Object.keys(zip.files);
    expect(names.some((name) => name.includes("pediatrie") || name.includes("p-diatrie") || name.startsWith("documents/"))).toBe(true);
    expect(names.some((name) => name.toLowerCase().includes("contraception"))).toBe(false);
    for (const name of names) {
      const file = zip.files[name];
      if (file && !file.dir && !name.endsWith(".pdf")) expect(await file.async("string")).not.toContain("secret");
    }
  });
});
