/**
 * The hospital side as the AP-HP deployment ran it (issue 16), on a real database: the
 * establishment's catalogue edited by its administrator, write → save draft → validate
 * (sending automatic), held-back documents and their reasons, non-exportable documents,
 * the NIR requested from admissions then the held documents resent, a certification KO
 * corrected then resent, and MSSanté. Every refusal says why in French and writes nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TTestDatabase } from "@/lib/testing/test-database";
import { buildNir } from "@/lib/identity/nir";
import type { TProActor } from "@/lib/auth/pro/pro-actor";
import { addCatalogueEntry, catalogueForAdmin, structureCatalogue, UNKNOWN_TYPE_MESSAGE, updateCatalogueEntry } from "./catalogue";
import { importExternalDocument, MISSING_REASON_MESSAGE, resendDocument, saveDraft, validateDocument } from "./hospital-documents";
import { DEFAULT_CATALOGUE } from "./default-catalogue";
import { admissionsDesk, confirmNir, correctIdentity, requestNir } from "./nir-requests";
import { exportFollowUp, sendByMssante } from "./export-follow-up";
import { recordQueryPlans, wholeTableRead } from "@/lib/testing/query-plans";

let db: TTestDatabase;
const ids = {} as Record<"hospital" | "clinic" | "doctor" | "colleague" | "secretary" | "admin" | "admissions" | "clinicAdmin" | "sp" | "spNoNir" | "spKo", string>;
const nir = buildNir({ sex: "F", birthDate: "1970-05-20", place: "75056", order: 44 });
const nir2 = buildNir({ sex: "M", birthDate: "1985-02-11", place: "75056", order: 45 });
const nir3 = buildNir({ sex: "F", birthDate: "1990-09-09", place: "75056", order: 46 });

function actor(id: string, name: string, profession: string | null = "10"): TProActor {
  return { kind: "PROFESSIONAL", professionalId: id, name, profession, specialty: profession ? "SM04" : null, isSamuRegulator: false, structureName: "Hôpital test", isOperator: false, cardSerial: "x", idNat: id };
}

beforeAll(async () => {
  db = await createTestDatabase({ name: "hospital-workflow" });
  const p = db.prisma;
  ids.hospital = (await p.structure.create({ data: { finess: "750000019", name: "Hôpital test", kind: "HOSPITAL", city: "Paris", department: "75" } })).id;
  ids.clinic = (await p.structure.create({ data: { finess: "920000014", name: "Clinique test", kind: "HOSPITAL", city: "Nanterre", department: "92" } })).id;
  const pro = async (idNat: string, lastName: string, profession: string | null, structureId: string, establishmentRole: "ADMIN" | "ADMISSIONS" | null = null) =>
    (await p.professional.create({ data: { idNat, title: profession ? "Dr" : null, firstName: "Test", lastName, profession, specialty: profession ? "SM04" : null, kind: profession ? "HEALTH_PROFESSIONAL" : "STAFF", structureId, establishmentRole } })).id;
  ids.doctor = await pro("810000000011", "Médecin", "10", ids.hospital);
  ids.colleague = await pro("810000000060", "Collègue", "10", ids.hospital);
  ids.secretary = await pro("3750000019/SEC1", "Secrétaire", null, ids.hospital);
  ids.admin = await pro("3750000019/ADM1", "Administratrice", null, ids.hospital, "ADMIN");
  ids.admissions = await pro("3750000019/BDA1", "Admissions", null, ids.hospital, "ADMISSIONS");
  ids.clinicAdmin = await pro("3920000014/ADM1", "Admin clinique", null, ids.clinic, "ADMIN");
  const record = async (n: string, birthDate: string, firstName: string, sex: "F" | "M") => {
    const patient = await p.patient.create({ data: { nir: n, birthDate, birthRank: 1, firstName, lastName: "Martin", sex, department: "75" } });
    await p.beneficiary.create({ data: { nir: n, birthDate, birthRank: 1, firstName, lastName: "Martin", sex, department: "75", patientId: patient.id, vitaleSerial: `V${n.slice(0, 10)}` } });
    return patient.id;
  };
  const lucie = await record(nir, "1970-05-20", "Lucie", "F");
  await record(nir2, "1985-02-11", "Paul", "M");
  const nina = await record(nir3, "1990-09-09", "Nina", "F");
  ids.sp = (await p.structurePatient.create({ data: { structureId: ids.hospital, localId: "IPP1", firstName: "Lucie", lastName: "Martin", sex: "F", nir, birthDate: "1970-05-20", patientId: lucie } })).id;
  ids.spNoNir = (await p.structurePatient.create({ data: { structureId: ids.hospital, localId: "IPP2", firstName: "Paul", lastName: "Martin", sex: "M", birthDate: "1985-02-11", identityStatus: "PROVISIONAL" } })).id;
  // The hospital wrote rank 2 where the record says 1: certification KO.
  ids.spKo = (await p.structurePatient.create({ data: { structureId: ids.hospital, localId: "IPP3", firstName: "Nina", lastName: "Martin", sex: "F", nir: nir3, birthDate: "1990-09-09", birthRank: 2, patientId: nina } })).id;
});

afterAll(async () => {
  await db?.cleanup();
});

async function written() {
  const p = db.prisma;
  return { traces: await p.trace.count(), docs: await p.hospitalDocument.count(), dmp: await p.document.count(), submissions: await p.feedSubmission.count(), catalogue: await p.documentCatalogueEntry.findMany({ orderBy: { id: "asc" } }) };
}

async function entry(name: string) {
  return (await structureCatalogue(db.prisma, ids.hospital)).find((e) => e.name === name)!;
}

async function draft(over: { sp?: string; name?: string; by?: string; authorId?: string } = {}) {
  const e = await entry(over.name ?? "CR Consultation");
  const by = over.by ?? ids.doctor;
  return saveDraft(db.prisma, actor(by, "Dr Test"), {
    structurePatientId: over.sp ?? ids.sp,
    catalogueEntryId: e.id,
    title: `${e.name} ${Math.random()}`,
    body: "Consultation de contrôle, évolution favorable.",
    authorId: over.authorId ?? ids.doctor,
    serviceDate: "2026-01-15",
  });
}

describe("the establishment's catalogue", () => {
  it("starts from the deployment's list, each with a JDV_J66 type and a default masking", async () => {
    const entries = await structureCatalogue(db.prisma, ids.hospital);
    expect(entries).toHaveLength(DEFAULT_CATALOGUE.length);
    expect(entries.length).toBeGreaterThanOrEqual(40);
    expect(entries.find((e) => e.name === "CRH Psychiatrie")).toMatchObject({ typeCode: "34112-3", defaultMasking: "MASQUE_PS", exported: true });
    expect(entries.find((e) => e.name === "Ordonnance bizone")).toMatchObject({ typeCode: "57833-6", defaultMasking: "NONE" });
  });

  it("its administrator changes a line: the change and its trace (before → after) are written together", async () => {
    const line = await entry("CRH AVC");
    const admin = actor(ids.admin, "Test Administratrice", null);
    expect(await updateCatalogueEntry(db.prisma, admin, { entryId: line.id, typeCode: "11490-0", defaultMasking: "INVISIBLE_PATIENT", exported: true })).toBe(true);
    expect(await entry("CRH AVC")).toMatchObject({ typeCode: "11490-0", defaultMasking: "INVISIBLE_PATIENT" });
    const trace = await db.prisma.trace.findFirstOrThrow({ where: { action: "CATALOGUE_CHANGE" }, orderBy: { id: "desc" } });
    expect(trace).toMatchObject({ patientId: null, actorId: ids.admin, reason: "Administrateur de l'établissement" });
    expect(trace.detail).toMatch(/« CRH AVC » : type 11490-0 .*Invisible au patient.*auparavant type 34112-3/);
    // The same values again change nothing and trace nothing.
    const before = await written();
    expect(await updateCatalogueEntry(db.prisma, admin, { entryId: line.id, typeCode: "11490-0", defaultMasking: "INVISIBLE_PATIENT", exported: true })).toBe(false);
    expect(await written()).toEqual(before);
  });

  it("adds a document to the catalogue, traced; a name already there is refused", async () => {
    const admin = actor(ids.admin, "Test Administratrice", null);
    await addCatalogueEntry(db.prisma, admin, { name: "CR Consultation Cardiologie", typeCode: "11488-4", defaultMasking: "NONE" });
    expect(await entry("CR Consultation Cardiologie")).toMatchObject({ typeCode: "11488-4" });
    await expect(addCatalogueEntry(db.prisma, admin, { name: "cr consultation cardiologie", typeCode: "11488-4", defaultMasking: "NONE" })).rejects.toMatchObject({ code: "CONFLICT" });
  });

  it.each([
    ["an unknown document type", () => ({ who: ids.admin, typeCode: "99999-9" }), "INVALID_INPUT", UNKNOWN_TYPE_MESSAGE],
    ["the reimbursements type (health insurance only)", () => ({ who: ids.admin, typeCode: "REMB" }), "INVALID_INPUT", UNKNOWN_TYPE_MESSAGE],
    ["a doctor who is not the administrator", () => ({ who: ids.doctor, typeCode: "11488-4" }), "NOT_FOUND", undefined],
    ["another establishment's administrator", () => ({ who: ids.clinicAdmin, typeCode: "11488-4" }), "NOT_FOUND", undefined],
  ])("refuses %s and changes nothing", async (_label, make, code, message) => {
    const { who, typeCode } = make();
    const line = await entry("CRH Orthopédie");
    const before = await written();
    await expect(updateCatalogueEntry(db.prisma, actor(who, "X", null), { entryId: line.id, typeCode, defaultMasking: "NONE", exported: false })).rejects.toMatchObject({
      code,
      ...(message ? { userMessage: message } : {}),
    });
    expect(await written()).toEqual(before);
  });

  it("the screen does not exist for anyone but the administrator", async () => {
    await expect(catalogueForAdmin(db.prisma, actor(ids.secretary, "S", null))).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await catalogueForAdmin(db.prisma, actor(ids.admin, "A", null))).entries.length).toBeGreaterThan(40);
  });
});

describe("write → save draft → validate, sending automatic at validation", () => {
  it("a catalogue document is fed at validation with the masking chosen then", async () => {
    const { documentId } = await draft({ name: "CRH Hématologie" });
    const saved = await db.prisma.hospitalDocument.findUniqueOrThrow({ where: { id: documentId } });
    // The box is ticked by default and the masking proposed is the catalogue's.
    expect(saved).toMatchObject({ status: "DRAFT", sendToDmp: true, masking: "INVISIBLE_PATIENT", typeCode: "34112-3" });
    const result = await validateDocument(db.prisma, actor(ids.doctor, "Dr Test"), { documentId, sendToDmp: true, masking: "INVISIBLE_PATIENT" });
    expect(result).toMatchObject({ status: "FED_OK" });
    const after = await db.prisma.hospitalDocument.findUniqueOrThrow({ where: { id: documentId } });
    expect(after).toMatchObject({ status: "VALIDATED", validatedById: ids.doctor, dmpStatus: "FED_OK", dmpAttempts: 1 });
    const fed = await db.prisma.document.findUniqueOrThrow({ where: { id: after.dmpDocumentId! } });
    expect(fed).toMatchObject({ hiddenFromPatient: true, hiddenFromPros: false, typeCode: "34112-3" });
    const actions = (await db.prisma.trace.findMany({ where: { patientId: null, actorId: ids.doctor }, select: { action: true } })).map((t) => t.action);
    expect(actions).toEqual(expect.arrayContaining(["HOSPITAL_DRAFT_SAVE", "HOSPITAL_DOCUMENT_VALIDATE", "HOSPITAL_DMP_SEND"]));
  });

  it("a secretary types the draft for the doctor; only the author validates it", async () => {
    const { documentId } = await draft({ by: ids.secretary });
    const before = await written();
    await expect(validateDocument(db.prisma, actor(ids.secretary, "S", null), { documentId, sendToDmp: true, masking: "NONE" })).rejects.toMatchObject({ code: "FORBIDDEN", userMessage: expect.stringMatching(/médecin auteur/) });
    await expect(validateDocument(db.prisma, actor(ids.colleague, "Dr C"), { documentId, sendToDmp: true, masking: "NONE" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await written()).toEqual(before);
  });

  it("unticking « Envoi DMP » without a reason is refused and changes nothing; with one, the document is held back and the reason kept", async () => {
    const { documentId } = await draft();
    const before = await written();
    await expect(validateDocument(db.prisma, actor(ids.doctor, "Dr Test"), { documentId, sendToDmp: false, masking: "NONE" })).rejects.toMatchObject({ code: "INVALID_INPUT", userMessage: MISSING_REASON_MESSAGE });
    await expect(validateDocument(db.prisma, actor(ids.doctor, "Dr Test"), { documentId, sendToDmp: false, holdReason: "OTHER", holdText: "", masking: "NONE" })).rejects.toMatchObject({ code: "INVALID_INPUT", userMessage: expect.stringMatching(/autre motif/) });
    expect(await written()).toEqual(before);
    const result = await validateDocument(db.prisma, actor(ids.doctor, "Dr Test"), { documentId, sendToDmp: false, holdReason: "ANNOUNCEMENT_CONSULTATION", masking: "NONE" });
    expect(result).toMatchObject({ status: "HELD_BACK", message: expect.stringMatching(/consultation d'annonce est nécessaire/) });
    expect((await written()).submissions).toBe(before.submissions);
    const follow = await exportFollowUp(db.prisma, actor(ids.doctor, "Dr Test"), ids.sp);
    expect(follow?.documents.find((d) => d.id === documentId)).toMatchObject({ dmpStatusLabel: "Retenu (non envoyé)", reason: "Une consultation d'annonce est nécessaire", mayResend: true });
    // After the announcement consultation, the author sends it.
    expect(await resendDocument(db.prisma, actor(ids.doctor, "Dr Test"), documentId)).toMatchObject({ status: "FED_OK" });
  });

  it("an unknown document type (not in the catalogue) is refused and writes nothing", async () => {
    const before = await written();
    await expect(
      saveDraft(db.prisma, actor(ids.doctor, "Dr Test"), { structurePatientId: ids.sp, catalogueEntryId: "inconnu", title: "Titre", body: "Un contenu suffisant.", authorId: ids.doctor, serviceDate: "2026-01-15" }),
    ).rejects.toMatchObject({ code: "INVALID_INPUT", userMessage: expect.stringMatching(/Type de document inconnu/) });
    expect(await written()).toEqual(before);
  });

  it("a fed document is not resent: a clear message, nothing changes", async () => {
    const { documentId } = await draft();
    await validateDocument(db.prisma, actor(ids.doctor, "Dr Test"), { documentId, sendToDmp: true, masking: "NONE" });
    const before = await written();
    await expect(resendDocument(db.prisma, actor(ids.doctor, "Dr Test"), documentId)).rejects.toMatchObject({ code: "CONFLICT", userMessage: "Ce document a déjà alimenté le DMP : il n'est pas renvoyé." });
    expect(await written()).toEqual(before);
  });
});

describe("what may not be exported", () => {
  it("a scanned import or another software's report is kept without the DMP box, with the reason, and never sent", async () => {
    const { documentId } = await importExternalDocument(db.prisma, actor(ids.secretary, "S", null), {
      structurePatientId: ids.sp,
      origin: "OTHER_SOFTWARE",
      originLabel: "logiciel d'imagerie",
      title: "CR d'IRM cérébrale",
      typeCode: "18748-4",
      serviceDate: "2026-01-10",
    });
    const follow = await exportFollowUp(db.prisma, actor(ids.doctor, "Dr Test"), ids.sp);
    expect(follow?.documents.find((d) => d.id === documentId)).toMatchObject({ dmpStatus: "NOT_EXPORTABLE", mayResend: false, reason: expect.stringMatching(/autre logiciel \(logiciel d'imagerie\)/) });
    await expect(resendDocument(db.prisma, actor(ids.doctor, "Dr Test"), documentId)).rejects.toMatchObject({ code: "CONFLICT" });
  });

  it("a catalogue line the administrator stopped exporting validates without sending", async () => {
    const line = await entry("CRH HDJ old");
    await updateCatalogueEntry(db.prisma, actor(ids.admin, "A", null), { entryId: line.id, typeCode: line.typeCode, defaultMasking: line.defaultMasking, exported: false });
    const { documentId } = await draft({ name: "CRH HDJ old" });
    expect(await db.prisma.hospitalDocument.findUniqueOrThrow({ where: { id: documentId } })).toMatchObject({ sendToDmp: false });
    expect(await validateDocument(db.prisma, actor(ids.doctor, "Dr Test"), { documentId, sendToDmp: true, masking: "NONE" })).toMatchObject({ status: "NOT_EXPORTABLE" });
  });
});

describe("identity: the NIR asked from admissions, a certification KO corrected", () => {
  it("without a NIR the document is held; admissions confirm the NIR; the establishment resends it", async () => {
    const { documentId } = await draft({ sp: ids.spNoNir });
    expect(await db.prisma.hospitalDocument.findUniqueOrThrow({ where: { id: documentId } })).toMatchObject({ sendToDmp: false });
    expect(await validateDocument(db.prisma, actor(ids.doctor, "Dr Test"), { documentId, sendToDmp: true, masking: "NONE" })).toMatchObject({ status: "NO_NIR" });
    await expect(resendDocument(db.prisma, actor(ids.doctor, "Dr Test"), documentId)).rejects.toMatchObject({ code: "INVALID_INPUT", userMessage: expect.stringMatching(/admissions/) });

    const { requestId } = await requestNir(db.prisma, actor(ids.secretary, "S", null), { structurePatientId: ids.spNoNir, desk: "ADMISSIONS" });
    await expect(requestNir(db.prisma, actor(ids.secretary, "S", null), { structurePatientId: ids.spNoNir, desk: "ADMISSIONS" })).rejects.toMatchObject({ code: "CONFLICT" });
    // Not the admissions desk: no such screen.
    await expect(admissionsDesk(db.prisma, actor(ids.secretary, "S", null))).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(confirmNir(db.prisma, actor(ids.doctor, "Dr Test"), { requestId, nir: nir2, birthRank: 1 })).rejects.toMatchObject({ code: "NOT_FOUND" });
    const desk = await admissionsDesk(db.prisma, actor(ids.admissions, "A", null));
    expect(desk.requests.map((r) => r.patient.localId)).toContain("IPP2");
    // A NIR of a woman for this man: refused, nothing changes.
    await expect(confirmNir(db.prisma, actor(ids.admissions, "A", null), { requestId, nir, birthRank: 1 })).rejects.toMatchObject({ code: "INVALID_INPUT" });
    await confirmNir(db.prisma, actor(ids.admissions, "A", null), { requestId, nir: nir2, birthRank: 1 });
    expect(await db.prisma.structurePatient.findUniqueOrThrow({ where: { id: ids.spNoNir } })).toMatchObject({ nir: nir2, identityStatus: "QUALIFIED" });
    expect(await resendDocument(db.prisma, actor(ids.secretary, "S", null), documentId)).toMatchObject({ status: "FED_OK" });
  });

  it("a certification KO is shown with what to do; admissions correct the rank; the document is resent", async () => {
    const { documentId } = await draft({ sp: ids.spKo });
    expect(await validateDocument(db.prisma, actor(ids.doctor, "Dr Test"), { documentId, sendToDmp: true, masking: "NONE" })).toMatchObject({ status: "CERTIFICATION_KO" });
    const follow = await exportFollowUp(db.prisma, actor(ids.doctor, "Dr Test"), ids.spKo);
    expect(follow?.documents[0]).toMatchObject({ dmpStatusLabel: "Certification KO", nextStep: expect.stringMatching(/corriger l'identité/), mayResend: true });
    expect((await admissionsDesk(db.prisma, actor(ids.admissions, "A", null))).certificationKo.map((p) => p.localId)).toContain("IPP3");
    await correctIdentity(db.prisma, actor(ids.admissions, "A", null), { structurePatientId: ids.spKo, birthDate: "1990-09-09", birthRank: 1 });
    expect(await resendDocument(db.prisma, actor(ids.doctor, "Dr Test"), documentId)).toMatchObject({ status: "FED_OK" });
    expect(await db.prisma.hospitalDocument.findUniqueOrThrow({ where: { id: documentId } })).toMatchObject({ dmpAttempts: 2 });
  });
});

describe("MSSanté instead of the DMP", () => {
  it("sends the validated document to the patient's secure mailbox, traced", async () => {
    const { documentId } = await draft();
    await validateDocument(db.prisma, actor(ids.doctor, "Dr Test"), { documentId, sendToDmp: false, holdReason: "FRAGILE_PATIENT", masking: "NONE" });
    const sent: { to: string; text: string }[] = [];
    await sendByMssante(db.prisma, actor(ids.doctor, "Dr Test"), { documentId, recipient: "PATIENT" }, async (m) => void sent.push(m));
    expect(sent[0]?.to).toBe(`${nir}@patient.mssante.fr`);
    expect(sent[0]?.text).toContain("Consultation de contrôle");
    expect(await db.prisma.trace.findFirst({ where: { action: "MSSANTE_SEND" }, orderBy: { id: "desc" } })).toMatchObject({ detail: expect.stringContaining("patient.mssante.fr") });
    const follow = await exportFollowUp(db.prisma, actor(ids.doctor, "Dr Test"), ids.sp);
    expect(follow?.documents.find((d) => d.id === documentId)?.destinations).toEqual(["MSSanté"]);
    await expect(sendByMssante(db.prisma, actor(ids.doctor, "Dr Test"), { documentId, recipient: "quelqu-un@gmail.com" }, async () => {})).rejects.toMatchObject({ code: "INVALID_INPUT" });
  });
});

describe("an EHPAD feeds its DLU from the same simulator", () => {
  it("starts from the DLU, offered first to its nurse, and feeds it at validation", async () => {
    const p = db.prisma;
    const ehpad = (await p.structure.create({ data: { finess: "940000029", name: "EHPAD test", kind: "EHPAD", city: "Vincennes", department: "94" } })).id;
    const nurse = (await p.professional.create({ data: { idNat: "810000000078", firstName: "Nina", lastName: "Infirmière", profession: "60", structureId: ehpad } })).id;
    const resident = (await p.structurePatient.create({ data: { structureId: ehpad, localId: "EHP1", firstName: "Lucie", lastName: "Martin", sex: "F", nir, birthDate: "1970-05-20" } })).id;
    const catalogue = await structureCatalogue(p, ehpad);
    expect(catalogue[0]).toMatchObject({ typeCode: "74207-2" });
    const nurseActor = { ...actor(nurse, "Nina Infirmière", "60"), specialty: null };
    const { documentId } = await saveDraft(p, nurseActor, { structurePatientId: resident, catalogueEntryId: catalogue[0]!.id, title: "DLU", body: "Dossier de liaison d'urgence à jour.", authorId: nurse, serviceDate: "2026-01-15" });
    expect(await validateDocument(p, nurseActor, { documentId, sendToDmp: true, masking: "NONE" })).toMatchObject({ status: "FED_OK" });
  });
});

describe("the follow-up of one hospital patient", () => {
  it("reads that patient's documents and pending NIR request through indexes, not the establishment's whole tables", async () => {
    const recorder = recordQueryPlans(db);
    try {
      const plans = await recorder.plansOf(() => exportFollowUp(recorder.prisma, actor(ids.doctor, "Dr Test"), ids.sp));
      const perPatient = plans.filter((p) => /HospitalDocument|NirRequest/.test(p));
      expect(perPatient.length).toBeGreaterThanOrEqual(2);
      for (const plan of perPatient) expect(plan).not.toMatch(wholeTableRead(db, "HospitalDocument", "NirRequest"));
    } finally {
      await recorder.disconnect();
    }
  });
});
