/**
 * Worst-case data for the screens sweep (issue 19): the longest values the factories and
 * forms accept, unbroken (a word the browser cannot wrap is what pushes a page sideways),
 * and a record of 500 documents with its traces, notifications and a long reimbursement
 * history. Everything goes through the sandbox factories (e2e/fixtures/dmp.ts).
 */
import type { Page, TestInfo } from "@playwright/test";
import { expect, type Dmp, type TPatient, type TProfessional, type TStructure } from "../fixtures/dmp";
import { expectNoSeriousA11yViolations } from "../fixtures/a11y";

/** `seed` repeated without a space or hyphen, cut at `length`. */
export const unbroken = (seed: string, length: number) => seed.repeat(Math.ceil(length / seed.length)).slice(0, length);

const letters = (n: number) => Array.from({ length: n }, () => String.fromCharCode(97 + Math.floor(Math.random() * 26))).join("");

/** Names: 60 characters, the factories' and the registry's maximum; the family name unique to the test (name searches find one person). */
export const longFirstName = () => unbroken("Maximilienne", 60);
export const longLastName = () => `Essai${letters(6)}${unbroken("wolfeschlegelsteinhausenbergerdorff", 49)}`;

/** A document title: 200 characters, the form's maximum. */
export const LONG_TITLE = unbroken("Comptererendudhospitalisationencardiologie", 200);

/** A structure: 120 characters (factory maximum), the city 60 and the group 80. */
export const longStructure = (kind: "HOSPITAL" | "SAMU" = "HOSPITAL") => ({
  name: `CH ${letters(4)} ${unbroken("Saintjeandedieuetnotredamedesangesgardiens", 112)}`,
  kind,
  city: unbroken("Saintremylesdeuxchevreuses", 60),
  groupName: unbroken("Groupementhospitalierdeterritoire", 80),
});

export type TWorstCaseRecord = { structure: TStructure; doctor: TProfessional; patient: TPatient; documentId: string };

/**
 * A patient with the longest names, followed by a doctor with the longest names in a
 * structure with the longest name, and a record of 500 documents with 200-character titles
 * (500 traces and notifications), 24 months of a diabetic's reimbursements and a health
 * profile whose every text is as long as the forms allow.
 */
export async function worstCaseRecord(dmp: Dmp, { documents = 500 }: { documents?: number } = {}): Promise<TWorstCaseRecord> {
  const structure = await dmp.structure(longStructure());
  const doctor = await dmp.professional({ firstName: longFirstName(), lastName: longLastName(), specialty: "SM04", structure });
  const patient = await dmp.patient({ firstName: longFirstName(), lastName: longLastName() });
  await dmp.treatingDoctor(patient, doctor);
  const { documentId } = await dmp.document({ patient, author: doctor, title: LONG_TITLE, count: documents });
  await dmp.reimbursements(patient, "diabete");
  await dmp.healthProfile(patient, {
    antecedents: [{ category: "MEDICAL", label: unbroken("Insuffisancecardiaque", 160), since: "2015", note: unbroken("Hospitalisation", 300) }],
    allergies: [{ substance: unbroken("Amoxicilline", 120), reaction: unbroken("Oedemedequincke", 200), severity: "sévère" }],
    traitements: [{ medication: unbroken("Metformine", 160), dosage: unbroken("Unecomprimematinetsoir", 200), startDate: "2024-01-15" }],
    vaccinations: [{ vaccine: unbroken("Grippesaisonniere", 120), date: "2024-10-15", dose: unbroken("Rappel", 60), lot: unbroken("LOT1234", 40), administeredBy: unbroken("Pharmacie", 120) }],
  });
  return { structure, doctor, patient, documentId };
}

/**
 * One screen of the sweep: its main heading, no horizontal overflow of the page (the
 * elements that stick out named), no serious or critical axe violation, and a full-page
 * screenshot attached to the test (kept in test-results). A failure is collected, not
 * thrown, so one run lists every failing screen.
 */
export class ScreenSweep {
  readonly failures: string[] = [];
  readonly passed: string[] = [];

