import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { sourceFiles } from "@/lib/testing/source-files";
import { NotificationKind } from "@/lib/generated/prisma/enums";
import { NOTIFICATION_WORDING, notificationText, personWithStructure, type TNotificationMessage } from "./notification-wording";

const AT = new Date("2026-03-14T13:05:00Z");

/** One message of every kind and variant, as the product's actions say them. */
const SAMPLES: TNotificationMessage[] = [
  { kind: "RECORD_CREATED", opening: "SELF", at: AT },
  { kind: "RECORD_CREATED", opening: "WITH_CONSENT", at: AT, by: "Dr Claire Martin" },
  { kind: "RECORD_CREATED", opening: "FOR_MINOR", at: AT, by: "Dr Claire Martin", patientName: "Aurélie Rousseau", relationship: "Mère" },
  { kind: "RECORD_CREATED", opening: "ONLINE_AT_ADULTHOOD", at: AT },
  { kind: "FIRST_CONSULTATION", by: "Dr Claire Martin (Cabinet Martin)" },
  { kind: "FIRST_CONSULTATION", by: "Dr Paul Durand (Cabinet Martin)", careTeamColleague: "Dr Claire Martin" },
  { kind: "NEW_DOCUMENT", news: "NEW_DOCUMENT", by: "Dr Claire Martin", title: "Bilan", typeCode: "11488-4" },
  { kind: "NEW_DOCUMENT", news: "NEW_VERSION", by: "Dr Claire Martin", title: "Bilan", typeCode: "11488-4" },
  { kind: "EMERGENCY_ACCESS", mode: "SAMU", at: AT, by: "Dr Régis Régulateur (SAMU 75)" },
  { kind: "EMERGENCY_ACCESS", mode: "BREAK_GLASS", at: AT, by: "Dr Ugo Urgentiste", justification: "Patient inconscient aux urgences" },
  { kind: "RECORD_CLOSED", at: AT, deletionPlannedAt: new Date("2036-03-14T00:00:00Z") },
  { kind: "RECORD_REACTIVATED", at: AT },
  { kind: "DOCUMENT_REVEALED", by: "Dr Claire Martin", title: "Résultat de biopsie" },
  { kind: "PATIENT_RIGHTS", right: "RECTIFICATION_ANSWERED", by: "Dr Claire Martin", documentTitle: "Bilan", answer: "Information corrigée", comment: null },
  { kind: "PATIENT_RIGHTS", right: "COPY_SENT_BY_MAIL", trackingNumber: "1A23456789012" },
];

describe("NOTIFICATION_WORDING: one wording per notification kind", () => {
  it("words every kind of the schema", () => {
    expect(Object.keys(NOTIFICATION_WORDING).sort()).toEqual(Object.values(NotificationKind).sort());
    expect([...new Set(SAMPLES.map((m) => m.kind))].sort()).toEqual(Object.values(NotificationKind).sort());
  });

  it.each(SAMPLES.map((m) => [`${m.kind} ${JSON.stringify(m).slice(0, 60)}`, m] as const))("%s: a title and a sentence of French", (_, message) => {
    const { title, body } = notificationText(message);
    expect(title.length).toBeGreaterThan(5);
    expect(body).toMatch(/[.»)]$/);
    // No written-out placeholders nor hesitant agreements.
    expect(`${title} ${body}`).not.toMatch(/undefined|null|\(s\)|\(e\)| de [AEIOUYÉÈÊ]/);
  });

  it("a new document names its author and their structure, with the type's label", () => {
    expect(notificationText({ kind: "NEW_DOCUMENT", news: "NEW_DOCUMENT", by: personWithStructure("Dr Marc Hospitalier", "Hôpital test"), title: "CR", typeCode: "11488-4" })).toEqual({
      title: "Un nouveau document a été ajouté à votre DMP",
      body: "Dr Marc Hospitalier (Hôpital test) a ajouté « CR » (Compte rendu ou fiche de consultation ou de visite).",
    });
  });

  it("elides before a minor's name starting with a vowel, and dates in Paris time", () => {
    const { title, body } = notificationText({ kind: "RECORD_CREATED", opening: "FOR_MINOR", at: AT, by: "Dr Claire Martin", patientName: "Aurélie Rousseau", relationship: "Mère" });
    expect(title).toBe("Le dossier médical partagé d'Aurélie Rousseau est ouvert");
    expect(body).toBe("Le DMP d'Aurélie Rousseau a été créé le 14/03/2026 par Dr Claire Martin, avec l'accord de son représentant légal (Mère).");
    expect(notificationText({ kind: "EMERGENCY_ACCESS", mode: "SAMU", at: AT, by: "Dr Régis" }).body).toBe(
      "Dr Régis a consulté votre DMP le 14/03/2026 à 14:05 dans le cadre d'une régulation du SAMU-Centre 15.",
    );
  });
});

/** Files that store Notification rows; the words always come from notificationText. */
const WRITERS: Record<string, string> = {
  "lib/notifications/notify-patient.ts": "the product's one writer (notifyPatient, notifyPatients, notificationInsertSql)",
  "prisma/seed/traces.ts": "the demo's history, worded by notificationText",
  "prisma/seed-large/generate-large-database.ts": "the large database's INSERT, rows from patient-rows.ts (notificationText)",
};
const WRITES_NOTIFICATIONS = /\.notification\.(create|createMany|createManyAndReturn|upsert)\(|INSERT INTO "?Notification"?/;


describe("no other code writes notification titles", () => {
  const root = process.cwd();
  const files = ["lib", "app", "components", "prisma"].flatMap((d) => sourceFiles(path.join(root, d))).map((f) => path.relative(root, f).split(path.sep).join("/"));

  it("only notify-patient.ts (and the seeds, through notificationText) store notifications", () => {
    const writers = files.filter((f) => WRITES_NOTIFICATIONS.test(fs.readFileSync(path.join(root, f), "utf8")));
    expect(writers.sort()).toEqual(Object.keys(WRITERS).sort());
  });

  it("the seeds word their notifications with the table", () => {
    for (const file of ["prisma/seed/traces.ts", "prisma/seed-large/patient-rows.ts"]) expect(fs.readFileSync(path.join(root, file), "utf8")).toContain("notificationText(");
  });
});
