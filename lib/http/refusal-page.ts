/**
 * The answer of a portal route handler (a document's content, an export) that cannot give
 * what was asked: a browser that followed a link gets a page of the site, in French, with
 * a way back; any other client gets the same sentence as plain text. The FHIR API keeps
 * its own OperationOutcome answers (lib/fhir) and never calls this.
 *
 * "Denied" looks like "not found": callers pass the same refusal whatever the reason, so
 * the status, the headers and the body are the same byte for byte.
 */

export type TWayBack = { href: string; label: string };

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

const ENTITIES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ENTITIES[c] ?? c);
}

// The colours and sizes of the site's own pages (app/layout.tsx, components/ui): a route
// handler has no access to the built stylesheet. The CSP allows inline styles.
const STYLE = `
*{box-sizing:border-box}
body{margin:0;min-height:100vh;display:flex;flex-direction:column;font-family:ui-sans-serif,system-ui,sans-serif;color:#0f172a;background:#fff;line-height:1.5}
.wrap{max-width:72rem;margin:0 auto;padding:0 1rem;width:100%}
header{border-bottom:1px solid #cbd5e1}
header .wrap{display:flex;flex-wrap:wrap;align-items:center;justify-content:space-between;gap:1rem;padding-top:.75rem;padding-bottom:.75rem}
.brand{display:flex;align-items:center;gap:.75rem;font-size:1.25rem;font-weight:700;color:#1e3a8a;text-decoration:none}
.brand span{background:#1e40af;color:#fff;border-radius:.375rem;padding:.25rem .5rem;font-size:.875rem;letter-spacing:.025em}
nav ul{display:flex;flex-wrap:wrap;gap:.25rem;list-style:none;margin:0;padding:0}
nav a{display:inline-flex;min-height:2.5rem;align-items:center;padding:0 .75rem;border-radius:.375rem;font-weight:500;color:#1e293b}
main{flex:1}
main .wrap{padding-top:2rem;padding-bottom:2rem}
h1{font-size:1.875rem;font-weight:700;margin:0 0 1rem}
p.message{max-width:42rem;font-size:1.125rem;color:#334155;margin:0 0 1.5rem}
.actions{display:flex;flex-wrap:wrap;gap:.75rem}
.button{display:inline-flex;align-items:center;min-height:2.75rem;padding:.5rem 1rem;border:2px solid #1e40af;border-radius:.375rem;font-weight:600;text-decoration:none;background:#1e40af;color:#fff}
.button.secondary{background:#fff;color:#1e40af}
footer{border-top:1px solid #cbd5e1;background:#f1f5f9;font-size:.875rem;color:#334155}
footer .wrap{padding-top:1.5rem;padding-bottom:1.5rem}
`;

const PORTALS: readonly TWayBack[] = [
  { href: "/patient", label: "Patient" },
  { href: "/pro", label: "Professionnel" },
  { href: "/hopital", label: "Hôpital" },
];

/** The whole page: the site's header, the refusal and its ways back, the site's footer. */
export function refusalPageHtml(refusal: TRefusal): string {
  const links = refusal.wayBack
    .map((link, index) => `<a class="button${index === 0 ? "" : " secondary"}" href="${escapeHtml(link.href)}">${escapeHtml(link.label)}</a>`)
    .join("");
  const portals = PORTALS.map((p) => `<li><a href="${p.href}">${escapeHtml(p.label)}</a></li>`).join("");
  return `<!DOCTYPE html>
<html lang="fr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex, nofollow">
<title>${escapeHtml(refusal.title)} · DMP — simulateur</title>
<style>${STYLE}</style>
</head>
<body>
<header><div class="wrap"><a class="brand" href="/"><span aria-hidden="true">DMP</span>DMP — simulateur</a><nav aria-label="Portails"><ul>${portals}</ul></nav></div></header>
<main id="contenu"><div class="wrap">
<h1>${escapeHtml(refusal.title)}</h1>
<p class="message">${escapeHtml(refusal.message)}</p>
<div class="actions">${links}</div>
</div></main>
<footer><div class="wrap"><p><strong>Simulateur.</strong> Ce site n'est pas Mon espace santé : il reproduit le fonctionnement du Dossier Médical Partagé à des fins de démonstration et de test.</p></div></footer>
</body>
</html>
`;
}

/** The refusal as a page for a browser, as a sentence for any other client; never cached. */
export function refusalResponse(request: Request, refusal: TRefusal): Response {
  const headers = { "Cache-Control": "private, no-store", "X-Content-Type-Options": "nosniff" };
  if (isBrowserNavigation(request)) {
    return new Response(refusalPageHtml(refusal), { status: refusal.status, headers: { ...headers, "Content-Type": "text/html; charset=utf-8" } });
  }
  return new Response(`${refusal.title} : ${refusal.message}`, { status: refusal.status, headers: { ...headers, "Content-Type": "text/plain; charset=utf-8" } });
}
