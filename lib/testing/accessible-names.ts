/**
 * The accessible-name contract of the README (« Noms accessibles stables ») read as data, so a
 * journey can check every documented name on its screen and the contract cannot drift.
 *
 * A contract table has the header `| écran | adresse | éléments |`; each row is one screen (one
 * state of a page), its address (`/patient/documents/<document>`) and its elements separated by
 * « ; », each written `rôle « nom exact »`, followed by `` `exact` `` when the name needs
 * `exact: true` (another name of the same lookup on the screen contains it, case ignored: that is
 * how Playwright matches a name without `exact`). Names may hold placeholders (`<patient>`) that
 * the journey fills with its own data.
 */

import { ofName } from "@/lib/text/french";

/** The roles of the tables and the Playwright lookup each one stands for. */
export const ROLES = {
  champ: "label",
  bouton: "button",
  lien: "link",
  case: "checkbox",
  radio: "radio",
  région: "region",
  titre: "heading",
  groupe: "group",
  onglet: "tab",
  navigation: "navigation",
} as const;

export type TContractRole = keyof typeof ROLES;

export type TNamedElement = {
  role: TContractRole;
  name: string;
  exact: boolean;
  /** `… dans navigation « Espace patient »`: the name is unique only inside that part of the page. */
  within?: { role: TContractRole; name: string };
};

export type TContractScreen = {
  /** The heading the table sits under (the portal). */
  section: string;
  screen: string;
  /** The path pattern, placeholders as `<id>`. */
  path: string;
  elements: TNamedElement[];
  /** 1-based line of the row in the README, for messages. */
  line: number;
};

export const CONTRACT_HEADER = ["écran", "adresse", "éléments"] as const;

const ELEMENT = /^(\S+)\s+«\s(.+?)\s»(?:\s+dans\s+(\S+)\s+«\s(.+?)\s»)?(\s+`exact`)?$/u;

function cells(line: string): string[] {
  const trimmed = line.trim();
  return trimmed
    .slice(1, trimmed.endsWith("|") ? -1 : undefined)
    .split("|")
    .map((cell) => cell.trim());
}

function parseElement(text: string, where: string): TNamedElement {
  const match = ELEMENT.exec(text.trim());
  if (!match) throw new Error(`${where} : élément illisible « ${text.trim()} » (attendu : rôle « nom » [\`exact\`])`);
  const [, role = "", name = "", withinRole, withinName, exact] = match;
  for (const r of [role, withinRole ?? role]) {
    if (!(r in ROLES)) throw new Error(`${where} : rôle inconnu « ${r} » (rôles : ${Object.keys(ROLES).join(", ")})`);
  }
  const element: TNamedElement = { role: role as TContractRole, name, exact: exact !== undefined };
  if (withinRole && withinName) element.within = { role: withinRole as TContractRole, name: withinName };
  return element;
}

