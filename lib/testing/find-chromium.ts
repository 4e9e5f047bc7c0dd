import fs from "node:fs";

/** Debian's Chromium, the browser the README installs. */
export const SYSTEM_CHROMIUM = "/usr/bin/chromium";

/** The one command that gives a fresh Debian machine its browser. */
export const INSTALL_CHROMIUM_COMMAND = "apt-get install -y chromium";

export type TChromium = { ok: true; path: string; source: "CHROMIUM_PATH" | "system" | "playwright" } | { ok: false; message: string };

export type TFindChromiumDeps = {
  env?: Record<string, string | undefined>;
  exists?: (file: string) => boolean;
  /** Where Playwright's own download would be (playwright-core's chromium.executablePath()). */
  playwrightChromium?: () => string | undefined;
};

/**
 * The browser the journeys run in: CHROMIUM_PATH when set (and then it must exist), else
 * Debian's Chromium, else a browser Playwright downloaded earlier. None: a French message
 * with the one command to run, so that `npm test` stops before the first journey.
 */
export function findChromium(deps: TFindChromiumDeps = {}): TChromium {
  const env = deps.env ?? process.env;
  const exists = deps.exists ?? ((file: string) => fs.existsSync(file));
  const fromEnv = env.CHROMIUM_PATH?.trim();
  if (fromEnv) {
    if (exists(fromEnv)) return { ok: true, path: fromEnv, source: "CHROMIUM_PATH" };
    return { ok: false, message: `Navigateur introuvable : CHROMIUM_PATH désigne ${fromEnv}, qui n'existe pas. Corrigez CHROMIUM_PATH ou retirez-le, puis installez Chromium : ${INSTALL_CHROMIUM_COMMAND}` };
  }
  if (exists(SYSTEM_CHROMIUM)) return { ok: true, path: SYSTEM_CHROMIUM, source: "system" };
  const downloaded = deps.playwrightChromium?.();
  if (downloaded && exists(downloaded)) return { ok: true, path: downloaded, source: "playwright" };
  return {
    ok: false,
    message: `Navigateur introuvable : ni ${SYSTEM_CHROMIUM}, ni CHROMIUM_PATH, ni navigateur téléchargé par Playwright. Installez Chromium (en root) : ${INSTALL_CHROMIUM_COMMAND}`,
  };
}
