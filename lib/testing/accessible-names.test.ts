import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { contractProblems, fillName, parseContractTables, pathPattern } from "./accessible-names";

const TABLE = `
## Portail patient

### Noms accessibles

| écran | adresse | éléments |
| --- | --- | --- |
| connexion | \`/patient/connexion\` | champ « Identifiant (obligatoire) » ; bouton « Se connecter » |
| profil | \`/patient/profil\` | champ « Nom (obligatoire) » \`exact\` ; champ « Prénom (obligatoire) » ; lien « Bloquer <pro> » \`exact\` ; lien « Débloquer <pro> » |

Texte après le tableau.

| écran | autre |
| --- | --- |
| ignoré | ignoré |
`;

describe("parseContractTables", () => {
  it("reads each row as a screen: its heading, address, and elements with role, exact name and flag", () => {
    const screens = parseContractTables(TABLE);
    expect(screens).toEqual([
      {
        section: "Noms accessibles",
        screen: "connexion",
        path: "/patient/connexion",
        line: 8,
        elements: [
          { role: "champ", name: "Identifiant (obligatoire)", exact: false },
          { role: "bouton", name: "Se connecter", exact: false },
        ],
      },
      {
        section: "Noms accessibles",
        screen: "profil",
        path: "/patient/profil",
        line: 9,
        elements: [
          { role: "champ", name: "Nom (obligatoire)", exact: true },
          { role: "champ", name: "Prénom (obligatoire)", exact: false },
          { role: "lien", name: "Bloquer <pro>", exact: true },
          { role: "lien", name: "Débloquer <pro>", exact: false },
        ],
      },
    ]);
    expect(contractProblems(screens)).toEqual([]);
  });

  it("refuses an element it cannot read or an unknown role, naming the README line", () => {
    const row = (cell: string) => `| écran | adresse | éléments |\n| --- | --- | --- |\n| x | \`/x\` | ${cell} |\n`;
    expect(() => parseContractTables(row("bouton Se connecter"))).toThrow("README ligne 3 : élément illisible « bouton Se connecter »");
    expect(() => parseContractTables(row("menu « Fichier »"))).toThrow("rôle inconnu « menu »");
    expect(() => parseContractTables("| écran | adresse | éléments |\n| --- | --- | --- |\n| x | /x | bouton « A » |")).toThrow("adresse attendue");
  });
});

describe("contractProblems", () => {
  const screen = (elements: string) => parseContractTables(`| écran | adresse | éléments |\n| --- | --- | --- |\n| s | \`/s\` | ${elements} |\n`);

  it("a name another name of the same lookup contains (case ignored) must be flagged", () => {
    expect(contractProblems(screen("lien « Mes documents » ; lien « Voir mes documents »"))).toEqual([
      "README ligne 3 (s) : lien « Mes documents » est contenu dans « Voir mes documents » : marquer `exact`",
    ]);
  });

  it("a flag without a collision is refused", () => {
    expect(contractProblems(screen("bouton « Filtrer » `exact` ; bouton « Effacer les filtres »"))).toEqual([
      "README ligne 3 (s) : bouton « Filtrer » est marqué `exact` mais aucun autre nom de cette adresse ne le contient",
    ]);
  });

  it("only the same lookup collides: a link does not hide a button, but getByLabel sees checkboxes", () => {
    expect(contractProblems(screen("bouton « Historique » ; lien « Historique des accès »"))).toEqual([]);
    expect(contractProblems(screen("champ « Motif » ; case « Motif urgent »"))).toHaveLength(1);
  });

  it("a name written « dans » a part of the page collides only inside that part", () => {
    const parsed = screen("lien « Gérer les accès » dans navigation « Espace patient » ; lien « Gérer les accès » dans région « Carte » ; lien « Accès »");
    expect(parsed[0]?.elements[0]).toEqual({ role: "lien", name: "Gérer les accès", exact: false, within: { role: "navigation", name: "Espace patient" } });
    // « Accès » looked up on the whole page meets both links.
    expect(contractProblems(parsed)).toEqual(["README ligne 3 (s) : lien « Accès » est contenu dans « Gérer les accès » : marquer `exact`"]);
  });

  it("the same name twice for one role cannot resolve to one element", () => {
    expect(contractProblems(screen("bouton « Valider » ; bouton « Valider »"))).toEqual([
      "README ligne 3 (s) : bouton « Valider » figure deux fois",
      "README ligne 3 (s) : bouton « Valider » figure deux fois",
    ]);
  });

  it("names differing only by case collide (Playwright ignores case without exact)", () => {
    expect(contractProblems(screen("lien « Historique des accès » `exact` ; lien « historique des accès » `exact`"))).toEqual([]);
  });

  it("another state of the same address counts; the same element in both states does not", () => {
    const table =
      "| écran | adresse | éléments |\n| --- | --- | --- |\n" +
      "| document | `/d/<id>` | lien « Masquer aux professionnels » `exact` ; lien « Retour » |\n" +
      "| document masqué | `/d/<id>` | lien « Ne plus masquer aux professionnels » ; lien « Retour » |\n" +
      "| autre | `/e` | lien « Masquer aux professionnels » |\n";
    expect(contractProblems(parseContractTables(table))).toEqual([]);
  });
});

describe("fillName and pathPattern", () => {
  it("fills placeholders and refuses one without a value", () => {
    expect(fillName("Ouvrir le dossier de <patient>", { patient: "Camille Essai" })).toBe("Ouvrir le dossier de Camille Essai");
    expect(() => fillName("Bloquer <pro>", {})).toThrow("aucune valeur pour <pro>");
  });

  it("a placeholder of the address is one path segment", () => {
    expect(pathPattern("/patient/documents/<document>/masquage").test("/patient/documents/cm123/masquage")).toBe(true);
    expect(pathPattern("/patient/documents/<document>").test("/patient/documents/cm123/masquage")).toBe(false);
  });
});

describe("the README's contract", () => {
  it("is readable and every `exact` flag is exactly where a name collides", () => {
    const screens = parseContractTables(fs.readFileSync(path.join(import.meta.dirname, "..", "..", "README.md"), "utf8"));
    expect(screens.length).toBeGreaterThan(0);
    expect(contractProblems(screens)).toEqual([]);
  });
});
