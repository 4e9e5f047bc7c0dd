import type { Db } from "@/lib/db/types";
import { structureCatalogue } from "@/lib/hospital/catalogue";
import { patientMailbox } from "@/lib/hospital/export-follow-up";
import type { TProfessionalKey } from "./professionals";
import { PROVISIONAL_HOSPITAL_PATIENT } from "./structure-patients";
import type { TStructureKey } from "./structures";
import { finess } from "./identifiers";

const DAY = 86_400_000;

/**
 * Issue 16's demo cases at the Hôpital Saint-Martin (prisma/DEMO.md): its catalogue; one
 * document held back for each of the deck's reasons; documents that may not be exported
 * (a scan, an imaging report); a draft waiting for its author; the provisional patient's
 * document held until the NIR the admissions desk has been asked for; a certification KO
 * fixed by admissions then resent; a document sent by MSSanté. History rows, written as
 * the commands would have left them (the commands are tested in lib/hospital).
 */
export async function createHospitalWorkflow(prisma: Db, structureIds: Record<TStructureKey, string>, professionalIds: Record<TProfessionalKey, string>, now: Date): Promise<number> {
  const hospital = structureIds.hospital;
  await structureCatalogue(prisma, hospital);
  await structureCatalogue(prisma, structureIds.ehpad);
  const catalogue = await structureCatalogue(prisma, hospital);
  const entry = (name: string) => {
    const e = catalogue.find((c) => c.name === name);
    if (!e) throw new Error(`Seed: catalogue entry ${name} missing`);
    return e;
  };
  const patients = await prisma.structurePatient.findMany({ where: { structureId: hospital }, orderBy: { localId: "asc" } });
  const qualified = patients.filter((p) => p.nir && p.identityStatus === "QUALIFIED" && p.patientId);
  const provisional = patients.find((p) => p.localId === PROVISIONAL_HOSPITAL_PATIENT.localId);
  if (qualified.length < 4 || !provisional) throw new Error("Seed: the hospital needs four qualified patients and the provisional one");
  const [a, b, c, d] = qualified as [(typeof qualified)[number], (typeof qualified)[number], (typeof qualified)[number], (typeof qualified)[number]];
  const at = (daysAgo: number) => new Date(now.getTime() - daysAgo * DAY);
  const date = (daysAgo: number) => at(daysAgo).toISOString().slice(0, 10);
  const doctor = professionalIds.cardiologist;
  const base = (patientId: string, name: string, daysAgo: number) => {
    const e = entry(name);
    return {
      structureId: hospital,
      structurePatientId: patientId,
      catalogueEntryId: e.id,
      typeCode: e.typeCode,
      title: name,
      body: `${name} — document de démonstration du simulateur hospitalier.`,
      authorId: doctor,
      createdById: professionalIds.secretary,
      serviceDate: date(daysAgo),
      masking: e.defaultMasking,
      createdAt: at(daysAgo),
      updatedAt: at(daysAgo),
    };
  };
  const validated = (daysAgo: number) => ({ status: "VALIDATED" as const, validatedById: doctor, validatedAt: at(daysAgo) });
  const rows = [
    { ...base(a.id, "CRH Hématologie", 9), ...validated(9), sendToDmp: false, holdReason: "ANNOUNCEMENT_CONSULTATION" as const, dmpStatus: "HELD_BACK" as const },
    { ...base(b.id, "CRH Psychiatrie", 8), ...validated(8), sendToDmp: false, holdReason: "FRAGILE_PATIENT" as const, dmpStatus: "HELD_BACK" as const },
    { ...base(c.id, "CR psychologues.", 7), ...validated(7), sendToDmp: false, holdReason: "SENSITIVE_DOCUMENT" as const, dmpStatus: "HELD_BACK" as const },
    { ...base(d.id, "CR Consultation", 6), ...validated(6), sendToDmp: false, holdReason: "OTHER" as const, holdText: "Le patient remettra lui-même le compte rendu à son médecin", dmpStatus: "HELD_BACK" as const },
    { ...base(provisional.id, "CR urgences", 5), ...validated(5), sendToDmp: false, dmpStatus: "NO_NIR" as const, dmpMessage: "Document validé sans envoi au DMP : le NIR du patient n'est pas renseigné (identité non qualifiée)." },
    { ...base(a.id, "CR Consultation", 2), status: "DRAFT" as const, sendToDmp: true, dmpStatus: "PENDING" as const },
    {
      ...base(b.id, "Ordonnance", 20),
      ...validated(20),
      sendToDmp: true,
      dmpStatus: "FED_OK" as const,
      dmpMessage: "Document intégré au DMP (renvoyé après correction du rang de naissance par les admissions ; premier envoi : certification KO).",
      dmpSentAt: at(18),
      dmpAttempts: 2,
    },
    {
      ...base(c.id, "Lettre de sortie Pneumologie", 15),
      ...validated(15),
      sendToDmp: false,
      holdReason: "OTHER" as const,
      holdText: "Envoyée par MSSanté au médecin traitant",
      dmpStatus: "HELD_BACK" as const,
      mssanteRecipient: c.nir ? patientMailbox(c.nir) : null,
      mssanteSentAt: at(15),
    },
  ];
  const imports = [
    { patient: a, origin: "SCANNED_IMPORT" as const, originLabel: "scanner de l'établissement", title: "Courrier du médecin traitant (scanné)", typeCode: "11488-4", reason: "Document numérisé importé : seul un document produit par le logiciel de l'établissement peut alimenter le DMP." },
    { patient: a, origin: "OTHER_SOFTWARE" as const, originLabel: "logiciel d'imagerie", title: "Scanner thoracique", typeCode: "18748-4", reason: "Compte rendu produit par un autre logiciel (logiciel d'imagerie) : seul un document produit par le logiciel de l'établissement peut alimenter le DMP." },
  ];
  await prisma.hospitalDocument.createMany({
    data: [
      ...rows,
      ...imports.map((i) => ({
        structureId: hospital,
        structurePatientId: i.patient.id,
        origin: i.origin,
        originLabel: i.originLabel,
        typeCode: i.typeCode,
        title: i.title,
        body: `Document importé (${i.originLabel}).`,
        authorId: professionalIds.secretary,
        createdById: professionalIds.secretary,
        serviceDate: date(30),
        status: "VALIDATED" as const,
        sendToDmp: false,
        validatedById: professionalIds.secretary,
        validatedAt: at(30),
        dmpStatus: "NOT_EXPORTABLE" as const,
        dmpMessage: i.reason,
        createdAt: at(30),
        updatedAt: at(30),
      })),
    ],
  });
  await prisma.nirRequest.create({
    data: { structureId: hospital, structurePatientId: provisional.id, desk: "ADMISSIONS", requestedById: professionalIds.secretary, requestedAt: at(5), note: "Copie de la carte Vitale et étiquette IPP jointes." },
  });
  return rows.length + imports.length;
}

