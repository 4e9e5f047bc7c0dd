import { createHash } from "node:crypto";

/**
 * The one HTML shell of the pages answered without the framework: a route handler's
 * refusal (refusal-page.ts) and the server's overload answer (lib/server/overload-response.ts).
 * Neither can reach the built stylesheet, so the page carries the site's colours and
 * sizes (app/layout.tsx, components/ui) inline, with the hash a CSP can allow.
 */

export type TPageLink = { href: string; label: string };

const ENTITIES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ENTITIES[c] ?? c);
}

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
a:focus-visible{outline:3px solid #1d4ed8;outline-offset:2px}
footer{border-top:1px solid #cbd5e1;background:#f1f5f9;font-size:.875rem;color:#334155}
footer .wrap{padding-top:1.5rem;padding-bottom:1.5rem}
`.trim();

/** For a page with no script at all: only its own inline style. */
export const STANDALONE_PAGE_CSP = `default-src 'none'; style-src 'sha256-${createHash("sha256").update(STYLE, "utf8").digest("base64")}'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'`;

const PORTALS: readonly TPageLink[] = [
  { href: "/patient", label: "Patient" },
  { href: "/pro", label: "Professionnel" },
  { href: "/hopital", label: "Hôpital" },
];

/** The whole page: the site's header (with the portals when asked), a heading, a message, its links (the first as the main action), the site's footer. */
export function standalonePageHtml(page: { title: string; message: string; links: readonly TPageLink[]; portals?: boolean }): string {
  const links = page.links
    .map((link, index) => `<a class="button${index === 0 ? "" : " secondary"}" href="${escapeHtml(link.href)}">${escapeHtml(link.label)}</a>`)
    .join("");
  const nav = page.portals ? `<nav aria-label="Portails"><ul>${PORTALS.map((p) => `<li><a href="${p.href}">${escapeHtml(p.label)}</a></li>`).join("")}</ul></nav>` : "";
  return `<!DOCTYPE html>
<html lang="fr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex, nofollow">
<title>${escapeHtml(page.title)} · DMP — simulateur</title>
<style>${STYLE}</style>
</head>
<body>
<header><div class="wrap"><a class="brand" href="/"><span aria-hidden="true">DMP</span>DMP — simulateur</a>${nav}</div></header>
<main id="contenu"><div class="wrap">
<h1>${escapeHtml(page.title)}</h1>
<p class="message">${escapeHtml(page.message)}</p>
<div class="actions">${links}</div>
</div></main>
<footer><div class="wrap"><p><strong>Simulateur.</strong> Ce site n'est pas Mon espace santé : il reproduit le fonctionnement du Dossier Médical Partagé à des fins de démonstration et de test, avec des données fictives.</p></div></footer>
</body>
</html>
`;
}
