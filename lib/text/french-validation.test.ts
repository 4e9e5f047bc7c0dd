import { describe, expect, it } from "vitest";
import { z } from "zod";
import { frenchValidationMessage } from "./french-validation";

const messages = (schema: z.ZodType, input: unknown) => {
  const result = schema.safeParse(input, { error: frenchValidationMessage });
  return result.success ? [] : result.error.issues.map((i) => i.message);
};

describe("frenchValidationMessage", () => {
  it("says which type is expected, without a wrong agreement", () => {
    expect(messages(z.string(), 3)).toEqual(["Type invalide : il faut une chaîne de caractères, pas un nombre."]);
    expect(messages(z.boolean(), "oui")).toEqual(["Type invalide : il faut un booléen (true ou false), pas une chaîne de caractères."]);
    expect(messages(z.object({ a: z.string() }), {})).toEqual(["Champ obligatoire."]);
    expect(messages(z.array(z.string()), null)).toEqual(["Type invalide : il faut une liste, pas null."]);
  });

  it("gives lengths and bounds in words", () => {
    expect(messages(z.string().max(64), "x".repeat(3000))).toEqual(["Trop long : au plus 64 caractères."]);
    expect(messages(z.string().min(1), "")).toEqual(["Champ obligatoire : il ne peut pas être vide."]);
    expect(messages(z.string().min(8), "court")).toEqual(["Trop court : au moins 8 caractères."]);
    expect(messages(z.array(z.number()).max(2), [1, 2, 3])).toEqual(["Trop d'éléments : au plus 2 éléments."]);
    expect(messages(z.number().int().max(500), 900)).toEqual(["Trop grand : au plus 500."]);
    expect(messages(z.number().positive(), 0)).toEqual(["Trop petit : plus de 0."]);
    expect(messages(z.number().int(), 1.5)).toEqual(["Type invalide : il faut un nombre entier, pas un nombre."]);
  });

  it("names the accepted values and formats", () => {
    expect(messages(z.enum(["SMS", "EMAIL"]), "FAX")).toEqual(["Valeur invalide : il faut l'une des valeurs « SMS », « EMAIL »."]);
    expect(messages(z.literal("a"), "b")).toEqual(["Valeur invalide : il faut « a »."]);
    expect(messages(z.iso.date(), "05/12/2026")).toEqual(["Format invalide : il faut une date ISO 8601 (AAAA-MM-JJ, par exemple 2026-12-05)."]);
    expect(messages(z.email(), "pas-une-adresse")).toEqual(["Format invalide : il faut une adresse électronique."]);
    expect(messages(z.string().regex(/^\d+$/), "abc")).toEqual(["Format invalide."]);
    const relation = z.discriminatedUnion("relation", [z.object({ relation: z.literal("blocage") }), z.object({ relation: z.literal("urgences") })]);
    expect(messages(relation, { relation: "mariage" })).toEqual(["Valeur invalide : il faut l'une des valeurs « blocage », « urgences »."]);
  });

  it("lists unknown fields and leaves hand-written messages alone", () => {
    expect(messages(z.object({ a: z.string() }).strict(), { a: "x", b: 1, c: 2 })).toEqual(["Champs inconnus : b, c."]);
    expect(messages(z.object({}).strict(), { b: 1 })).toEqual(["Champ inconnu : b."]);
    expect(messages(z.string().refine(() => false, "Profession inconnue."), "99")).toEqual(["Profession inconnue."]);
  });
});
