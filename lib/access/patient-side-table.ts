/**
 * What the patient side (the holder of the record and each legal representative) is told
 * and shown about a document, as literal tables: NOTIFICATION_AUDIENCE
 * (notification-audience.ts) and TRACE_VISIBILITY (trace-visibility.ts and its SQL form).
 * Written by hand from docs/DESIGN.md: it is the specification, not a copy of the code.
 * notification-audience.test.ts and trace-visibility.integration.test.ts check the rules
 * against it.
 */

/** The two patient-side masking codes of a document, in their four combinations. */
export const PATIENT_SIDE_MASKINGS = {
  visible: { hiddenFromPatient: false, hiddenFromLegalReps: false },
  notReps: { hiddenFromPatient: false, hiddenFromLegalReps: true },
  notPatient: { hiddenFromPatient: true, hiddenFromLegalReps: false },
  nobody: { hiddenFromPatient: true, hiddenFromLegalReps: true },
} as const;
export type TPatientSideMaskingName = keyof typeof PATIENT_SIDE_MASKINGS;
export const PATIENT_SIDE_MASKING_NAMES = Object.keys(PATIENT_SIDE_MASKINGS) as TPatientSideMaskingName[];

/** The version a document replaces: none, or one so masked. Each expectation below lists them in this order. */
export const REPLACED_CASES: readonly (TPatientSideMaskingName | null)[] = [null, "visible", "notReps", "notPatient", "nobody"];

type TFiveCases = readonly [string, string, string, string, string];

/**
 * NOTIFICATION_AUDIENCE: the notifications stored about a new document (by its masking),
 * for each case of REPLACED_CASES: "AUDIENCE NEWS" entries joined by " + ", "" for none.
 * Visible → everyone; hidden from the representatives → the patient only; hidden from the
 * patient (alone or with the representatives) → nobody. A new version is announced as
 * such only to whoever could see the version it replaces, to the others as a new document.
 */
export const NOTIFICATIONS_EXPECTED: Record<TPatientSideMaskingName, TFiveCases> = {
  visible: [
    "EVERYONE NEW_DOCUMENT",
    "EVERYONE NEW_VERSION",
    "PATIENT NEW_VERSION + LEGAL_REPRESENTATIVES NEW_DOCUMENT",
    "EVERYONE NEW_DOCUMENT",
    "EVERYONE NEW_DOCUMENT",
  ],
  notReps: ["PATIENT NEW_DOCUMENT", "PATIENT NEW_VERSION", "PATIENT NEW_VERSION", "PATIENT NEW_DOCUMENT", "PATIENT NEW_DOCUMENT"],
  notPatient: ["", "", "", "", ""],
  nobody: ["", "", "", "", ""],
};

/** "AUDIENCE NEWS + …" → the notifications it stands for. */
export function parseNotifications(expected: string): { audience: string; news: string }[] {
  if (expected === "") return [];
  return expected.split(" + ").map((entry) => {
    const [audience, news] = entry.split(" ");
    return { audience: audience!, news: news! };
  });
}

/**
 * TRACE_VISIBILITY: how a trace about a document (by its masking) shows in the patient-side
 * history, for each case of REPLACED_CASES: "S" shown, "s" shown without its reason (the
 * reason names the replaced version), "." hidden. A trace about a document hidden from the
 * reader is hidden; about a new version of a document they could not see, shown without
 * reason.
 */
export const TRACE_VIEWS_EXPECTED: Record<TPatientSideMaskingName, { patient: string; representative: string }> = {
  visible: { patient: "SSSss", representative: "SSsss" },
  notReps: { patient: "SSSss", representative: "....." },
  notPatient: { patient: ".....", representative: "....." },
  nobody: { patient: ".....", representative: "....." },
};

/** A trace about the record itself is shown to both; one about another record to neither. */
export const TRACE_VIEW_WITHOUT_DOCUMENT = { ownRecord: "S", otherRecord: "." } as const;

const VIEWS = { S: "SHOWN", s: "SHOWN_WITHOUT_REASON", ".": "HIDDEN" } as const;

/** One character of the tables above as a view of trace-visibility.ts. */
export function traceViewOf(code: string): (typeof VIEWS)[keyof typeof VIEWS] {
  const view = VIEWS[code as keyof typeof VIEWS];
  if (!view) throw new Error(`unknown trace view code ${code}`);
  return view;
}

/** The expected view of a trace about a document so masked, replacing `replaced` (or nothing). */
export function expectedTraceView(
  reader: "patient" | "representative",
  masking: TPatientSideMaskingName,
  replaced: TPatientSideMaskingName | null,
): (typeof VIEWS)[keyof typeof VIEWS] {
  return traceViewOf(TRACE_VIEWS_EXPECTED[masking][reader][REPLACED_CASES.indexOf(replaced)]!);
}
