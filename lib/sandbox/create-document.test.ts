import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TTestDatabase } from "@/lib/testing/test-database";
import { parsed } from "@/lib/testing/sandbox-input";
import { parseSandboxInput } from "./parse-input";
import { createSandboxPatient, patientInputSchema } from "./create-patient";
import { createSandboxProfessional, professionalInputSchema } from "./create-professional";
import { createSandboxRelation, relationInputSchema } from "./relations";
import { createSandboxDocument, documentInputSchema } from "./create-document";

let db: TTestDatabase;
beforeAll(async () => {
  db = await createTestDatabase({ name: "sandbox-documents" });
});
afterAll(async () => db.cleanup());

const document = (input: unknown) => createSandboxDocument(db.prisma, parsed(parseSandboxInput(documentInputSchema, input)));

describe("sandbox documents", () => {
  it("a masked document is added by its author through the product, with its trace; its text is its own", async () => {
    const p = await createSandboxPatient(db.prisma, parsed(parseSandboxInput(patientInputSchema, {})));
    const doctor = await createSandboxProfessional(db.prisma, parsed(parseSandboxInput(professionalInputSchema, {})));
    await createSandboxRelation(db.prisma, parsed(parseSandboxInput(relationInputSchema, { relation: "consentement", patientId: p.patientId, professionalId: doctor.professionalId })));
    const doc = await document({ patientId: p.patientId, authorId: doctor.professionalId, title: "Bilan 123456", masking: ["INVISIBLE_PATIENT"], text: "Résultats normaux." });
    const row = await db.prisma.document.findUniqueOrThrow({ where: { id: doc.documentId }, include: { content: true } });
    expect(row).toMatchObject({ patientId: p.patientId, authorId: doctor.professionalId, title: "Bilan 123456", typeCode: "11488-4", hiddenFromPatient: true, hiddenFromPros: false });
    expect(Buffer.from(row.content?.data ?? []).toString("utf8")).toBe("Résultats normaux.");
    expect(await db.prisma.trace.count({ where: { documentId: doc.documentId, action: "DOCUMENT_ADD" } })).toBe(1);
  });

  it("an author without access to the record is refused in French, and nothing is written", async () => {
    const p = await createSandboxPatient(db.prisma, parsed(parseSandboxInput(patientInputSchema, {})));
    const stranger = await createSandboxProfessional(db.prisma, parsed(parseSandboxInput(professionalInputSchema, {})));
    const before = await db.prisma.document.count();
    await expect(document({ patientId: p.patientId, authorId: stranger.professionalId })).rejects.toMatchObject({ code: "INVALID_INPUT", userMessage: expect.stringMatching(/^Dossier introuvable ou auteur sans accès/) });
    expect(await db.prisma.document.count()).toBe(before);
  });

  it("text and PDF together, or an unknown masking, get zod issues", () => {
    const both = parseSandboxInput(documentInputSchema, { patientId: "p", authorId: "a", text: "x", pdfBase64: "JVBERi0=" });
    expect(!both.ok && both.issues).toEqual([{ path: "pdfBase64", message: "Donnez « text » ou « pdfBase64 », pas les deux." }]);
    const masking = parseSandboxInput(documentInputSchema, { patientId: "p", authorId: "a", masking: ["SECRET"] });
    expect(!masking.ok && masking.issues.map((i) => i.path)).toEqual(["masking.0"]);
  });

  it("count makes a large record in one call: every document with its trace, titles numbered within 200 characters", async () => {
    const p = await createSandboxPatient(db.prisma, parsed(parseSandboxInput(patientInputSchema, {})));
    const doctor = await createSandboxProfessional(db.prisma, parsed(parseSandboxInput(professionalInputSchema, {})));
    await createSandboxRelation(db.prisma, parsed(parseSandboxInput(relationInputSchema, { relation: "consentement", patientId: p.patientId, professionalId: doctor.professionalId })));
    const longTitle = "T".repeat(200);
    const doc = await document({ patientId: p.patientId, authorId: doctor.professionalId, title: longTitle, count: 30 });
    expect(doc.documentIds).toHaveLength(30);
    const rows = await db.prisma.document.findMany({ where: { patientId: p.patientId }, select: { title: true } });
    expect(rows).toHaveLength(30);
    expect(rows.map((r) => r.title)).toContain(longTitle);
    expect(rows.map((r) => r.title)).toContain(`${"T".repeat(200 - " (30/30)".length)} (30/30)`);
    expect(Math.max(...rows.map((r) => r.title.length))).toBe(200);
    expect(await db.prisma.trace.count({ where: { patientId: p.patientId, action: "DOCUMENT_ADD" } })).toBe(30);
  });

  it("a count over 500 or not a whole number is refused in French before anything is written", () => {
    const over = parseSandboxInput(documentInputSchema, { patientId: "p", authorId: "a", count: 501 });
    expect(!over.ok && over.issues).toEqual([{ path: "count", message: "« count » vaut 500 au plus." }]);
    const half = parseSandboxInput(documentInputSchema, { patientId: "p", authorId: "a", count: 2.5 });
    expect(!half.ok && half.issues.map((i) => i.path)).toEqual(["count"]);
  });
});
