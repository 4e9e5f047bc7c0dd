import { standalonePageHtml, type TPageLink } from "./standalone-page";

/**
 * The answer of a portal route handler (a document's content, an export) that cannot give
 * what was asked: a browser that followed a link gets a page of the site, in French, with
 * a way back; any other client gets the same sentence as plain text. The FHIR API keeps
 * its own OperationOutcome answers (lib/fhir) and never calls this.
 *
 * "Denied" looks like "not found": callers pass the same refusal whatever the reason, so
 * the status, the headers and the body are the same byte for byte.
 */

export type TWayBack = TPageLink;

export type TRefusal = {
  status: 401 | 404;
  /** The page's heading and title. */
  title: string;
  /** One or two sentences under the heading. */
  message: string;
  /** The links shown under the message, the first one as the main action. */
  wayBack: readonly [TWayBack, ...TWayBack[]];
};

/** A navigation of a browser (a link followed, an address typed), not a script or an API client. */
export function isBrowserNavigation(request: Request): boolean {
  return (request.headers.get("accept") ?? "").toLowerCase().includes("text/html");
}

/** The whole page: the site's header with the portals, the refusal and its ways back, the site's footer. */
export function refusalPageHtml(refusal: TRefusal): string {
  return standalonePageHtml({ title: refusal.title, message: refusal.message, links: refusal.wayBack, portals: true });
}

/** The refusal as a page for a browser, as a sentence for any other client; never cached. */
export function refusalResponse(request: Request, refusal: TRefusal): Response {
  const headers = { "Cache-Control": "private, no-store", "X-Content-Type-Options": "nosniff" };
  if (isBrowserNavigation(request)) {
    return new Response(refusalPageHtml(refusal), { status: refusal.status, headers: { ...headers, "Content-Type": "text/html; charset=utf-8" } });
  }
  return new Response(`${refusal.title} : ${refusal.message}`, { status: refusal.status, headers: { ...headers, "Content-Type": "text/plain; charset=utf-8" } });
}
