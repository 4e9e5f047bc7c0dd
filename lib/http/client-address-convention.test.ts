import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { sourceFiles } from "@/lib/testing/source-files";

/**
 * One reading of the client's address (clientAddress, lib/http/client-address.ts): a file
 * that reads X-Forwarded-For hands it to it, and nothing reads X-Real-IP or the header's
 * first entry, which the client writes itself. The patient sign-in and document views once
 * kept such a forged address in their login attempts and traces.
 */

describe("the client's address has one reading", () => {
  it("every file of app/ or lib/ that reads X-Forwarded-For passes it to clientAddress, and none reads X-Real-IP", () => {
    const root = process.cwd();
    const offenders = [...sourceFiles(path.join(root, "app")), ...sourceFiles(path.join(root, "lib"))]
      .map((file) => ({ file: path.relative(root, file).split(path.sep).join("/"), text: fs.readFileSync(file, "utf8") }))
      .filter(({ file }) => file !== "lib/http/client-address.ts")
      .filter(({ text }) => /x-real-ip/i.test(text) || (/["']x-forwarded-for["']/i.test(text) && !/clientAddress\(/.test(text)))
      .map(({ file }) => file);
    expect(offenders, "use requestIp() (lib/http/request-ip.ts) or clientAddress()").toEqual([]);
  });
});
