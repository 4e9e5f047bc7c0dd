import { describe, expect, it } from "vitest";
import { findChromium, INSTALL_CHROMIUM_COMMAND, SYSTEM_CHROMIUM } from "./find-chromium";

const PLAYWRIGHT = "/root/.cache/ms-playwright/chromium-1/chrome-linux64/chrome";

function find(env: Record<string, string | undefined>, present: string[]) {
  return findChromium({ env, exists: (file) => present.includes(file), playwrightChromium: () => PLAYWRIGHT });
}

describe("findChromium", () => {
  it("takes CHROMIUM_PATH first, then Debian's Chromium, then Playwright's download", () => {
    expect(find({ CHROMIUM_PATH: "/opt/chrome" }, ["/opt/chrome", SYSTEM_CHROMIUM])).toEqual({ ok: true, path: "/opt/chrome", source: "CHROMIUM_PATH" });
    expect(find({}, [SYSTEM_CHROMIUM, PLAYWRIGHT])).toEqual({ ok: true, path: SYSTEM_CHROMIUM, source: "system" });
    expect(find({}, [PLAYWRIGHT])).toEqual({ ok: true, path: PLAYWRIGHT, source: "playwright" });
  });

  it("a CHROMIUM_PATH that points at a missing file is refused, with the command to run", () => {
    const found = find({ CHROMIUM_PATH: "/nulle/part/chromium" }, [SYSTEM_CHROMIUM]);
    expect(found.ok).toBe(false);
    expect(!found.ok && found.message).toContain("/nulle/part/chromium");
    expect(!found.ok && found.message).toContain(INSTALL_CHROMIUM_COMMAND);
  });

  it("no browser at all: a French message giving the one command to run", () => {
    const found = find({}, []);
    expect(found).toEqual({ ok: false, message: expect.stringMatching(/^Navigateur introuvable/) });
    expect(!found.ok && found.message.endsWith(`: ${INSTALL_CHROMIUM_COMMAND}`)).toBe(true);
  });
});
