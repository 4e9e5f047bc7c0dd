import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { sourceFiles } from "@/lib/testing/source-files";

/**
 * A professional's server action answers a record or document it cannot reach with the one
 * refusal of lib/access (NEUTRAL_REFUSAL_MESSAGE, through actionError), whether the id was
 * unknown, refused or malformed: the id's shape is checked in lib/ (isWellFormedId). Three
 * actions once wrote « Dossier introuvable, ou accès non autorisé. » or « Document
 * introuvable. » themselves for a malformed id, a second wording beside the refusal's.
 */
describe("a refused record or document reads the same in every professional action", () => {
  it("no server action of app/pro or app/hopital writes its own « introuvable » for a record or a document", () => {
    const root = process.cwd();
    const offenders = [...sourceFiles(path.join(root, "app", "pro")), ...sourceFiles(path.join(root, "app", "hopital"))]
      .filter((file) => /^["']use server["']/m.test(fs.readFileSync(file, "utf8")))
      .filter((file) => /["'`](Dossier|Document)[^"'`]*introuvable/i.test(fs.readFileSync(file, "utf8")))
      .map((file) => path.relative(root, file).split(path.sep).join("/"));
    expect(offenders, "throw AppError(\"NOT_FOUND\") in lib/ and answer actionError(error)").toEqual([]);
  });
});
