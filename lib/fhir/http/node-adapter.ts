import http from "node:http";
import type { AddressInfo } from "node:net";
import { Readable } from "node:stream";

/**
 * Serves a Fetch handler (Request → Response) on 127.0.0.1 with a random port, for
 * integration tests: the same handlers the Next route files call, over real HTTP.
 */
export async function serveFetchHandler(handler: (request: Request) => Promise<Response>): Promise<{ origin: string; close: () => Promise<void> }> {
  const server = http.createServer((req, res) => {
    void (async () => {
      try {
        const origin = `http://${req.headers.host ?? "127.0.0.1"}`;
        const headers = new Headers();
        for (const [name, value] of Object.entries(req.headers)) {
          if (value === undefined) continue;
          headers.set(name, Array.isArray(value) ? value.join(", ") : value);
        }
        const hasBody = req.method !== "GET" && req.method !== "HEAD";
        const request = new Request(new URL(req.url ?? "/", origin), {
          method: req.method,
          headers,
          ...(hasBody ? { body: Readable.toWeb(req) as ReadableStream<Uint8Array>, duplex: "half" } : {}),
        } as RequestInit);
        const response = await handler(request);
        res.statusCode = response.status;
        response.headers.forEach((value, name) => res.setHeader(name, value));
        const body = Buffer.from(await response.arrayBuffer());
        res.end(body);
        // A refused upload may still be arriving: drop the rest.
        if (hasBody && !req.complete) req.resume();
      } catch (error) {
        res.statusCode = 500;
        res.end(String(error));
      }
    })();
  });
  // A test that blocks the event loop for seconds (loading FHIR definitions) must not find
  // its idle keep-alive connections closed under it (ECONNRESET on the next request).
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
