/**
 * Realistic mode (DEV_TOOLS=0): every development route of app/ answers 404, found by
 * walking app/ for the code that checks the development tools, so that a new tool cannot
 * be forgotten.
 */
import fs from "node:fs";
import path from "node:path";
import { NextRequest } from "next/server";
import { afterEach, describe, expect, it, vi } from "vitest";
import { proxy } from "@/proxy";
import { isDevRoute } from "./dev-routes";

const APP = path.join(process.cwd(), "app");

function filesUnder(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? filesUnder(path.join(dir, e.name)) : [path.join(dir, e.name)]));
}

/** app/pro/(public)/cartes-demo/[serial]/route.ts → /pro/cartes-demo/80276A1B2C3D4E5F */
function urlPathOf(file: string): string {
  const segments = path.relative(APP, path.dirname(file)).split(path.sep).filter((s) => s !== "" && !/^\(.*\)$/.test(s));
  return `/${segments.map((s) => (s.startsWith("[") ? "80276A1B2C3D4E5F" : s)).join("/")}`;
}

// A route that exists only with the tools refuses itself when they are off (other pages only
// show or hide a link); the demo card download refuses through readDemoCardFile.
const GATED = /if \(!is(DevTools|DemoCards)Enabled\(\)\)|readDemoCardFile\(/;
const devToolFiles = filesUnder(APP).filter((f) => /\.tsx?$/.test(f) && GATED.test(fs.readFileSync(f, "utf8")));
const devPaths = [...new Set(devToolFiles.map(urlPathOf))].sort();

const SANDBOX_PATHS = ["/api/sandbox/admissions", "/api/sandbox/beneficiaires", "/api/sandbox/documents", "/api/sandbox/mineurs", "/api/sandbox/patients", "/api/sandbox/professionnels", "/api/sandbox/reinitialisation", "/api/sandbox/relations", "/api/sandbox/structures"];

afterEach(() => vi.unstubAllEnvs());

describe("unauthorized access: development routes in realistic mode", () => {
  it("finds the development routes of app/", () => {
    expect(devPaths).toEqual(expect.arrayContaining(["/dev", "/dev/codes", "/dev/mails", "/dev/sms", "/dev/urgences", "/pro/cartes-demo", "/pro/cartes-demo/80276A1B2C3D4E5F", ...SANDBOX_PATHS]));
  });

  it.each(devPaths)("%s is a development route", (urlPath) => {
    expect(isDevRoute(urlPath)).toBe(true);
  });

  it.each(devPaths.flatMap((p) => [["GET", p], ["POST", p]]))("%s %s is answered by the not-found page when DEV_TOOLS=0", (method, urlPath) => {
    vi.stubEnv("DEV_TOOLS", "0");
    const response = proxy(new NextRequest(`http://localhost:3000${urlPath}`, { method }));
    expect(response.headers.get("x-middleware-rewrite")).toBe("http://localhost:3000/_introuvable");
  });

  it("leaves the development routes alone in sandbox mode, and the other pages in both modes", () => {
    vi.stubEnv("DEV_TOOLS", "1");
    expect(proxy(new NextRequest("http://localhost:3000/dev/mails")).headers.get("x-middleware-rewrite")).toBeNull();
    vi.stubEnv("DEV_TOOLS", "0");
    expect(proxy(new NextRequest("http://localhost:3000/developpeur")).headers.get("x-middleware-rewrite")).toBeNull();
    expect(proxy(new NextRequest("http://localhost:3000/pro/connexion")).headers.get("x-middleware-rewrite")).toBeNull();
  });

  it("the code reader and the demo card download answer 404 themselves too", async () => {
    vi.stubEnv("DEV_TOOLS", "0");
    const codes = await import("@/app/dev/codes/route");
    expect((await codes.GET(new Request("http://localhost:3000/dev/codes?destinataire=a@b.fr"))).status).toBe(404);
    const card = await import("@/app/pro/(public)/cartes-demo/[serial]/route");
    const response = await card.GET(new Request("http://localhost:3000/pro/cartes-demo/80276A1B2C3D4E5F"), { params: Promise.resolve({ serial: "80276A1B2C3D4E5F" }) });
    expect(response.status).toBe(404);
  });

  // The proxy lets a request with a body through to its route: each factory must refuse itself.
  it.each(SANDBOX_PATHS)("POST %s with a body answers 404 itself when DEV_TOOLS=0", async (urlPath) => {
    vi.stubEnv("DEV_TOOLS", "0");
    const route = (await import(`@/app${urlPath}/route`)) as { POST: (request: Request) => Promise<Response> };
    const response = await route.POST(new Request(`http://localhost:3000${urlPath}`, { method: "POST", body: "{}", headers: { "content-type": "application/json" } }));
    expect(response.status).toBe(404);
  });
});
