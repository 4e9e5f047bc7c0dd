import { describe, expect, it } from "vitest";
import { canReplaceDocument, feedAuthorship, knownUniqueIdDecision, mayFeedRecord, type TFeedPerson } from "./feed-rules";

const HOSPITAL = "hospital";
const OTHER = "other";
const CRH = "34112-3"; // hospital report: doctors only
const CARE_PLAN = "18776-5"; // nurses author it

const person = (id: string, overrides: Partial<TFeedPerson> = {}): TFeedPerson => ({
  id,
  kind: "HEALTH_PROFESSIONAL",
  profession: "10",
  specialty: "SM04",
  structureId: HOSPITAL,
  ...overrides,
});
const doctor = person("doctor");
const colleague = person("colleague");
const nurse = person("nurse", { profession: "60", specialty: null });
const secretary = person("secretary", { kind: "STAFF", profession: null, specialty: null });
const foreignDoctor = person("foreign", { structureId: OTHER });
const foreignSecretary = person("foreign-secretary", { kind: "STAFF", profession: null, specialty: null, structureId: OTHER });

describe("feedAuthorship: who signs a fed document", () => {
  const cases: [string, "DIRECT" | "INDIRECT", TFeedPerson | null, TFeedPerson | null, string, string][] = [
    ["a doctor's card, own document", "DIRECT", doctor, doctor, CRH, "OWN_DOCUMENT"],
    ["a nurse's card, a doctor's document", "DIRECT", nurse, doctor, CRH, "CARD_HOLDER_NOT_AUTHOR"],
    ["a secretary's card, a doctor's document", "DIRECT", secretary, doctor, CRH, "CARD_HOLDER_NOT_AUTHOR"],
    ["a nurse's card, own care plan", "DIRECT", nurse, nurse, CARE_PLAN, "OWN_DOCUMENT"],
    ["a nurse's card, own hospital report", "DIRECT", nurse, nurse, CRH, "TYPE_NOT_AUTHORABLE"],
    ["a secretary's card, own document", "DIRECT", secretary, secretary, CRH, "TYPE_NOT_AUTHORABLE"],
    ["a card, author of another structure", "DIRECT", doctor, foreignDoctor, CRH, "AUTHOR_NOT_OF_STRUCTURE"],
    ["certificate, no one declared, author of the structure", "INDIRECT", null, doctor, CRH, "OWN_DOCUMENT"],
    ["certificate, no one declared, unknown author", "INDIRECT", null, null, CRH, "AUTHOR_NOT_OF_STRUCTURE"],
    ["certificate, no one declared, author of another structure", "INDIRECT", null, foreignDoctor, CRH, "AUTHOR_NOT_OF_STRUCTURE"],
    ["certificate, no one declared, author not allowed the type", "INDIRECT", null, nurse, CRH, "TYPE_NOT_AUTHORABLE"],
    ["certificate, secretary declared, doctor author", "INDIRECT", secretary, doctor, CRH, "ON_BEHALF_OF_AUTHOR"],
    ["certificate, secretary declared, nurse author of a CRH", "INDIRECT", secretary, nurse, CRH, "TYPE_NOT_AUTHORABLE"],
    ["certificate, secretary declared, staff author", "INDIRECT", secretary, secretary, CRH, "TYPE_NOT_AUTHORABLE"],
    ["certificate, secretary declared, author of another structure", "INDIRECT", secretary, foreignDoctor, CRH, "AUTHOR_NOT_OF_STRUCTURE"],
    ["certificate, secretary of another structure declared", "INDIRECT", foreignSecretary, doctor, CRH, "SUBMITTER_NOT_OF_STRUCTURE"],
    ["certificate, nurse declared, doctor author", "INDIRECT", nurse, doctor, CRH, "HEALTH_PROFESSIONAL_SIGNS_FOR_COLLEAGUE"],
    ["certificate, doctor declared, colleague author", "INDIRECT", doctor, colleague, CRH, "HEALTH_PROFESSIONAL_SIGNS_FOR_COLLEAGUE"],
    ["certificate, doctor declared, own document", "INDIRECT", doctor, doctor, CRH, "OWN_DOCUMENT"],
    ["a patient-space type", "INDIRECT", null, doctor, "DOCPAT01", "TYPE_NOT_AUTHORABLE"],
    ["an insurance type", "INDIRECT", null, doctor, "REMB", "TYPE_NOT_AUTHORABLE"],
  ];
  it.each(cases)("%s (%s) → %s", (_label, mode, submitter, author, typeCode, rule) => {
    const decision = feedAuthorship({ mode, structureId: HOSPITAL, submitter, author, typeCode });
    expect(decision.rule).toBe(rule);
    expect(decision.allowed).toBe(rule === "OWN_DOCUMENT" || rule === "ON_BEHALF_OF_AUTHOR");
  });
});

