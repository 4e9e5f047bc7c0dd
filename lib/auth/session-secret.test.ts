import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { sessionSecret, sessionSecretFile } from "./session-secret";

describe("sessionSecret", () => {
  const saved = { url: process.env.DATABASE_URL, secret: process.env.NEXTAUTH_SECRET };
  let folder: string;

  beforeEach(() => {
    folder = fs.mkdtempSync(path.join(os.tmpdir(), "dmp-secret-"));
    process.env.DATABASE_URL = `file:${path.join(folder, "data", "dmp.db")}`;
    delete process.env.NEXTAUTH_SECRET;
  });

  afterEach(() => {
    fs.rmSync(folder, { recursive: true, force: true });
    if (saved.url === undefined) delete process.env.DATABASE_URL;
    else process.env.DATABASE_URL = saved.url;
    if (saved.secret === undefined) delete process.env.NEXTAUTH_SECRET;
    else process.env.NEXTAUTH_SECRET = saved.secret;
  });

  it("returns NEXTAUTH_SECRET when it is set, without writing a file", () => {
    process.env.NEXTAUTH_SECRET = "secret-de-configuration";
    expect(sessionSecret()).toBe("secret-de-configuration");
    expect(fs.existsSync(sessionSecretFile())).toBe(false);
  });

  it("otherwise creates a private random secret next to the database and keeps it", () => {
    const secret = sessionSecret();
    const file = path.join(folder, "data", ".session-secret");
    expect(sessionSecretFile()).toBe(file);
    expect(Buffer.from(secret, "base64url")).toHaveLength(32);
    expect(fs.readFileSync(file, "utf8").trim()).toBe(secret);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(sessionSecret()).toBe(secret);
    expect(fs.readdirSync(path.join(folder, "data"))).toEqual([".session-secret"]);
  });

  it("reuses a secret written by an earlier run", () => {
    fs.mkdirSync(path.join(folder, "data"), { recursive: true });
    fs.writeFileSync(path.join(folder, "data", ".session-secret"), "secret-precedent\n", { mode: 0o600 });
    expect(sessionSecret()).toBe("secret-precedent");
  });
});
