/**
 * Over real HTTP against `next start`: oversized bodies are refused without being read and
 * the connection is closed (the next request does not wait behind the unread bytes),
 * malformed paths are not server errors, attempts are rate-limited, and every page carries
 * the security headers and the sandbox banner with working scripts under its CSP.
 */
import http from "node:http";
import { expect, test } from "@playwright/test";
import { expectNoSeriousA11yViolations } from "../fixtures/a11y";

const MB = 1024 * 1024;

type TUploadOutcome = { status: number | "reset"; connection: string | undefined; bytesWritten: number; socketClosed: Promise<void> };

/**
 * POSTs to `path` on a keep-alive agent. `announced` sends a Content-Length of 50 MB and no
 * body byte before the answer (the server must refuse from the header alone). Otherwise the
 * body is chunked, 8 KB at a time with a pause, until the server answers: a server that
 * closes with bytes still in flight may reset the connection, which can drop its answer
 * ("reset"), so the test then checks what matters: it stopped reading long before 50 MB.
 */
function upload(baseURL: string, agent: http.Agent, path: string, announced: boolean): Promise<TUploadOutcome> {
  const total = 50 * MB;
  const chunk = Buffer.alloc(8 * 1024, "a");
  return new Promise((resolve, reject) => {
    let bytesWritten = 0;
    let answered = false;
    const request = http.request(`${baseURL}${path}`, {
      method: "POST",
      agent,
      headers: { "content-type": "application/json", ...(announced ? { "content-length": String(total) } : {}) },
    });
    const closedPromise = () => {
      const socket = request.socket;
      return new Promise<void>((done) => (!socket || socket.destroyed ? done() : socket.once("close", () => done())));
    };
    request.on("response", (response) => {
      answered = true;
      const socketClosed = closedPromise();
      response.resume();
      response.on("end", () => resolve({ status: response.statusCode ?? 0, connection: response.headers.connection, bytesWritten, socketClosed }));
    });
    request.on("error", (error: NodeJS.ErrnoException) => {
      if (answered) return;
      answered = true;
      if (!announced && (error.code === "ECONNRESET" || error.code === "EPIPE")) {
        resolve({ status: "reset", connection: "close", bytesWritten, socketClosed: Promise.resolve() });
      } else reject(error);
    });
    request.flushHeaders();
    if (announced) return;
    const writeMore = () => {
      if (answered || bytesWritten >= total) return;
      bytesWritten += chunk.byteLength;
      request.write(chunk);
      setTimeout(writeMore, 5);
    };
    writeMore();
  });
}

function get(baseURL: string, agent: http.Agent, path: string): Promise<number> {
  return new Promise((resolve, reject) => {
    http.get(`${baseURL}${path}`, { agent }, (response) => {
      response.resume();
      response.on("end", () => resolve(response.statusCode ?? 0));
    }).on("error", reject);
  });
}

test.describe("unauthorized access: availability", () => {
  for (const announced of [true, false]) {
    test(`a 50 MB body (${announced ? "announced" : "chunked"}) on the card challenge is refused before it is read, and the connection is closed`, async ({ baseURL }) => {
      const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
      try {
        const outcome = await upload(baseURL!, agent, "/api/pro/card-challenge", announced);
        if (announced) expect(outcome.status).toBe(413);
        else expect([413, "reset"]).toContain(outcome.status);
        expect(outcome.connection).toBe("close");
        expect(outcome.bytesWritten).toBeLessThan(MB);
        await outcome.socketClosed;
        // The same agent: the next request gets a fresh connection and its answer.
        expect(await get(baseURL!, agent, "/api/health")).toBe(200);
      } finally {
        agent.destroy();
      }
    });
  }

  test("a malformed percent-encoding in a path is a client error, never a server error", async ({ request }) => {
    for (const path of ["/api/fhir/Binary/%E0%A4%A", "/api/fhir/Binary/%zz", "/patient/documents/%zz", "/pro/patients/%E0%A4%A/documents/%zz", "/pro/cartes-demo/%zz", "/%zz"]) {
      const response = await request.get(path, { maxRedirects: 0 });
      expect([400, 401, 404], `${path} → ${response.status()}`).toContain(response.status());
    }
  });

  test("the bench's reference pages are not found on a server that is not the bench's", async ({ request }) => {
    // npm run bench serves them with BENCH_BASELINE=1 only; the record floor would otherwise be a second door to a record.
    for (const path of ["/api/bench/baseline", "/bench/plancher", "/bench/dossier-pro/cpt000000000"]) {
      const response = await request.get(path, { maxRedirects: 0 });
      expect(response.status(), path).toBe(404);
    }
  });

  test("card challenges are limited per card, with a French message", async ({ request }) => {
    const serial = "FFFF0000FFFF0000";
    const statuses: number[] = [];
    for (let i = 0; i < 21; i++) {
      const response = await request.post("/api/pro/card-challenge", { data: { serial, pin: "0000", generation: 1, salt: "c2Vs" } });
      statuses.push(response.status());
      if (i === 20) expect((await response.json()) as unknown).toEqual({ error: expect.stringMatching(/^Trop de tentatives\. Par sécurité, réessayez dans \d+ minutes?\.$/) });
    }
    expect(statuses.slice(0, 20)).not.toContain(429);
    expect(statuses[20]).toBe(429);
  });
});

test.describe("unauthorized access: security headers and sandbox mode", () => {
  test("every page sends a nonce-based CSP, refuses framing, and its scripts still run", async ({ page }) => {
    const violations: string[] = [];
    page.on("console", (message) => {
      if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
    });
    for (const path of ["/", "/patient/connexion", "/pro/connexion"]) {
      const response = await page.goto(path);
      const headers = response!.headers();
      const csp = headers["content-security-policy"] ?? "";
      const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
      expect(nonce, `${path} : CSP avec nonce`).toBeTruthy();
      expect(csp).toContain("frame-ancestors 'none'");
      expect(headers["x-content-type-options"]).toBe("nosniff");
      expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
      // Served over plain HTTP here: no HSTS.
      expect(headers["strict-transport-security"]).toBeUndefined();
      // Next's own scripts carry this request's nonce.
      const scriptNonces = await page.locator("script").evaluateAll((scripts) => scripts.map((s) => (s as HTMLScriptElement).nonce));
      expect(scriptNonces.length).toBeGreaterThan(0);
      expect(new Set(scriptNonces)).toEqual(new Set([nonce]));
    }
    // Client navigation works (the scripts ran): a link click goes through the router.
    await page.goto("/");
    await page.getByRole("navigation", { name: "Portails" }).getByRole("link", { name: "Patient" }).click();
    await expect(page).toHaveURL(/\/patient$/);
    expect(violations).toEqual([]);
  });

  test("the sandbox banner is on every page and leads to the list of tools", async ({ page }) => {
    for (const path of ["/", "/patient/connexion", "/pro/connexion", "/hopital"]) {
      await page.goto(path);
      await expect(page.getByRole("region", { name: "Mode bac à sable" })).toContainText("outils de développement sont ouverts à tous");
    }
    await page.getByRole("region", { name: "Mode bac à sable" }).getByRole("link", { name: "Voir les outils du bac à sable" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Outils du bac à sable" })).toBeVisible();
    await expectNoSeriousA11yViolations(page);
  });
});
