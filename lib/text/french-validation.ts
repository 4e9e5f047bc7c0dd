import type { z } from "zod";

/**
 * zod's own messages in French that reads right, for the inputs whose schemas carry no
 * hand-written message (the sandbox factories): zod's French locale writes « chaîne de
 * caractères attendu » and « doit avoir <=64 caractères ». Each message names what is
 * expected, as a person would say it; the field is given beside it (the issue's path).
 */

const KIND: Record<string, string> = {
  string: "une chaîne de caractères",
  number: "un nombre",
  int: "un nombre entier",
  bigint: "un nombre entier",
  boolean: "un booléen (true ou false)",
  date: "une date",
  array: "une liste",
  object: "un objet",
  null: "null",
  undefined: "rien",
};

const FORMAT: Record<string, string> = {
  email: "une adresse électronique",
  url: "une adresse web (URL)",
  uuid: "un identifiant UUID",
  datetime: "une date et heure ISO 8601 (par exemple 2026-12-05T09:30:00Z)",
  date: "une date ISO 8601 (AAAA-MM-JJ, par exemple 2026-12-05)",
  time: "une heure ISO 8601 (HH:MM:SS)",
  base64: "un contenu encodé en base64",
  base64url: "un contenu encodé en base64url",
  e164: "un numéro au format international (par exemple +33612345678)",
};

function kindOf(input: unknown): string {
  if (input === null) return "null";
  if (Array.isArray(input)) return "array";
  if (typeof input === "number" && Number.isNaN(input)) return "NaN";
  return typeof input;
}

const quoted = (value: unknown) => `« ${typeof value === "string" ? value : JSON.stringify(value)} »`;
const oneOf = (values: readonly unknown[]) => (values.length === 1 ? quoted(values[0]) : `l'une des valeurs ${values.map(quoted).join(", ")}`);
const count = (n: number, one: string, many: string) => `${n} ${n > 1 ? many : one}`;

type TBound = { origin?: string; inclusive?: boolean };

/** "au plus 64 caractères", "moins de 500"… for a maximum (most) or a minimum. */
function limit(issue: TBound, value: number | bigint, most: boolean): string {
  const n = Number(value);
  const unit: Record<string, [string, string]> = { string: ["caractère", "caractères"], array: ["élément", "éléments"], set: ["élément", "éléments"], file: ["octet", "octets"] };
  const [one, many] = unit[issue.origin ?? ""] ?? ["", ""];
  if (one) {
    const exact = issue.inclusive === false ? (most ? n - 1 : n + 1) : n;
    return `${most ? "au plus" : "au moins"} ${count(exact, one, many)}`;
  }
  if (issue.inclusive === false) return most ? `moins de ${value}` : `plus de ${value}`;
  return `${most ? "au plus" : "au moins"} ${value}`;
}

const TOO_BIG: Record<string, string> = { string: "Trop long", array: "Trop d'éléments", set: "Trop d'éléments", file: "Fichier trop lourd" };
const TOO_SMALL: Record<string, string> = { string: "Trop court", array: "Pas assez d'éléments", set: "Pas assez d'éléments", file: "Fichier trop léger" };

export const frenchValidationMessage: z.core.$ZodErrorMap = (issue) => {
  switch (issue.code) {
    case "invalid_type": {
      if (issue.input === undefined) return "Champ obligatoire.";
      const received = kindOf(issue.input);
      return `Type invalide : il faut ${KIND[issue.expected] ?? issue.expected}, pas ${KIND[received] ?? received}.`;
    }
    case "invalid_value":
      return `Valeur invalide : il faut ${oneOf(issue.values)}.`;
    case "too_big":
      return `${TOO_BIG[issue.origin ?? ""] ?? "Trop grand"} : ${limit(issue, issue.maximum, true)}.`;
    case "too_small":
      if (issue.origin === "string" && Number(issue.minimum) === 1 && issue.inclusive !== false) return "Champ obligatoire : il ne peut pas être vide.";
      return `${TOO_SMALL[issue.origin ?? ""] ?? "Trop petit"} : ${limit(issue, issue.minimum, false)}.`;
    case "invalid_format": {
      if (issue.format === "starts_with" && typeof issue.prefix === "string") return `Format invalide : la valeur doit commencer par ${quoted(issue.prefix)}.`;
      const expected = FORMAT[issue.format];
      return expected ? `Format invalide : il faut ${expected}.` : "Format invalide.";
    }
    case "not_multiple_of":
      return `Valeur invalide : il faut un multiple de ${issue.divisor}.`;
    case "unrecognized_keys":
      return issue.keys.length > 1 ? `Champs inconnus : ${issue.keys.join(", ")}.` : `Champ inconnu : ${issue.keys[0]}.`;
    case "invalid_union":
      if (Array.isArray(issue.options) && issue.options.length > 0) return `Valeur invalide : il faut ${oneOf(issue.options)}.`;
      return "Valeur invalide : elle ne correspond à aucune des formes acceptées.";
    default:
      return "Valeur invalide.";
  }
};
