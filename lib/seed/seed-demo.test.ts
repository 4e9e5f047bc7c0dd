import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifyPassword } from "@/lib/auth/password";
import { isValidNir } from "@/lib/identity/nir";
import { DOCUMENT_TYPE_CODES, documentTypeLabel } from "@/lib/reference/document-types";
import { MATRIX_ROW_CODES } from "@/lib/habilitations/default-matrix";
import { PROFESSION_CODES } from "@/lib/reference/professions";
import { createTestDatabase, type TTestDatabase } from "@/lib/testing/test-database";
import { verifyTraceChain } from "@/lib/traces/verify-chain";
import { canAccessRecord, canRead, describeDecision, loadAccessContext, treatingDoctorDesignationDecision, type TProfessionalActor } from "@/lib/access";
import { seedDemo } from "@/prisma/seed";
import { SPECIAL_DOCUMENTS } from "@/prisma/seed/documents";
import { DEMO_PASSWORD, DEMO_TEMPORARY_PASSWORD } from "@/prisma/seed/patients";

const NOW = new Date("2026-11-26T12:00:00Z");

describe("seedDemo", () => {
  let db: TTestDatabase;

  beforeAll(async () => {
    db = await createTestDatabase({ name: "demo" });
    await seedDemo(db.prisma, { now: NOW });
  }, 120_000);

  afterAll(async () => db?.cleanup());

  const special = async (key: keyof typeof SPECIAL_DOCUMENTS) =>
    db.prisma.document.findUniqueOrThrow({ where: { uniqueId: SPECIAL_DOCUMENTS[key].uniqueId }, include: { author: true, patient: true } });

  it("creates the cast", async () => {
    expect(await db.prisma.patient.count()).toBe(22);
    expect(await db.prisma.professional.count()).toBe(22);
    expect(await db.prisma.structure.count({ where: { kind: "SAMU" } })).toBe(1);
    expect(await db.prisma.professional.count({ where: { isSamuRegulator: true, specialty: "SM59", structure: { kind: "SAMU" } } })).toBe(2);
    expect(await db.prisma.professional.count({ where: { isOperator: true } })).toBe(1);
    expect(await db.prisma.professional.count({ where: { kind: "STAFF", profession: null } })).toBe(3);
    expect(await db.prisma.professional.count({ where: { establishmentRole: { not: null } } })).toBe(2);
    const pros = await db.prisma.professional.findMany({ where: { kind: "HEALTH_PROFESSIONAL" } });
    for (const p of pros) expect(p.idNat).toMatch(/^8\d{11}$/);
  });

  it("seeds the hospital workflow's cases (issue 16): a held-back document for each reason, a NIR awaited, a certification KO fixed then resent, non-exportable documents", async () => {
    const docs = await db.prisma.hospitalDocument.findMany();
    expect(new Set(docs.filter((d) => d.dmpStatus === "HELD_BACK").map((d) => d.holdReason))).toEqual(new Set(["ANNOUNCEMENT_CONSULTATION", "FRAGILE_PATIENT", "SENSITIVE_DOCUMENT", "OTHER"]));
    expect(docs.filter((d) => d.dmpStatus === "NO_NIR")).toHaveLength(1);
    expect(docs.filter((d) => d.dmpStatus === "FED_OK" && d.dmpAttempts === 2)).toHaveLength(1);
    expect(new Set(docs.filter((d) => d.dmpStatus === "NOT_EXPORTABLE").map((d) => d.origin))).toEqual(new Set(["SCANNED_IMPORT", "OTHER_SOFTWARE"]));
    expect(await db.prisma.nirRequest.count({ where: { status: "PENDING" } })).toBe(1);
    expect(await db.prisma.documentCatalogueEntry.count()).toBeGreaterThan(40);
    // Four sites of one group, each with seven months of feed history.
    const sites = await db.prisma.structure.findMany({ where: { groupName: "GHU Saint-Martin" }, select: { id: true } });
    expect(sites).toHaveLength(4);
    for (const site of sites) expect(await db.prisma.feedSubmission.count({ where: { structureId: site.id } })).toBeGreaterThan(100);
  });

  it("gives every patient a valid NIR and every adult an account", async () => {
    for (const p of await db.prisma.patient.findMany({ include: { account: true, beneficiary: true } })) {
      expect(isValidNir(p.nir), p.nir).toBe(true);
      expect(p.beneficiary?.vitaleSerial).toMatch(/^\d{10}$/);
      const adult = p.birthDate <= "2008-11-26";
      expect(p.account !== null).toBe(adult);
    }
    const jean = await db.prisma.account.findUniqueOrThrow({ where: { loginId: "jean.martin" } });
    expect(await verifyPassword(DEMO_PASSWORD, jean.passwordHash)).toBe(true);
    const alice = await db.prisma.account.findUniqueOrThrow({ where: { loginId: "alice.morel" } });
    expect(alice.mustChangePassword).toBe(true);
    expect(await verifyPassword(DEMO_TEMPORARY_PASSWORD, alice.passwordHash)).toBe(true);
    expect(await db.prisma.account.count({ where: { otpChannel: "SMS" } })).toBeGreaterThan(0);
  });

  it("has the required cases", async () => {
    const chloe = await db.prisma.patient.findFirstOrThrow({ where: { firstName: "Chloé" }, include: { representations: true } });
    expect(chloe.representations).toHaveLength(2);
    const closed = await db.prisma.patient.findFirstOrThrow({ where: { recordStatus: "CLOSED" } });
    expect(closed.deletionPlannedAt?.getUTCFullYear()).toBe((closed.closedAt as Date).getUTCFullYear() + 10);
    expect(await db.prisma.patient.count({ where: { breakGlassAllowed: false } })).toBe(1);
    expect(await db.prisma.patient.count({ where: { samuAllowed: false } })).toBe(1);
    const gp = await db.prisma.professional.findFirstOrThrow({ where: { lastName: "Dubois" } });
    expect(await db.prisma.patient.count({ where: { treatingDoctorId: gp.id } })).toBeGreaterThan(5);
    expect(await db.prisma.professionalAuthorization.count({ where: { method: "CONSENT" } })).toBeGreaterThan(5);
    expect(await db.prisma.patientBlock.count()).toBe(1);
    expect(await db.prisma.structurePatient.count({ where: { nir: null, identityStatus: "PROVISIONAL" } })).toBe(1);
    expect(await db.prisma.emergencyAccess.count({ where: { mode: "SAMU" } })).toBe(1);
    expect(await db.prisma.emergencyAccess.count({ where: { mode: "BREAK_GLASS" } })).toBe(1);
    expect(await db.prisma.trace.count({ where: { outcome: "REFUSED" } })).toBeGreaterThanOrEqual(3);
    expect(await db.prisma.habilitationRule.count({ where: { specialty: "*" } })).toBe(PROFESSION_CODES.length * MATRIX_ROW_CODES.length);
  });

  it("names only treating doctors the TREATING_DOCTOR_DESIGNATION rule allows", async () => {
    const patients = await db.prisma.patient.findMany({ where: { treatingDoctorId: { not: null } }, include: { treatingDoctor: true, blocks: true } });
    expect(patients.length).toBeGreaterThan(0);
    for (const p of patients) {
      const doctor = p.treatingDoctor!;
      const decision = treatingDoctorDesignationDecision({ kind: doctor.kind, profession: doctor.profession, isBlocked: p.blocks.some((b) => b.professionalId === doctor.id) });
      expect(decision, `${p.firstName} ${p.lastName}`).toEqual({ allowed: true, rule: "DOCTOR" });
    }
  });

  it("keeps twins apart by birth rank in the registry", async () => {
    const twins = await db.prisma.beneficiary.findMany({ where: { birthDate: "2019-03-08" }, orderBy: { birthRank: "asc" } });
    expect(twins.map((t) => t.birthRank)).toEqual([1, 2]);
    expect(twins[0]?.nir).toBe(twins[1]?.nir);
    expect(twins[0]?.firstName).not.toBe(twins[1]?.firstName);
    expect(twins.every((t) => t.patientId === null)).toBe(true);
  });

  it("covers every document type, masking level and source", async () => {
    const types = await db.prisma.document.groupBy({ by: ["typeCode"], _count: true });
    expect(new Set(types.map((t) => t.typeCode))).toEqual(new Set(DOCUMENT_TYPE_CODES));
    for (const where of [
      { hiddenFromPros: true },
      { hiddenFromPatient: true },
      { hiddenFromLegalReps: true },
      { hiddenFromPros: true, hiddenFromPatient: true },
      { confidentiality: "R" as const },
      { confidentiality: "V" as const },
      { source: "PATIENT" as const },
      { source: "HOSPITAL_FEED" as const },
      { source: "PROFESSIONAL" as const },
      { status: "REPLACED" as const },
    ]) {
      expect(await db.prisma.document.count({ where }), JSON.stringify(where)).toBeGreaterThan(0);
    }
    const total = await db.prisma.document.count();
    expect(total).toBeGreaterThan(200);
    expect(await db.prisma.documentContent.count()).toBe(total);
  });

  it("stores real contents with their size and hash", async () => {
    const doc = await db.prisma.document.findFirstOrThrow({ where: { mediaType: "application/pdf" }, include: { content: true } });
    const data = Buffer.from(doc.content?.data ?? new Uint8Array());
    expect(data.subarray(0, 5).toString()).toBe("%PDF-");
    expect(data.byteLength).toBe(doc.size);
    const { createHash } = await import("node:crypto");
    expect(createHash("sha256").update(data).digest("hex")).toBe(doc.sha256);
  });

  it("sets up the special documents", async () => {
    const masked = await special("maskedFromProsByPatient");
    expect(masked.hiddenFromPros).toBe(true);
    expect(masked.author?.lastName).toBe("Bernard");
    expect(masked.patient.treatingDoctorId).not.toBe(masked.authorId);
    const cardio = await db.prisma.professional.findFirstOrThrow({ where: { lastName: "Lefèvre" } });
    expect(await db.prisma.professionalAuthorization.count({ where: { patientId: masked.patientId, professionalId: cardio.id } })).toBe(1);

    expect((await special("hiddenFromPatient")).hiddenFromPatient).toBe(true);

    const denied = await special("deniedToDentist");
    const dentist = await db.prisma.professional.findFirstOrThrow({ where: { profession: "40" } });
    expect(await db.prisma.professionalAuthorization.count({ where: { patientId: denied.patientId, professionalId: dentist.id } })).toBe(1);
    const rule = await db.prisma.habilitationRule.findFirstOrThrow({ where: { profession: "40", specialty: "*", typeCode: denied.typeCode } });
    expect(rule.canRead).toBe(false);

    const secret = await special("hiddenFromLegalReps");
    expect(secret.hiddenFromLegalReps).toBe(true);
    expect(secret.patient.firstName).toBe("Chloé");

    const revealed = await special("revealedAfterAnnouncement");
    expect(revealed.hiddenFromPatient).toBe(false);
    expect(revealed.revealedAt).not.toBeNull();
    expect((await special("opposedByPatient")).opposedAt).not.toBeNull();
    const v2 = await special("replacedVersion");
    const v1 = await db.prisma.document.findUniqueOrThrow({ where: { id: v2.replacesId as string } });
    expect(v1.status).toBe("REPLACED");
  });

  it("writes valid trace chains and matching notifications", async () => {
    const patients = await db.prisma.patient.findMany({ select: { id: true } });
    for (const p of patients) {
      expect(await verifyTraceChain(db.prisma, p.id)).toBeNull();
      expect(await db.prisma.trace.count({ where: { patientId: p.id } })).toBeGreaterThan(3);
    }
    expect(await verifyTraceChain(db.prisma, null)).toBeNull();
    for (const kind of ["RECORD_CREATED", "FIRST_CONSULTATION", "NEW_DOCUMENT", "EMERGENCY_ACCESS"] as const) {
      expect(await db.prisma.notification.count({ where: { kind } }), kind).toBeGreaterThan(0);
    }
    expect(await db.prisma.trace.count({ where: { action: "BREAK_GLASS_ACCESS", outcome: "ALLOWED", justification: { not: null } } })).toBe(1);
    // Nothing tells the patient about a document hidden from them.
    const hidden = await special("hiddenFromPatient");
    const notices = await db.prisma.notification.findMany({ where: { patientId: hidden.patientId, kind: "NEW_DOCUMENT" } });
    expect(notices.some((n) => n.body.includes(hidden.title))).toBe(false);
  });

  it("writes each fed document's trace as the feed does: the professional who submitted with the structure, the author in the detail", async () => {
    const traces = await db.prisma.trace.findMany({ where: { action: "FEED_DOCUMENT" } });
    expect(traces.length).toBeGreaterThan(0);
    const documents = await db.prisma.document.findMany({
      where: { id: { in: traces.map((t) => t.documentId ?? "") } },
      include: { author: true, structure: true },
    });
    const byId = new Map(documents.map((d) => [d.id, d]));
    for (const t of traces) {
      const doc = byId.get(t.documentId ?? "");
      expect(doc?.source).toBe("HOSPITAL_FEED");
      const author = [doc!.author!.title, doc!.author!.firstName, doc!.author!.lastName].filter(Boolean).join(" ");
      expect(t).toMatchObject({ actorKind: "PROFESSIONAL", actorId: doc!.authorId, actorName: author, actorStructure: doc!.structure!.name, detail: `${doc!.title} (auteur : ${author})` });
      expect(t.reason?.startsWith(`${documentTypeLabel(doc!.typeCode)} — `), t.reason ?? "").toBe(true);
    }
    // Every hospital document of the demo came through the feed, new versions included.
    expect(traces.length).toBe(await db.prisma.document.count({ where: { source: "HOSPITAL_FEED" } }));
  });

  it("loads 24 months of reimbursements", async () => {
    expect(await db.prisma.patient.count({ where: { reimbursementsLoadedAt: null } })).toBe(0);
    expect(await db.prisma.reimbursementItem.count()).toBeGreaterThan(300);
  });

  it("is not loaded twice", async () => {
    const before = await db.prisma.document.count();
    const second = await seedDemo(db.prisma, { now: NOW });
    expect(second.skipped).toBe(true);
    expect(await db.prisma.document.count()).toBe(before);
  });

  it("shows only accesses lib/access allows: every professional's allowed read and view in the history, with the rule it names", async () => {
    const traces = await db.prisma.trace.findMany({
      where: { actorKind: "PROFESSIONAL", outcome: "ALLOWED", action: { in: ["RECORD_VIEW", "DOCUMENT_READ"] } },
      orderBy: { id: "asc" },
    });
    expect(traces.length).toBeGreaterThan(50);
    const pros = new Map((await db.prisma.professional.findMany()).map((p) => [p.id, p]));
    for (const t of traces) {
      const pro = pros.get(t.actorId ?? "")!;
      const actor: TProfessionalActor = { kind: "PROFESSIONAL", professionalId: pro.id, name: pro.lastName, profession: pro.profession, specialty: pro.specialty, isSamuRegulator: pro.isSamuRegulator };
      // The record as it was at the time of the trace: open (nothing happens after a closure),
      // blocks and oppositions that came later did not apply yet.
      const loaded = (await loadAccessContext(db.prisma, actor, t.patientId!, t.at))!;
      const block = await db.prisma.patientBlock.findFirst({ where: { patientId: t.patientId!, professionalId: pro.id } });
      const ctx = { ...loaded, recordStatus: "OPEN" as const, isBlocked: block !== null && block.createdAt <= t.at };
      const label = `${t.action} ${pro.lastName} ${t.at.toISOString()}`;
      if (t.action === "RECORD_VIEW") {
        expect(describeDecision(canAccessRecord(actor, ctx)), label).toBe(t.reason);
        continue;
      }
      const doc = await db.prisma.document.findUniqueOrThrow({ where: { id: t.documentId! } });
      const decision = canRead(actor, { ...doc, opposedAt: doc.opposedAt && doc.opposedAt <= t.at ? doc.opposedAt : null }, ctx);
      expect(decision.allowed, label).toBe(true);
      expect(describeDecision(decision), label).toBe(t.reason);
    }
  });
});