/** Every row of every contract table of `markdown`, in order. Throws on a row it cannot read. */
export function parseContractTables(markdown: string): TContractScreen[] {
  const lines = markdown.split("\n");
  const screens: TContractScreen[] = [];
  let section = "";
  const isRow = (line: string | undefined): line is string => line !== undefined && line.trim().startsWith("|");
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? "";
    const heading = /^#{1,6}\s+(.*)$/.exec(line);
    if (heading) section = (heading[1] ?? "").trim();
    if (!isRow(line) || cells(line).join("|") !== CONTRACT_HEADER.join("|")) continue;
    // Skip the header and its separator; the table ends at the first line that is not a row.
    for (i += 2; isRow(lines[i]); i++) {
      const where = `README ligne ${i + 1}`;
      const row = cells(lines[i] ?? "");
      if (row.length !== 3) throw new Error(`${where} : 3 colonnes attendues, ${row.length} trouvées`);
      const [screen = "", address = "", list = ""] = row;
      const path = /^`([^`]+)`$/.exec(address)?.[1];
      if (!path) throw new Error(`${where} : adresse attendue entre accents graves, trouvé « ${address} »`);
      const elements = list.split(" ; ").map((text) => parseElement(text, where));
      screens.push({ section, screen, path, elements, line: i + 1 });
    }
  }
  return screens;
}

/** Playwright's comparison of a name without `exact`: whitespace collapsed, case ignored. */
const normalize = (name: string) => name.replace(/\s+/g, " ").trim().toLowerCase();

/**
 * The roles a lookup of `role` also sees: getByLabel finds checkboxes and radios (their label)
 * and any element named by aria-label or aria-labelledby (regions, navigations, groups).
 */
function lookupScope(role: TContractRole): TContractRole[] {
  return role === "champ" ? ["champ", "case", "radio", "région", "navigation", "groupe"] : [role];
}

const sameWithin = (a: TNamedElement, b: TNamedElement) => a.within?.role === b.within?.role && a.within?.name === b.within?.name;

/** A lookup inside a part of the page sees only that part; a lookup of the whole page sees everything. */
const sees = (element: TNamedElement, other: TNamedElement) => element.within === undefined || sameWithin(element, other);

/**
 * The other names that a lookup of `element` without `exact` would also find: same lookup,
 * a different name that contains it (case ignored). `elements` are those of every state of the
 * screen's address: a link that replaces another one after an action (« Masquer … » / « Ne plus
 * masquer … ») is found by the same test code.
 */
export function collisions(element: TNamedElement, elements: readonly TNamedElement[]): TNamedElement[] {
  const scope = lookupScope(element.role);
  const name = normalize(element.name);
  const seen = new Set<string>();
  return elements.filter((other) => {
    if (!scope.includes(other.role) || !sees(element, other) || other.name === element.name || !normalize(other.name).includes(name)) return false;
    const key = `${other.role}\u0000${other.name}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * What is wrong with the tables themselves: a flag that no collision justifies, a collision
 * without its flag, the same name twice for one role on a screen. Empty when the contract holds.
 */
export function contractProblems(screens: readonly TContractScreen[]): string[] {
  const problems: string[] = [];
  for (const screen of screens) {
    const where = `README ligne ${screen.line} (${screen.screen})`;
    const sameAddress = screens.filter((other) => other.path === screen.path).flatMap((other) => other.elements);
    for (const element of screen.elements) {
      const label = `${element.role} « ${element.name} »`;
      if (screen.elements.some((other) => other !== element && other.role === element.role && other.name === element.name && sameWithin(other, element))) {
        problems.push(`${where} : ${label} figure deux fois`);
        continue;
      }
      const others = collisions(element, sameAddress);
      if (others.length > 0 && !element.exact) {
        problems.push(`${where} : ${label} est contenu dans ${others.map((o) => `« ${o.name} »`).join(", ")} : marquer \`exact\``);
      } else if (others.length === 0 && element.exact) {
        problems.push(`${where} : ${label} est marqué \`exact\` mais aucun autre nom de cette adresse ne le contient`);
      }
    }
  }
  return problems;
}

/** `name` with its placeholders filled (`<patient>` → values.patient); an unknown placeholder throws. */
export function fillName(name: string, values: Readonly<Record<string, string>>): string {
  const filled = (key: string) => {
    const value = values[key];
    if (value === undefined) throw new Error(`« ${name} » : aucune valeur pour <${key}>`);
    return value;
  };
  // « de <patient> » is written as the product writes it: « d'Aurélie », « du Dr Martin ».
  return name.replace(/\bde <([^<>]+)>/g, (_, key: string) => ofName(filled(key))).replace(/<([^<>]+)>/g, (_, key: string) => filled(key));
}

/** A regular expression matching the screen's address, each placeholder one path segment. */
export function pathPattern(path: string): RegExp {
  const escaped = path
    .split(/<[^<>]+>/)
    .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"))
    .join("[^/]+");
  return new RegExp(`^${escaped}$`);
}
