import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TTestDatabase } from "@/lib/testing/test-database";
import type { TProfessionalActor } from "@/lib/access/actor";
import { actionError } from "@/lib/errors/action-result";
import { openEmergencyAccess } from "@/lib/emergency/open-emergency-access";
import { findPatients, type TPatientSearchResult } from "./find-patients";
import { getIdentityBeforeAccess } from "./get-identity-before-access";
import { recordConsent } from "./record-consent";
import { recordCareTeamAccess } from "./care-team-presumption";

let db: TTestDatabase;
let lea: TProfessionalActor;
/** Léa has no access to it, nothing else: what every refusal must look like. */
let plainId: string;
/** The patient blocked Léa after giving her access. */
let blockedId: string;
/** Léa had access; the patient closed the record. */
let closedId: string;
const UNKNOWN = "dossier-inconnu-0000";
const BIRTH = "1985-04-12";

const today = new Date().toISOString().slice(0, 10);
const JUSTIFICATION = "Patiente inconsciente admise aux urgences après un malaise.";

async function person(nir: string, lastName: string, withRecord: boolean): Promise<string | null> {
  const identity = { nir, birthDate: BIRTH, firstName: "Anne", lastName, sex: "F" as const, department: "75" };
  const patient = withRecord ? await db.prisma.patient.create({ data: identity }) : null;
  await db.prisma.beneficiary.create({ data: { ...identity, vitaleSerial: `V${nir.slice(0, 9)}`, patientId: patient?.id ?? null } });
  return patient?.id ?? null;
}

/** What the screen shows for a result, less the identity the professional typed in the search. */
function shown(r: TPatientSearchResult | undefined) {
  if (!r) throw new Error("no result");
  const { beneficiaryId: _b, firstName: _f, lastName: _l, birthName: _n, birthDate: _d, patientId, ...rest } = r;
  return { ...rest, hasRecord: patientId !== null };
}

/** The message a server action shows for an outcome (refusal) or a thrown error. */
async function answer(run: () => Promise<unknown>): Promise<string> {
  try {
    const out = (await run()) as { status?: string; message?: string };
    return out.status === "REFUSED" ? (out.message ?? "") : `succès: ${JSON.stringify(out)}`;
  } catch (error) {
    return actionError(error).message;
  }
}

beforeAll(async () => {
  db = await createTestDatabase({ name: "neutral-refusals" });
  const hospital = await db.prisma.structure.create({ data: { finess: "750000021", name: "Hôpital Neutre", kind: "HOSPITAL", city: "Paris", department: "75" } });
  const pro = await db.prisma.professional.create({ data: { idNat: "810000009991", firstName: "Léa", lastName: "Bonnet", profession: "70", structureId: hospital.id } });
  lea = { kind: "PROFESSIONAL", professionalId: pro.id, name: "Léa Bonnet", profession: "70", specialty: null, isSamuRegulator: false, structureName: "Hôpital Neutre" };
  const colleague = await db.prisma.professional.create({ data: { idNat: "810000009992", firstName: "Jean", lastName: "Collègue", profession: "10", structureId: hospital.id } });
  plainId = (await person("285047511200150", "Plain", true))!;
  blockedId = (await person("285047511200251", "Bloque", true))!;
  closedId = (await person("285047511200352", "Ferme", true))!;
  for (const patientId of [blockedId, closedId]) {
    await db.prisma.professionalAuthorization.create({ data: { patientId, professionalId: pro.id, consentAt: new Date(), recordedById: pro.id } });
  }
  // A colleague's consent would make Léa a presumed member of the care team.
  for (const patientId of [plainId, blockedId, closedId]) {
    await db.prisma.professionalAuthorization.create({ data: { patientId, professionalId: colleague.id, consentAt: new Date(), recordedById: colleague.id } });
  }
  await db.prisma.professionalAuthorization.deleteMany({ where: { patientId: plainId, professionalId: colleague.id } });
  await db.prisma.patientBlock.create({ data: { patientId: blockedId, professionalId: pro.id } });
  await db.prisma.patient.update({ where: { id: closedId }, data: { recordStatus: "CLOSED", closedAt: new Date() } });
});

afterAll(async () => {
  await db?.cleanup();
});

describe("unauthorized access: a blocked professional, a closed record and an unknown patient get the same answer", () => {
  it("search results show a blocked professional and a closed record exactly as a record they have no access to", async () => {
    const results = await findPatients(db.prisma, lea, { mode: "name", lastName: "", birthDate: BIRTH } as never);
    const byId = (id: string) => results.find((r) => r.patientId === id);
    const plain = shown(byId(plainId));
    expect(plain).toMatchObject({ hasRecord: true, access: "NONE" });
    expect(shown(byId(blockedId))).toEqual(plain);
    expect(shown(byId(closedId))).toEqual(plain);
  });

  it("the first-access page shows no identity to a blocked professional nor on a closed record: the same nothing as an unknown patient", async () => {
    expect(await getIdentityBeforeAccess(db.prisma, lea, plainId)).toMatchObject({ firstName: "Anne", lastName: "Plain", birthDate: BIRTH });
    expect(await getIdentityBeforeAccess(db.prisma, lea, UNKNOWN)).toBeNull();
    expect(await getIdentityBeforeAccess(db.prisma, lea, blockedId)).toBeNull();
    expect(await getIdentityBeforeAccess(db.prisma, lea, closedId)).toBeNull();
  });

  it("break-the-glass on a blocked professional's or a closed record answers as on an unknown patient, and the refusal is traced for the patient", async () => {
    const bg = (id: string) => () => openEmergencyAccess(db.prisma, lea, id, { mode: "BREAK_GLASS", justification: JUSTIFICATION });
    const unknown = await answer(bg(UNKNOWN));
    expect(await answer(bg(blockedId))).toBe(unknown);
    expect(await answer(bg(closedId))).toBe(unknown);
    expect(await db.prisma.trace.count({ where: { patientId: { in: [blockedId, closedId] }, action: "BREAK_GLASS_ACCESS", outcome: "REFUSED" } })).toBe(2);
  });

  it("a consent or a care-team access declared on a blocked professional's or a closed record answers as on an unknown patient", async () => {
    const consent = (id: string) => () => recordConsent(db.prisma, lea, id, { hasConsent: true, consentDate: today });
    const careTeam = (id: string) => () => recordCareTeamAccess(db.prisma, lea, id);
    const unknown = await answer(consent(UNKNOWN));
    expect(await answer(consent(blockedId))).toBe(unknown);
    expect(await answer(consent(closedId))).toBe(unknown);
    expect(await answer(careTeam(UNKNOWN))).toBe(unknown);
    expect(await answer(careTeam(blockedId))).toBe(unknown);
    expect(await answer(careTeam(closedId))).toBe(unknown);
  });
});