describe("canReplaceDocument: the author, or the structure's authorised staff, never across structures", () => {
  const hospitalCrh = { authorId: doctor.id, structureId: HOSPITAL, typeCode: CRH };
  const cases: [string, TFeedPerson, string | null, { authorId: string | null; structureId: string | null; typeCode: string }, string][] = [
    ["the author, in the document's structure", doctor, HOSPITAL, hospitalCrh, "REPLACE_OWN"],
    ["a doctor colleague of the structure", colleague, HOSPITAL, hospitalCrh, "REPLACE_STRUCTURE_STAFF"],
    ["a nurse of the structure, a type she cannot author", nurse, HOSPITAL, hospitalCrh, "NOT_AUTHOR_NOR_STAFF"],
    ["a nurse of the structure, a type she authors", nurse, HOSPITAL, { ...hospitalCrh, typeCode: CARE_PLAN }, "REPLACE_STRUCTURE_STAFF"],
    ["a secretary of the structure", secretary, HOSPITAL, hospitalCrh, "NOT_AUTHOR_NOR_STAFF"],
    ["a doctor of another structure", foreignDoctor, OTHER, hospitalCrh, "OTHER_STRUCTURE"],
    ["the author acting for another structure", doctor, OTHER, hospitalCrh, "OTHER_STRUCTURE"],
    ["the author of a document without structure", person("alone", { structureId: null }), null, { authorId: "alone", structureId: null, typeCode: CRH }, "REPLACE_OWN"],
    ["another professional without structure", person("alone2", { structureId: null }), null, { authorId: "alone", structureId: null, typeCode: CRH }, "NOT_AUTHOR_NOR_STAFF"],
    ["a structure's doctor, a document without structure", colleague, HOSPITAL, { authorId: "alone", structureId: null, typeCode: CRH }, "OTHER_STRUCTURE"],
  ];
  it.each(cases)("%s → %s", (_label, replacer, actingStructureId, old, rule) => {
    const decision = canReplaceDocument(replacer, actingStructureId, old);
    expect(decision.rule).toBe(rule);
    expect(decision.allowed).toBe(rule.startsWith("REPLACE_"));
  });
});

describe("mayFeedRecord: a blocked professional neither feeds nor replaces", () => {
  const cases: [string, string[], string | null, string, boolean][] = [
    ["nobody blocked", [], "secretary", "doctor", true],
    ["the author blocked", ["doctor"], "secretary", "doctor", false],
    ["the submitter blocked", ["secretary"], "secretary", "doctor", false],
    ["no submitter, author blocked", ["doctor"], null, "doctor", false],
    ["someone else blocked", ["colleague"], null, "doctor", true],
  ];
  it.each(cases)("%s → allowed %s", (_label, blocked, submitterId, authorId, allowed) => {
    const decision = mayFeedRecord(new Set(blocked), submitterId, authorId);
    expect(decision).toEqual(allowed ? { allowed: true, rule: "NOT_BLOCKED" } : { allowed: false, rule: "BLOCKED" });
  });
});

describe("knownUniqueIdDecision: a masterIdentifier already known (UNIQUE_ID_TAKEN)", () => {
  const stored = { patientId: "jeanne", structureId: HOSPITAL };
  const cases: [string, { patientId: string; structureId: string }, boolean, string][] = [
    ["same structure, same record, identical content: a resend", { patientId: "jeanne", structureId: HOSPITAL }, true, "IDENTICAL_RESEND"],
    ["same structure, same record, different content or metadata", { patientId: "jeanne", structureId: HOSPITAL }, false, "UNIQUE_ID_TAKEN"],
    ["same structure, another record", { patientId: "paul", structureId: HOSPITAL }, true, "UNIQUE_ID_TAKEN"],
    ["another structure, same record, identical content", { patientId: "jeanne", structureId: OTHER }, true, "UNIQUE_ID_TAKEN"],
    ["another structure, another record", { patientId: "paul", structureId: OTHER }, false, "UNIQUE_ID_TAKEN"],
  ];
  it.each(cases)("%s", (_label, incoming, identical, rule) => {
    expect(knownUniqueIdDecision(stored, incoming, identical).rule).toBe(rule);
  });

  it("a document of the patient's own space (no structure) is never a resend of a structure", () => {
    expect(knownUniqueIdDecision({ patientId: "jeanne", structureId: null }, { patientId: "jeanne", structureId: HOSPITAL }, true).rule).toBe("UNIQUE_ID_TAKEN");
  });
});
