import { describe, expect, it } from "vitest";
import { explainDocumentVisibility, visibilitySentences, type TVisibilityFacts } from "./explain-document-visibility";
import { EXPECTED, MASKS, expectedFor } from "./policy-table";
import { PROFESSION_CODES } from "@/lib/reference/professions";
import type { TPolicyDocument } from "./access-context";

const PATIENT_ID = "patient-1";
const TYPE = "11488-4";

function documentWith(mask: (typeof MASKS)[number], overrides: Partial<TPolicyDocument> = {}): TPolicyDocument {
  const { name: _name, ...flags } = mask;
  return { patientId: PATIENT_ID, typeCode: TYPE, authorId: "pro-author", opposedAt: null, ...flags, ...overrides };
}

function facts(doc: TPolicyDocument, isOpen: boolean, isMatrixAllowed: boolean, over: Partial<TVisibilityFacts> = {}): TVisibilityFacts {
  return {
    doc,
    // Every profession gets the same row for the type: the table's "matrix allows / denies".
    matrix: PROFESSION_CODES.map((profession) => ({ profession, specialty: "*", typeCode: TYPE, canRead: isMatrixAllowed })),
    recordStatus: isOpen ? "OPEN" : "CLOSED",
    namespaceId: null,
    treatingDoctor: { profession: "10", specialty: "SM54" },
    hasLegalRepresentatives: true,
    ...over,
  };
}

/** The index in MASKS of the same masking with MASQUE_PS switched. */
function toggledIndex(i: number): number {
  const m = MASKS[i] as (typeof MASKS)[number];
  return MASKS.findIndex((o) => o.hiddenFromPros !== m.hiddenFromPros && o.hiddenFromPatient === m.hiddenFromPatient && o.hiddenFromLegalReps === m.hiddenFromLegalReps);
}

const yes = (expectation: string, i: number) => expectation[i] === "Y";

describe("the explanation of who can see a document agrees with the policy table", () => {
  for (const isOpen of [true, false]) {
    for (const isMatrixAllowed of [true, false]) {
      MASKS.forEach((mask, i) => {
        it(`${mask.name}, dossier ${isOpen ? "ouvert" : "fermé"}, matrice ${isMatrixAllowed ? "autorise" : "refuse"}`, () => {
          const v = explainDocumentVisibility(facts(documentWith(mask), isOpen, isMatrixAllowed));
          const t = toggledIndex(i);
          const authorized = expectedFor("authorizedProfessional", isOpen, isMatrixAllowed);
          for (const p of v.professions) expect(p.read, p.label).toEqual({ now: yes(authorized, i), ifToggled: yes(authorized, t) });
          const treating = expectedFor("treatingDoctor", isOpen, isMatrixAllowed);
          expect(v.treatingDoctor).toMatchObject({ now: yes(treating, i), ifToggled: yes(treating, t) });
          const author = expectedFor("author", isOpen, isMatrixAllowed);
          expect(v.author).toEqual({ now: yes(author, i), ifToggled: yes(author, t) });
          expect(v.patient).toBe(yes(expectedFor("patient", isOpen, isMatrixAllowed), i));
          expect(v.legalRepresentatives).toBe(yes(expectedFor("legalRepresentative", isOpen, isMatrixAllowed), i));
        });
      });
    }
  }

  it("a document opposed by the patient is read by no professional, author and treating doctor included", () => {
    const v = explainDocumentVisibility(facts(documentWith(MASKS[0], { opposedAt: new Date() }), true, true));
    expect(v.professions.some((p) => p.read.now || p.read.ifToggled)).toBe(false);
    expect(v.treatingDoctor.now || v.author?.now).toBe(false);
    expect(v.patient).toBe(true);
    expect(visibilitySentences(v, "PATIENT").professionals[0]).toContain("Opposition du patient");
  });

  it("follows the matrix as the operator left it: a profession denied, a specialty exception", () => {
    const f = facts(documentWith(MASKS[0]), true, true);
    const matrix = [...f.matrix.filter((r) => r.profession !== "21"), { profession: "21", specialty: "*", typeCode: TYPE, canRead: false }, { profession: "10", specialty: "SM40", typeCode: TYPE, canRead: false }];
    const v = explainDocumentVisibility({ ...f, matrix });
    expect(v.professions.find((p) => p.code === "21")?.read.now).toBe(false);
    expect(v.professions.find((p) => p.code === "10")?.read.now).toBe(true);
    expect(v.specialtyExceptions).toEqual([{ code: "SM40", label: "Pédiatrie", read: { now: false, ifToggled: false } }]);
    const text = visibilitySentences(v, "PATIENT");
    expect(text.professionals[0]).toContain("médecin");
    expect(text.professionals.join(" ")).toContain("Ne peuvent pas le lire : pharmacien.");
    expect(text.professionals.join(" ")).toContain("les médecins en pédiatrie ne peuvent pas le lire");
    expect(text.ifToggled[0]).toMatch(/^Si le patient le masque, .* ne le verront plus ; seuls le médecin traitant et son auteur le verront encore\.$/);
  });

  it("says nothing of the representatives to a representative, and tells the author it is them", () => {
    const v = explainDocumentVisibility(facts(documentWith(MASKS[1]), true, true));
    expect(visibilitySentences(v, "LEGAL_REPRESENTATIVE").patientSide.join(" ")).not.toContain("représentants");
    expect(visibilitySentences(v, "PATIENT").patientSide).toContain("Les représentants légaux le voient.");
    expect(visibilitySentences(v, "AUTHOR").professionals).toContain("Vous, son auteur, le voyez, même masqué.");
    expect(EXPECTED.author.openAllowed[1]).toBe("Y");
    expect(visibilitySentences(v, "PATIENT").professionals[0]).toMatch(/^Masqué aux professionnels/);
  });
});
