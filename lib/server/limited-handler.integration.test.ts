/**
 * A real HTTP server with a slow handler behind the limiter, flooded with far more
 * parallel requests than it may work on: every request gets an answer quickly (200 or a
 * 503 with Retry-After, in the format its caller reads), none waits past the queue's limit.
 */
import http, { type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { xmlToResource } from "@/lib/fhir/http/negotiate-format";
import { LoadLimiter } from "./load-limiter";
import { limitedHandler, RETRY_AFTER_SEC } from "./limited-handler";
import { OVERLOAD_MESSAGE } from "./overload-response";

const WORK_MS = 40;
const MAX_WAIT_MS = 300;
let server: http.Server;
let origin: string;
let limiter: LoadLimiter;
let inHandler = 0;
let maxInHandler = 0;
/** Time from a request's arrival at the server to the end of its answer (what the queue bounds). */
let serverTimes: number[] = [];

beforeAll(async () => {
  limiter = new LoadLimiter({ maxInFlight: 4, maxQueued: 8, maxWaitMs: MAX_WAIT_MS });
  const slow = async (_req: IncomingMessage, res: ServerResponse) => {
    inHandler++;
    maxInHandler = Math.max(maxInHandler, inHandler);
    await new Promise((r) => setTimeout(r, WORK_MS));
    inHandler--;
    res.writeHead(200, { "Content-Type": "text/plain" });
    res.end("ok");
  };
  const limited = limitedHandler(limiter, slow);
  server = http.createServer((req, res) => {
    const arrived = performance.now();
    res.once("finish", () => serverTimes.push(performance.now() - arrived));
    return limited(req, res);
  });
  // As many sockets as the flood opens: the limit under test is ours, not the agent's.
  server.maxConnections = 1000;
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});

type TAnswer = { status: number; ms: number; retryAfter: string | null; contentType: string; body: string };

function get(path: string, headers: Record<string, string> = {}): Promise<TAnswer> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const req = http.get(`${origin}${path}`, { headers, agent: false }, (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (d: string) => (body += d));
      res.on("end", () =>
        resolve({ status: res.statusCode ?? 0, ms: performance.now() - started, retryAfter: (res.headers["retry-after"] as string | undefined) ?? null, contentType: String(res.headers["content-type"] ?? ""), body }),
      );
    });
    req.on("error", reject);
  });
}

describe("limitedHandler under a flood", () => {
  it("answers 200 or 503 + Retry-After to each of 120 parallel requests, none waiting past the queue limit", async () => {
    maxInHandler = 0;
    serverTimes = [];
    const answers = await Promise.all(Array.from({ length: 120 }, (_, i) => get(`/patient/documents?n=${i}`, { accept: "text/html" })));
    const ok = answers.filter((a) => a.status === 200);
    const refused = answers.filter((a) => a.status === 503);
    expect(ok.length + refused.length).toBe(120);
    expect(ok.length).toBeGreaterThanOrEqual(4);
    // How many are refused depends on how fast the requests arrive (a loaded machine spreads them).
    expect(refused.length).toBeGreaterThan(0);
    // Never more at work than the limit.
    expect(maxInHandler).toBeLessThanOrEqual(4);
    // In the server: queue wait + the work itself + slack for a loaded machine; far from "seconds".
    expect(serverTimes).toHaveLength(120);
    expect(Math.max(...serverTimes)).toBeLessThan(MAX_WAIT_MS + WORK_MS + 1000);
    for (const a of refused) {
      expect(a.retryAfter).toBe(String(RETRY_AFTER_SEC));
      expect(a.contentType).toMatch(/^text\/html/);
      expect(a.body).toContain('<html lang="fr">');
      expect(a.body).toContain("<h1>Service momentanément surchargé</h1>");
    }
    expect(limiter.inFlight).toBe(0);
    expect(limiter.queued).toBe(0);
  });

  it("refuses FHIR requests with an OperationOutcome in the negotiated format, other APIs with JSON", async () => {
    const flood = (path: string, headers: Record<string, string>) => Promise.all(Array.from({ length: 40 }, () => get(path, headers)));
    const json = (await flood("/api/fhir/DocumentReference?patient=x", { accept: "application/fhir+json" })).find((a) => a.status === 503);
    expect(json?.contentType).toMatch(/^application\/fhir\+json/);
    expect(JSON.parse(json?.body ?? "{}")).toEqual({ resourceType: "OperationOutcome", issue: [{ severity: "error", code: "throttled", diagnostics: OVERLOAD_MESSAGE }] });

    const xml = (await flood("/api/fhir/DocumentReference?_format=xml", {})).find((a) => a.status === 503);
    expect(xml?.contentType).toMatch(/^application\/fhir\+xml/);
    expect(xmlToResource(xml?.body ?? "")).toMatchObject({ resourceType: "OperationOutcome", issue: [{ code: "throttled", diagnostics: OVERLOAD_MESSAGE }] });

    const api = (await flood("/api/sandbox/patients", { accept: "application/json" })).find((a) => a.status === 503);
    expect(api?.contentType).toMatch(/^application\/json/);
    expect(JSON.parse(api?.body ?? "{}")).toEqual({ error: OVERLOAD_MESSAGE });
  });

  it("lets built static files through whatever the load", async () => {
    const answers = await Promise.all(Array.from({ length: 60 }, () => get("/_next/static/chunks/app.js")));
    expect(answers.every((a) => a.status === 200)).toBe(true);
  });
});
