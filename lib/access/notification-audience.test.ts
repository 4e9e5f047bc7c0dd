import { describe, expect, it } from "vitest";
import type { NotificationAudience } from "@/lib/generated/prisma/enums";
import { audienceIncludes, audiencesOf, audiencesSeenBy, documentNews, patientSideMaySee, type TPatientSideMasking, type TPatientSideReader } from "./notification-audience";
import { NOTIFICATIONS_EXPECTED, PATIENT_SIDE_MASKINGS, PATIENT_SIDE_MASKING_NAMES, REPLACED_CASES, parseNotifications } from "./patient-side-table";

const { visible: VISIBLE, notReps: NOT_REPS, notPatient: NOT_PATIENT, nobody: NOBODY } = PATIENT_SIDE_MASKINGS;

describe("patientSideMaySee: canRead's patient-side branch", () => {
  const table: [string, TPatientSideMasking, boolean, boolean][] = [
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
    expect(patientSideMaySee("PATIENT", { ...NOT_REPS, patientId: "someone-else", opposedAt: new Date() } as TPatientSideMasking)).toBe(true);
  });
});

describe("documentNews and audiencesOf: who is told what about a document (NOTIFICATIONS_EXPECTED)", () => {
  for (const masking of PATIENT_SIDE_MASKING_NAMES) {
    REPLACED_CASES.forEach((replaced, i) => {
      const expected = NOTIFICATIONS_EXPECTED[masking][i]!;
      it(`a document ${masking}, replacing ${replaced ?? "nothing"} → ${expected || "nobody"}`, () => {
        const news = documentNews(PATIENT_SIDE_MASKINGS[masking], replaced ? PATIENT_SIDE_MASKINGS[replaced] : null);
        expect(audiencesOf(news)).toEqual(parseNotifications(expected));
      });
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
