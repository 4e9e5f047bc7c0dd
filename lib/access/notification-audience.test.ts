import { describe, expect, it } from "vitest";
import type { NotificationAudience } from "@/lib/generated/prisma/enums";
import { audienceIncludes, audiencesOf, audiencesSeenBy, documentNews, patientSideMaySee, type TPatientSideReader } from "./notification-audience";

const VISIBLE = { hiddenFromPatient: false, hiddenFromLegalReps: false };
const NOT_REPS = { hiddenFromPatient: false, hiddenFromLegalReps: true };
const NOT_PATIENT = { hiddenFromPatient: true, hiddenFromLegalReps: false };
const NOBODY = { hiddenFromPatient: true, hiddenFromLegalReps: true };

describe("patientSideMaySee: canRead's patient-side branch", () => {
  const table: [string, typeof VISIBLE, boolean, boolean][] = [
    ["visible", VISIBLE, true, true],
    ["INVISIBLE_REPRESENTANTS_LEGAUX", NOT_REPS, true, false],
    ["INVISIBLE_PATIENT", NOT_PATIENT, false, false],
    ["both codes", NOBODY, false, false],
  ];
  for (const [name, masking, patient, representative] of table) {
    it(`${name}: patient ${patient ? "sees" : "does not see"}, representative ${representative ? "sees" : "does not see"}`, () => {
      expect(patientSideMaySee("PATIENT", masking)).toBe(patient);
      expect(patientSideMaySee("LEGAL_REPRESENTATIVE", masking)).toBe(representative);
    });
  }

  it("reads only the masking of a whole document row (another record's id does not matter)", () => {
    expect(patientSideMaySee("PATIENT", { ...NOT_REPS, patientId: "someone-else", opposedAt: new Date() } as typeof VISIBLE)).toBe(true);
  });
});

describe("documentNews and audiencesOf: who is told what about a document", () => {
  type TRow = [string, typeof VISIBLE, typeof VISIBLE | null, { audience: NotificationAudience; news: string }[]];
  const table: TRow[] = [
    ["a visible new document → everyone", VISIBLE, null, [{ audience: "EVERYONE", news: "NEW_DOCUMENT" }]],
    ["hidden from the representatives → the patient only", NOT_REPS, null, [{ audience: "PATIENT", news: "NEW_DOCUMENT" }]],
    ["invisible to the patient → nobody", NOT_PATIENT, null, []],
    ["both codes → nobody", NOBODY, null, []],
    ["visible version of a visible one → everyone, a new version", VISIBLE, VISIBLE, [{ audience: "EVERYONE", news: "NEW_VERSION" }]],
    [
      "visible version of one hidden from the representatives → a new version for the patient, a new document for them",
      VISIBLE,
      NOT_REPS,
      [
        { audience: "PATIENT", news: "NEW_VERSION" },
        { audience: "LEGAL_REPRESENTATIVES", news: "NEW_DOCUMENT" },
      ],
    ],
    ["visible version of one invisible to the patient → everyone, a new document", VISIBLE, NOT_PATIENT, [{ audience: "EVERYONE", news: "NEW_DOCUMENT" }]],
    ["version hidden from the representatives of a visible one → the patient only", NOT_REPS, VISIBLE, [{ audience: "PATIENT", news: "NEW_VERSION" }]],
    ["version invisible to the patient → nobody", NOT_PATIENT, VISIBLE, []],
  ];
  for (const [name, doc, replaced, expected] of table) {
    it(name, () => {
      expect(audiencesOf(documentNews(doc, replaced))).toEqual(expected);
    });
  }
});

describe("audienceIncludes / audiencesSeenBy", () => {
  const table: [NotificationAudience, TPatientSideReader, boolean][] = [
    ["EVERYONE", "PATIENT", true],
    ["EVERYONE", "LEGAL_REPRESENTATIVE", true],
    ["PATIENT", "PATIENT", true],
    ["PATIENT", "LEGAL_REPRESENTATIVE", false],
    ["LEGAL_REPRESENTATIVES", "PATIENT", false],
    ["LEGAL_REPRESENTATIVES", "LEGAL_REPRESENTATIVE", true],
  ];
  for (const [audience, reader, expected] of table) {
    it(`${audience} ${expected ? "reaches" : "does not reach"} ${reader}`, () => {
      expect(audienceIncludes(audience, reader)).toBe(expected);
      expect(audiencesSeenBy(reader).includes(audience)).toBe(expected);
    });
  }
});
