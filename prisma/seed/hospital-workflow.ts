import type { Db } from "@/lib/db/types";
import { structureCatalogue } from "@/lib/hospital/catalogue";
import { patientMailbox } from "@/lib/hospital/export-follow-up";
import type { TProfessionalKey } from "./professionals";
import { PROVISIONAL_HOSPITAL_PATIENT } from "./structure-patients";
import type { TStructureKey } from "./structures";

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
