import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TTestDatabase } from "@/lib/testing/test-database";
import { parsed } from "@/lib/testing/sandbox-input";
import { openCard } from "@/lib/testing/open-card";
import { ZCardFile } from "@/lib/pki/card-file";
import { parseSandboxInput } from "./parse-input";
import { createSandboxProfessional, professionalInputSchema } from "./create-professional";
import { createSandboxStructure, structureInputSchema } from "./create-structure";

let db: TTestDatabase;
beforeAll(async () => {
  db = await createTestDatabase({ name: "sandbox-professional-roles" });
});
afterAll(async () => db.cleanup());

const create = (input: unknown) => createSandboxProfessional(db.prisma, parsed(parseSandboxInput(professionalInputSchema, input)));
const row = (id: string) => db.prisma.professional.findUniqueOrThrow({ where: { id }, include: { structure: true } });
const counts = async () => ({
  professionals: await db.prisma.professional.count(),
  cards: await db.prisma.cpsCard.count(),
  structures: await db.prisma.structure.count(),
});

describe("sandbox professional roles", () => {
  it("without a role, a health professional as before: RPPS, no structure, neither regulator nor operator", async () => {
    const pro = await create({});
    expect(pro.role).toBe("professionnel");
    expect(await row(pro.professionalId)).toMatchObject({ kind: "HEALTH_PROFESSIONAL", profession: "10", rpps: pro.rpps, isSamuRegulator: false, isOperator: false, structureId: null });
  });

  it("a secretary is establishment staff with no profession nor RPPS, in a new hospital unless given one, and her card opens", async () => {
    const secretary = await create({ role: "secretaire", firstName: "Sandra" });
    const saved = await row(secretary.professionalId);
    expect(saved).toMatchObject({ kind: "STAFF", title: null, profession: null, specialty: null, rpps: null, isSamuRegulator: false });
    expect(saved.structure?.kind).toBe("HOSPITAL");
    expect(secretary.idNat).toMatch(new RegExp(`^3${saved.structure?.finess}/SEC[0-9A-Z]{4}$`));
    // The card reader reads the holder's IdNat from the file (20 characters at most).
    expect(ZCardFile.safeParse(secretary.card.file).success).toBe(true);
    expect(secretary.name).toBe("Sandra Essai");
    await expect(openCard(db.prisma, secretary.card.file, secretary.card.pin)).resolves.toMatchObject({ nonce: expect.any(String) });

    const clinic = await createSandboxStructure(db.prisma, parsed(parseSandboxInput(structureInputSchema, { kind: "PRACTICE" })));
    const other = await create({ role: "secretaire", structureId: clinic.structureId });
    expect((await row(other.professionalId)).structureId).toBe(clinic.structureId);
  });

  it("a regulator is a SAMU regulating doctor working in a SAMU", async () => {
    const regulator = await create({ role: "regulateur", specialty: "SM59" });
    const saved = await row(regulator.professionalId);
    expect(saved).toMatchObject({ kind: "HEALTH_PROFESSIONAL", isSamuRegulator: true, isOperator: false, specialty: "SM59" });
    expect(saved.structure?.kind).toBe("SAMU");
    await expect(openCard(db.prisma, regulator.card.file, regulator.card.pin)).resolves.toMatchObject({ nonce: expect.any(String) });
  });

  it("an operator is flagged as such", async () => {
    const operator = await create({ role: "operateur" });
    expect(await row(operator.professionalId)).toMatchObject({ isOperator: true, isSamuRegulator: false, kind: "HEALTH_PROFESSIONAL" });
  });

  it("an unknown role, or a regulator who is not a doctor, is refused in French and nothing is written", async () => {
    const before = await counts();
    const unknown = parseSandboxInput(professionalInputSchema, { role: "directeur" });
    const nurse = parseSandboxInput(professionalInputSchema, { role: "regulateur", profession: "60", specialty: null });
    expect(unknown.ok ? [] : unknown.issues).toEqual([{ path: "role", message: "Rôle inconnu : professionnel, secretaire, regulateur, operateur, administrateur ou admissions." }]);
    expect(nurse.ok ? [] : nurse.issues).toEqual([{ path: "profession", message: "Un régulateur du SAMU est médecin (profession « 10 »)." }]);
    expect(await counts()).toEqual(before);
  });

  it("a regulator given a structure that is not a SAMU is refused, and nothing is written", async () => {
    const hospital = await createSandboxStructure(db.prisma, parsed(parseSandboxInput(structureInputSchema, {})));
    const before = await counts();
    await expect(create({ role: "regulateur", structureId: hospital.structureId })).rejects.toThrow(/doit être de type SAMU/);
    expect(await counts()).toEqual(before);
  });

  it("a secretary whose card fails leaves neither her nor the hospital made for her behind", async () => {
    const before = await counts();
    const input = { ...parsed(parseSandboxInput(professionalInputSchema, { role: "secretaire" })), pin: "12" };
    await expect(createSandboxProfessional(db.prisma, input)).rejects.toThrow();
    expect(await counts()).toEqual(before);
  });

  it("an establishment administrator and an admissions clerk are staff of the same hospital, each with their establishment role", async () => {
    const hospital = await createSandboxStructure(db.prisma, parsed(parseSandboxInput(structureInputSchema, {})));
    const admin = await create({ role: "administrateur", structureId: hospital.structureId });
    const clerk = await create({ role: "admissions", structureId: hospital.structureId });
    expect(await row(admin.professionalId)).toMatchObject({ kind: "STAFF", profession: null, rpps: null, establishmentRole: "ADMIN", structureId: hospital.structureId });
    expect(await row(clerk.professionalId)).toMatchObject({ kind: "STAFF", profession: null, rpps: null, establishmentRole: "ADMISSIONS", structureId: hospital.structureId });
    const secretary = await create({ role: "secretaire", structureId: hospital.structureId });
    expect((await row(secretary.professionalId)).establishmentRole).toBeNull();
  });
});
