/**
 * The Playwright web server: a fresh database, migrated and seeded, a production build
 * and the production server of `npm run serve` (lib/server/serve.ts) with two processes
 * (E2E_SERVER_PROCESSES to change), so the journeys go through its cluster and its queue. playwright.config.ts sets DATABASE_URL, PORT, NEXT_DIST_DIR,
 * DEV_TOOLS and NEXTAUTH_URL, so several engineers can each run their own server.
 */
import { execFileSync, spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { databaseFile } from "../lib/db/database-url";

const url = process.env.DATABASE_URL;
const port = process.env.PORT ?? "3100";
if (!url || !url.startsWith("file:")) {
  // Never wipe the development database by accident.
  console.error("e2e : DATABASE_URL (file:…) doit désigner la base de test.");
  process.exit(1);
}

const bin = (name: string) => path.join(process.cwd(), "node_modules", ".bin", name);

/**
 * `next build` with another distDir adds that folder's type globs to tsconfig.json (and
 * points next-env.d.ts at it): put both files back as they were, so the shared checkout
 * and `tsc --noEmit` are not affected by a test server.
 */
function buildKeepingTypeScriptFiles(): void {
  const kept = ["tsconfig.json", "next-env.d.ts"].map((name) => ({
    name,
    content: fs.existsSync(name) ? fs.readFileSync(name) : undefined,
  }));
  try {
    execFileSync(bin("next"), ["build"], { stdio: "inherit", env: { ...process.env, NEXT_SKIP_TYPECHECK: "1" } });
  } finally {
    for (const { name, content } of kept) {
      if (content === undefined) continue;
      if (!fs.existsSync(name) || !fs.readFileSync(name).equals(content)) fs.writeFileSync(name, content);
    }
  }
}

const file = databaseFile(url);
// The demo template (the sandbox reset's copy) goes too: prepare.ts writes it again after the seed.
for (const suffix of ["", "-wal", "-shm", "-journal", ".template"]) fs.rmSync(`${file}${suffix}`, { force: true });
console.log(`e2e : base neuve ${path.relative(process.cwd(), file)}`);

execFileSync(bin("tsx"), [path.join("prisma", "prepare.ts")], { stdio: "inherit", env: process.env });
console.log(`e2e : construction (${process.env.NEXT_DIST_DIR ?? ".next"})…`);
buildKeepingTypeScriptFiles();

console.log(`e2e : démarrage sur le port ${port}`);
// Idle connections stay open longer than any test: a test's request client reuses its
// keep-alive socket seconds later, and Node's default 5 s let the server close it under
// that reuse (ECONNRESET in CI).
const server = spawn(process.execPath, ["--import", "tsx", path.join("lib", "server", "serve.ts"), "--port", port, "--keep-alive-timeout", "120000"], {
  stdio: "inherit",
  // A queued request may wait longer than in production: a shared CI machine is slow, and a
  // journey must not fail on a 503 the load of other suites caused.
  env: { DMP_MAX_QUEUE_WAIT_MS: "15000", ...process.env, NODE_ENV: "production", WEB_CONCURRENCY: process.env.E2E_SERVER_PROCESSES ?? "2" },
});
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => server.kill(signal));
}
server.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
