/**
 * Run by `npm test` before anything else: without a browser every journey would fail one by
 * one after minutes of build; this stops at once with the command to run.
 */
import { chromium } from "playwright-core";
import { findChromium } from "../find-chromium";

function playwrightChromium(): string | undefined {
  try {
    return chromium.executablePath();
  } catch {
    return undefined;
  }
}

const found = findChromium({ playwrightChromium });
if (!found.ok) {
  console.error(found.message);
  process.exit(1);
}
console.log(`Navigateur des parcours : ${found.path}`);
