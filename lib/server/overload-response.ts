import { FHIR_BASE_PATH, FHIR_JSON, FHIR_XML } from "@/lib/fhir/constants";
import { negotiateFormat, resourceToXml } from "@/lib/fhir/http/negotiate-format";
import { operationOutcome } from "@/lib/fhir/operation-outcome";
import { STATIC_SECURITY_HEADERS } from "@/lib/http/security-headers";
import { STANDALONE_PAGE_CSP, standalonePageHtml } from "@/lib/http/standalone-page";

/**
 * The answer of a request the server refuses under overload (lib/server/load-limiter.ts):
 * 503 with Retry-After, in the caller's language: a page for browsers, an OperationOutcome
 * for the FHIR API (JSON or XML, negotiated as the API does), JSON for the other APIs.
 * Built without the framework and without the database: refusing must cost next to nothing.
 */

export type TOverloadAnswer = { status: 503; headers: Record<string, string>; body: string };

export type TRequestHead = { method: string; url: string; headers: Record<string, string | string[] | undefined> };

export const OVERLOAD_MESSAGE = "Le service est momentanément surchargé. Réessayez dans quelques secondes.";

/** The page a browser shows: the site's header and footer, what happened, and a way to try again. */
export function overloadPage(retryPath: string, retryAfterSec: number): string {
  const again = retryPath.startsWith("/") && !retryPath.startsWith("//") ? retryPath : "/";
  return standalonePageHtml({
    title: "Service momentanément surchargé",
    message: `Le serveur reçoit en ce moment plus de demandes qu'il ne peut en traiter. Votre demande n'a pas été prise en compte : rien n'a été modifié. Réessayez dans ${retryAfterSec} seconde${retryAfterSec > 1 ? "s" : ""}.`,
    links: [
      { href: again, label: "Réessayer" },
      { href: "/", label: "Retour à l'accueil" },
    ],
  });
}

const OUTCOME = operationOutcome([{ severity: "error", code: "throttled", diagnostics: OVERLOAD_MESSAGE }]);
let outcomeXml: string | null = null;

function headerValue(value: string | string[] | undefined): string | null {
  if (value === undefined) return null;
  return Array.isArray(value) ? value.join(", ") : value;
}

/** JSON or XML, as the FHIR API would answer this request; a `_format` it refuses falls back to JSON. */
function fhirFormatOf(head: TRequestHead): "json" | "xml" {
  const headers = new Headers();
  const accept = headerValue(head.headers.accept);
  if (accept !== null) headers.set("accept", accept);
  try {
    return negotiateFormat(new Request(new URL(head.url, "http://localhost"), { headers })).format;
  } catch {
    return "json";
  }
}

const pathOf = (url: string) => url.split("?")[0] ?? "/";

/** The 503 for this request. */
export function overloadAnswer(head: TRequestHead, retryAfterSec: number): TOverloadAnswer {
  const path = pathOf(head.url);
  const common: Record<string, string> = {
    "Retry-After": String(retryAfterSec),
    "Cache-Control": "no-store",
    ...Object.fromEntries(STATIC_SECURITY_HEADERS.map((h) => [h.key, h.value])),
  };
  if (path === FHIR_BASE_PATH || path.startsWith(`${FHIR_BASE_PATH}/`)) {
    if (fhirFormatOf(head) === "xml") {
      outcomeXml ??= resourceToXml(OUTCOME);
      return { status: 503, headers: { ...common, "Content-Type": `${FHIR_XML}; charset=utf-8` }, body: outcomeXml };
    }
    return { status: 503, headers: { ...common, "Content-Type": `${FHIR_JSON}; charset=utf-8` }, body: JSON.stringify(OUTCOME) };
  }
  if (path.startsWith("/api/")) {
    return { status: 503, headers: { ...common, "Content-Type": "application/json; charset=utf-8" }, body: JSON.stringify({ error: OVERLOAD_MESSAGE }) };
  }
  const again = (head.method === "GET" || head.method === "HEAD") && !head.headers["rsc"] ? head.url : "/";
  return {
    status: 503,
    headers: { ...common, "Content-Type": "text/html; charset=utf-8", "Content-Security-Policy": STANDALONE_PAGE_CSP },
    body: overloadPage(again, retryAfterSec),
  };
}
