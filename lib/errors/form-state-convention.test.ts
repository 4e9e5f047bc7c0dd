import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { sourceFiles } from "@/lib/testing/source-files";

/**
 * One answer shape for every server action's form (TFormState, components/ui/form-state.ts)
 * and one form component (ActionForm, components/ui/action-form.tsx), in the three portals:
 * the hospital, professional and patient sides each used to have their own.
 */

const root = process.cwd();
const files = [...sourceFiles(path.join(root, "app")), ...sourceFiles(path.join(root, "components"))].map((file) => ({
  file: path.relative(root, file).split(path.sep).join("/"),
  text: fs.readFileSync(file, "utf8"),
}));

describe("one form convention", () => {
  it("ActionForm is defined once, in components/ui", () => {
    expect(files.filter((f) => /function ActionForm\b/.test(f.text)).map((f) => f.file)).toEqual(["components/ui/action-form.tsx"]);
  });

  it("a failed server action's message comes from actionError (which logs the unexpected and answers a refusal as « not found »)", () => {
    expect(files.filter((f) => /userMessageFor\(/.test(f.text)).map((f) => f.file)).toEqual([]);
  });

  it("no server action answers its form with another shape ({ error } or { done } instead of { message, success })", () => {
    expect(files.filter((f) => /return \{ (error|done): /.test(f.text) || /\bstate\.(error|done)\b/.test(f.text)).map((f) => f.file)).toEqual([]);
  });
});
