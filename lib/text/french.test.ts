import { describe, expect, it } from "vitest";
import { agree, bornOn, ofName, plural, pluralWord, sentenceCase, thatName } from "./french";

describe("ofName: « de » elides before a vowel or an h", () => {
  it.each([
    ["Aurélie Rousseau", "d'Aurélie Rousseau"],
    ["Émile Zola", "d'Émile Zola"],
    ["Œdipe Roi", "d'Œdipe Roi"],
    ["Yves Martin", "d'Yves Martin"],
    ["Hugo Petit", "d'Hugo Petit"],
    ["  Inès Durand ", "d'Inès Durand"],
    ["Paul Martin", "de Paul Martin"],
    ["Dr Claire Généraliste", "du Dr Claire Généraliste"],
    ["Pr Alain Ortho", "du Pr Alain Ortho"],
    ["le centre de santé", "du centre de santé"],
    ["les urgences", "des urgences"],
  ])("%s → %s", (name, expected) => {
    expect(ofName(name)).toBe(expected);
  });

  it("« que » elides the same way", () => {
    expect(thatName("Aurélie")).toBe("qu'Aurélie");
    expect(thatName("Paul")).toBe("que Paul");
  });
});

describe("plural: French keeps the singular for 0 and 1", () => {
  it("words each count", () => {
    expect(plural(1, "notification non lue", "notifications non lues")).toBe("1 notification non lue");
    expect(plural(3, "notification non lue", "notifications non lues")).toBe("3 notifications non lues");
    expect(plural(0, "document", "documents")).toBe("0 document");
    expect(plural(0, "notification non lue", "notifications non lues", { none: "aucune notification non lue" })).toBe("aucune notification non lue");
    expect(plural(1, "chaîne", "chaînes", { none: "aucune chaîne" })).toBe("1 chaîne");
  });

  it("groups thousands the French way", () => {
    expect(plural(12345, "trace", "traces").replace(/\s/g, " ")).toBe("12 345 traces");
  });

  it("a count opens a sentence with its capital", () => {
    expect(sentenceCase(plural(0, "notification non lue", "notifications non lues", { none: "aucune notification non lue" }))).toBe("Aucune notification non lue");
    expect(sentenceCase(plural(2, "notification non lue", "notifications non lues"))).toBe("2 notifications non lues");
  });

  it("agrees the noun alone", () => {
    expect(pluralWord(1, "site", "sites")).toBe("site");
    expect(pluralWord(2, "site", "sites")).toBe("sites");
  });
});

describe("agree: by the person's sex, neutral only when it is unknown", () => {
  it("agrees with a known sex", () => {
    expect(agree("M", "né", "née")).toBe("né");
    expect(agree("F", "né", "née")).toBe("née");
    expect(agree("F", "rattaché", "rattachée")).toBe("rattachée");
  });

  it("writes the neutral form when the sex is unknown", () => {
    expect(agree(null, "né", "née")).toBe("né(e)");
    expect(agree(undefined, "majeur", "majeure")).toBe("majeur(e)");
    expect(agree(null, "le patient", "la patiente")).toBe("le patient/la patiente");
    expect(agree(null, "il", "elle", "la personne")).toBe("la personne");
  });

  it("bornOn writes the day the French way", () => {
    expect(bornOn("F", "1990-05-17")).toBe("née le 17/05/1990");
    expect(bornOn("M", "2014-03-02")).toBe("né le 02/03/2014");
    expect(bornOn(null, "2014-03-02")).toBe("né(e) le 02/03/2014");
  });
});