  constructor(
    private readonly testInfo: TestInfo,
    private readonly viewport: string,
  ) {}

  async check(page: Page, screen: string, heading?: string | RegExp): Promise<void> {
    const problems: string[] = [];
    try {
      await expect(page.getByRole("heading", { level: 1, ...(heading ? { name: heading } : {}) }).first()).toBeVisible();
    } catch {
      problems.push(`titre principal absent (${page.url()})`);
    }
    const overflow = await page.evaluate(overflowingElements);
    if (overflow) problems.push(`débordement horizontal : ${overflow}`);
    try {
      await expectNoSeriousA11yViolations(page);
    } catch (error) {
      problems.push(`axe : ${error instanceof Error ? error.message.split("\n").slice(0, 14).join("\n") : String(error)}`);
    }
    // A file in the test's output folder (test-results/…): kept after the run whatever the reporter.
    const file = this.testInfo.outputPath(`${String(this.passed.length + this.failures.length + 1).padStart(2, "0")}-${slug(screen)}.png`);
    await page.screenshot({ path: file, fullPage: true });
    await this.testInfo.attach(`${this.viewport} ${screen}`, { path: file, contentType: "image/png" });
    if (problems.length === 0) this.passed.push(screen);
    else this.failures.push(`[${this.viewport}] ${screen} (${new URL(page.url()).pathname}) :\n  ${problems.join("\n  ")}`);
  }

  /** Goes to `path`, then checks the screen. */
  async visit(page: Page, screen: string, path: string, heading?: string | RegExp): Promise<void> {
    await page.goto(path);
    await this.check(page, screen, heading);
  }

  /** Fails the test with every failing screen; the passing ones are annotated. */
  expectAllPassed(): void {
    this.testInfo.annotations.push({ type: "écrans conformes", description: this.passed.join(", ") });
    expect(this.failures, `${this.failures.length} écran(s) non conforme(s) :\n${this.failures.join("\n")}`).toEqual([]);
  }
}

/** "document : aperçu" → "document-apercu". */
const slug = (text: string) =>
  text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");

/**
 * Runs in the page: null when the page does not scroll sideways, else the innermost
 * elements whose right edge passes the viewport (not those inside a scrolling box): the
 * word, cell or field that pushes its boxes out.
 */
function overflowingElements(): string | null {
  const root = document.documentElement;
  if (root.scrollWidth <= root.clientWidth) return null;
  const width = root.clientWidth;
  const sticksOut = (el: Element) => el.getBoundingClientRect().right > width + 0.5;
  const insideScroller = (el: Element) => {
    for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) {
      if (getComputedStyle(p).overflowX !== "visible" && !sticksOut(p)) return true;
    }
    return false;
  };
  const all = Array.from(document.body.querySelectorAll("*")).filter((el) => sticksOut(el) && !Array.from(el.children).some(sticksOut));
  const outsideScrollers = all.filter((el) => !insideScroller(el));
  // Text that runs out of its own box pushes the page without any box sticking out.
  const textOverflow = Array.from(document.body.querySelectorAll("*")).filter(
    (el) => el.scrollWidth > el.clientWidth + 1 && el.clientWidth > 0 && getComputedStyle(el).overflowX === "visible" && !insideScroller(el) && !Array.from(el.children).some((c) => c.scrollWidth > c.clientWidth + 1),
  );
  const offenders = outsideScrollers.length > 0 ? outsideScrollers : textOverflow.length > 0 ? textOverflow : all;
  const describe = (el: Element) => {
    const id = el.id ? `#${el.id}` : "";
    const cls = typeof el.className === "string" && el.className ? `.${el.className.trim().split(/\s+/).slice(0, 4).join(".")}` : "";
    const text = (el.textContent ?? "").trim().slice(0, 50);
    return `<${el.tagName.toLowerCase()}${id}${cls}> (bord droit ${Math.round(el.getBoundingClientRect().right)} px) « ${text} »`;
  };
  return `largeur ${root.scrollWidth} px pour ${width} px ; ${offenders.slice(0, 5).map(describe).join(" ; ") || "élément non trouvé"}`;
}
