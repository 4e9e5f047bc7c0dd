import { createHash } from "node:crypto";
import { FHIR_BASE_PATH, FHIR_JSON, FHIR_XML } from "@/lib/fhir/constants";
import { negotiateFormat, resourceToXml } from "@/lib/fhir/http/negotiate-format";
import { operationOutcome } from "@/lib/fhir/operation-outcome";
import { STATIC_SECURITY_HEADERS } from "@/lib/http/security-headers";

/**
 * The answer of a request the server refuses under overload (lib/server/load-limiter.ts):
 * 503 with Retry-After, in the caller's language: a page for browsers, an OperationOutcome
 * for the FHIR API (JSON or XML, negotiated as the API does), JSON for the other APIs.
 * Built without the framework and without the database: refusing must cost next to nothing.
 */

export type TOverloadAnswer = { status: 503; headers: Record<string, string>; body: string };

export type TRequestHead = { method: string; url: string; headers: Record<string, string | string[] | undefined> };

export const OVERLOAD_MESSAGE = "Le service est momentanément surchargé. Réessayez dans quelques secondes.";

const STYLE = `
*{box-sizing:border-box}
body{margin:0;min-height:100vh;display:flex;flex-direction:column;font-family:ui-sans-serif,system-ui,sans-serif;color:#0f172a;background:#fff;line-height:1.5}
header{border-bottom:1px solid #cbd5e1}
.bar,.content,.note{margin:0 auto;width:100%;max-width:72rem;padding:0.75rem 1rem}
.brand{display:inline-flex;align-items:center;gap:0.75rem;font-size:1.25rem;font-weight:700;color:#1e3a8a;text-decoration:none}
.badge{display:grid;place-items:center;height:2.25rem;padding:0 0.5rem;border-radius:0.375rem;background:#1e40af;color:#fff;font-size:0.875rem;letter-spacing:0.025em}
main{flex:1}
.content{padding:2rem 1rem;display:flex;flex-direction:column;align-items:flex-start;gap:1rem}
h1{margin:0;font-size:1.875rem;font-weight:700}
p{margin:0;max-width:42rem;font-size:1.125rem;color:#334155}
.actions{display:flex;flex-wrap:wrap;gap:0.75rem}
.button{display:inline-flex;align-items:center;min-height:2.75rem;padding:0 1rem;border-radius:0.375rem;font-weight:600;text-decoration:none;border:1px solid #1e40af}
.primary{background:#1e40af;color:#fff}
.secondary{background:#fff;color:#1e3a8a}
a:focus-visible{outline:3px solid #1d4ed8;outline-offset:2px}
footer{border-top:1px solid #cbd5e1;background:#f1f5f9}
.note{padding:1.5rem 1rem;font-size:0.875rem;color:#334155}
`.trim();

const STYLE_HASH = createHash("sha256").update(STYLE, "utf8").digest("base64");

/** Only the inline style of this page: no script at all. */
const PAGE_CSP = `default-src 'none'; style-src 'sha256-${STYLE_HASH}'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'`;

const escapeHtml = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/** The page a browser shows: the site's header and footer, what happened, and a way to try again. */
export function overloadPage(retryPath: string, retryAfterSec: number): string {
  const again = retryPath.startsWith("/") && !retryPath.startsWith("//") ? retryPath : "/";
  return `<!DOCTYPE html>
<html lang="fr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>Service momentanément surchargé · DMP — simulateur</title>
<style>${STYLE}</style>
</head>
<body>
<header><div class="bar"><a class="brand" href="/"><span class="badge" aria-hidden="true">DMP</span><span>DMP — simulateur</span></a></div></header>
<main id="contenu"><div class="content">
<h1>Service momentanément surchargé</h1>
<p>Le serveur reçoit en ce moment plus de demandes qu'il ne peut en traiter. Votre demande n'a pas été prise en compte : rien n'a été modifié. Réessayez dans ${retryAfterSec} seconde${retryAfterSec > 1 ? "s" : ""}.</p>
<div class="actions"><a class="button primary" href="${escapeHtml(again)}">Réessayer</a><a class="button secondary" href="/">Retour à l'accueil</a></div>
</div></main>
<footer><div class="note"><p><strong>Simulateur.</strong> Ce site n'est pas Mon espace santé : toutes les données présentées sont fictives.</p></div></footer>
</body>
</html>
`;
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
    headers: { ...common, "Content-Type": "text/html; charset=utf-8", "Content-Security-Policy": PAGE_CSP },
    body: overloadPage(again, retryAfterSec),
  };
}