/** The demo group: the Hôpital Saint-Martin and three sister sites, as the deck's GHU gathered four hospitals. */
export const DEMO_GROUP = "GHU Saint-Martin";
const SISTER_SITES = [
  { finessBody: "75010020", name: "Hôpital des Tilleuls", city: "Paris", department: "75" },
  { finessBody: "94010038", name: "Hôpital du Val-Fleuri", city: "Créteil", department: "94" },
  { finessBody: "92010046", name: "Hôpital Antoine-Mercier", city: "Clamart", department: "92" },
];
export const SISTER_SITE_NAMES: readonly string[] = SISTER_SITES.map((s) => s.name);

/**
 * Seven months of feed history for every site of the group (the deck's annex covered
 * January to July): each site sends more files every month, most fed, a few certification
 * KO and records not found; patients come back, so distinct records stay below files.
 * Identities are synthetic (the submissions keep them only for the counts).
 */
export async function createGroupSites(prisma: Db, structureIds: Record<TStructureKey, string>, now: Date): Promise<number> {
  await prisma.structure.update({ where: { id: structureIds.hospital }, data: { groupName: DEMO_GROUP } });
  await prisma.structure.createMany({
    data: SISTER_SITES.map((s) => ({ finess: finess(s.finessBody), name: s.name, kind: "HOSPITAL" as const, city: s.city, department: s.department, groupName: DEMO_GROUP, createdAt: now })),
  });
  const sites = await prisma.structure.findMany({ where: { groupName: DEMO_GROUP }, orderBy: { finess: "asc" }, select: { id: true } });
  const rows = [];
  for (const [siteIndex, site] of sites.entries()) {
    for (let monthsAgo = 7; monthsAgo >= 1; monthsAgo--) {
      const monthStart = Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - monthsAgo, 1);
      const files = 18 + siteIndex * 6 + (7 - monthsAgo) * 3;
      for (let i = 0; i < files; i++) {
        const outcome = i % 20 === 3 ? "CERTIFICATION_KO" : i % 10 === 7 ? "RECORD_NOT_FOUND" : i % 40 === 11 ? "RECORD_CLOSED" : "FED_OK";
        // One record in three comes back within the month.
        const person = Math.floor(i / 3) * 2 + (i % 3 === 2 ? 0 : 1);
        rows.push({
          structureId: site.id,
          documentUniqueId: `1.2.250.1.213.1.1.9.97.${siteIndex}.${monthsAgo}.${i}`,
          nir: `1${String(siteIndex)}${String(person).padStart(11, "0")}00`,
          birthDate: "1960-01-01",
          birthRank: 1,
          outcome: outcome as "FED_OK",
          submittedAt: new Date(monthStart + ((i * 7) % 27) * DAY + 9 * 3_600_000),
        });
      }
    }
  }
  await prisma.feedSubmission.createMany({ data: rows });
  return rows.length;
}
