/**
 * Checks the README's accessible-name contract (lib/testing/accessible-names.ts) on the real
 * screens: each documented name resolves to exactly one element of its role with
 * `exact: true`, and a name the README does not flag resolves to one element without it too.
 */
import fs from "node:fs";
import path from "node:path";
import type { Locator, Page } from "@playwright/test";
import { expect, test } from "../fixtures/dmp";
import { expectNoSeriousA11yViolations } from "../fixtures/a11y";
import { fillName, parseContractTables, pathPattern, ROLES, type TContractScreen, type TNamedElement } from "../../lib/testing/accessible-names";

/** The README's screens whose address starts with `prefix` ("/patient/", "/pro", "/hopital"), in README order. */
export function contractScreens(prefix: string): TContractScreen[] {
  const readme = fs.readFileSync(path.join(__dirname, "..", "..", "README.md"), "utf8");
  return parseContractTables(readme).filter((screen) => screen.path === prefix || screen.path.startsWith(`${prefix}/`));
}

function find(root: Page | Locator, contractRole: TNamedElement["role"], name: string, exact: boolean): Locator {
  const role = ROLES[contractRole];
  return role === "label" ? root.getByLabel(name, { exact }) : root.getByRole(role, { name, exact });
}

function lookup(page: Page, element: TNamedElement, name: string, exact: boolean): Locator {
  const root = element.within ? find(page, element.within.role, element.within.name, true) : page;
  return find(root, element.role, name, exact);
}

/**
 * How the journey reaches each screen of the README (by its « écran » label): it performs what
 * the screen needs first (a sign-in, a form sent) and returns the values of the names'
 * placeholders.
 */
export type TScreenSteps = Record<string, () => Promise<Record<string, string> | void>>;

/**
 * Reaches every README screen of `prefix` in order and checks its names (soft assertions: one
 * run lists every name that drifted). A screen the journey cannot reach fails with its label.
 */
export async function checkContract(page: () => Page, prefix: string, steps: TScreenSteps): Promise<void> {
  const screens = contractScreens(prefix);
  expect(screens.length, `aucun écran ${prefix} dans les tableaux « Noms accessibles » du README`).toBeGreaterThan(0);
  const unknown = screens.filter((screen) => !(screen.screen in steps)).map((screen) => `« ${screen.screen} » (README ligne ${screen.line})`);
  expect(unknown, "écrans du README que ce test ne sait pas atteindre : ajoutez leur étape").toEqual([]);
  const documented = new Set(screens.map((screen) => screen.screen));
  const stale = Object.keys(steps).filter((label) => !documented.has(label));
  expect(stale, "étapes de ce test pour des écrans absents du README").toEqual([]);

  for (const screen of screens) {
    await test.step(`${screen.screen} (${screen.path})`, async () => {
      const step = steps[screen.screen];
      if (!step) return;
      const values = (await step()) ?? {};
      const current = page();
      const where = `écran « ${screen.screen} » (README ligne ${screen.line})`;
      expect(new URL(current.url()).pathname, `${where} : adresse`).toMatch(pathPattern(screen.path));
      for (const element of screen.elements) {
        const name = fillName(element.name, values);
        const label = `${where} : ${element.role} « ${name} »${element.within ? ` dans ${element.within.role} « ${element.within.name} »` : ""}`;
        await expect.soft(lookup(current, element, name, true), `${label} avec exact: true`).toHaveCount(1);
        if (!element.exact) {
          // Without `exact` Playwright finds every name containing this one: another element of
          // the page does; list it in the table (the flag will follow).
          await expect.soft(lookup(current, element, name, false), `${label} sans exact (un autre nom de la page le contient ?)`).toHaveCount(1);
        }
      }
      await expectNoSeriousA11yViolations(current);
    });
  }
}
