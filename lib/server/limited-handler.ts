import type { IncomingMessage, ServerResponse } from "node:http";
import type { LoadLimiter } from "./load-limiter";
import { overloadAnswer } from "./overload-response";

export type TRequestHandler = (req: IncomingMessage, res: ServerResponse) => unknown;

/** Built files with a content hash in their name: served from disk, cheap, never queued. */
export function bypassesLimit(url: string | undefined): boolean {
  return (url ?? "").startsWith("/_next/static/");
}

/** Seconds a refused client is asked to wait (Retry-After). */
export const RETRY_AFTER_SEC = 2;

/**
 * Puts the limiter in front of a request handler (Next's, in lib/server/serve.ts): an
 * admitted request holds its slot until its answer is over (finished or the client gone),
 * a refused one gets the 503 of overload-response.ts straight away. The refusal closes the
 * connection only when the request body was not read, so keep-alive clients stay cheap.
 */
export function limitedHandler(limiter: LoadLimiter, handle: TRequestHandler): TRequestHandler {
  return async (req, res) => {
    if (bypassesLimit(req.url)) return handle(req, res);
    const admission = await limiter.admit();
    if (!admission.admitted) {
      const answer = overloadAnswer({ method: req.method ?? "GET", url: req.url ?? "/", headers: req.headers }, RETRY_AFTER_SEC);
      const hasBody = req.headers["content-length"] !== undefined ? req.headers["content-length"] !== "0" : req.headers["transfer-encoding"] !== undefined;
      res.writeHead(answer.status, { ...answer.headers, "Content-Length": Buffer.byteLength(answer.body), ...(hasBody ? { Connection: "close" } : {}) });
      res.end(req.method === "HEAD" ? undefined : answer.body);
      if (hasBody) req.resume();
      return;
    }
    // The client left while it waited: nothing to work for.
    if (res.writableEnded || res.destroyed || req.socket.destroyed) return admission.release();
    res.once("close", admission.release);
    try {
      await handle(req, res);
    } catch (error) {
      admission.release();
      throw error;
    }
  };
}
