import { describe, expect, it } from "vitest";
import { isBrowserNavigation, refusalPageHtml, refusalResponse, type TRefusal } from "./refusal-page";
import { PATIENT_DOCUMENT_NOT_FOUND, PRO_SIGN_IN_REQUIRED, proDocumentNotFound } from "./portal-refusals";

const BROWSER_ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8";
const navigation = (url = "http://localhost:3000/patient/documents/x/contenu") => new Request(url, { headers: { accept: BROWSER_ACCEPT } });
const script = (url = "http://localhost:3000/patient/documents/x/contenu") => new Request(url, { headers: { accept: "*/*" } });

describe("isBrowserNavigation", () => {
  it("tells a browser following a link from a script or an API client", () => {
    expect(isBrowserNavigation(navigation())).toBe(true);
    expect(isBrowserNavigation(script())).toBe(false);
    expect(isBrowserNavigation(new Request("http://localhost:3000/x"))).toBe(false);
    expect(isBrowserNavigation(new Request("http://localhost:3000/x", { headers: { accept: "application/fhir+json" } }))).toBe(false);
  });
});

describe("refusalResponse", () => {
  it("answers a browser with a French page of the site: status, heading, message and way back", async () => {
    const response = refusalResponse(navigation(), PATIENT_DOCUMENT_NOT_FOUND);
    expect(response.status).toBe(404);
    expect(response.headers.get("content-type")).toBe("text/html; charset=utf-8");
    expect(response.headers.get("cache-control")).toBe("private, no-store");
    const html = await response.text();
    expect(html).toMatch(/^<!DOCTYPE html>\n<html lang="fr">/);
    expect(html).toContain("<title>Document introuvable · DMP — simulateur</title>");
    expect(html).toContain("<h1>Document introuvable</h1>");
    expect(html).toContain('<a class="button" href="/patient/documents">Retour à mes documents</a>');
    expect(html).toContain('<main id="contenu">');
  });

  it("answers any other client with the same sentence as plain text, and the same status", async () => {
    const response = refusalResponse(script(), PRO_SIGN_IN_REQUIRED);
    expect(response.status).toBe(401);
    expect(response.headers.get("content-type")).toBe("text/plain; charset=utf-8");
    expect(await response.text()).toBe("Connexion requise : Vous devez vous identifier avec votre carte CPS pour ouvrir ce document.");
  });

  it("escapes what comes from the address before writing it into the page", () => {
    const refusal: TRefusal = { status: 404, title: "<script>", message: "a & b", wayBack: [{ href: '/x"><script>alert(1)</script>', label: "Retour" }] };
    const html = refusalPageHtml(refusal);
    expect(html).not.toContain("<script>");
    expect(html).toContain("<h1>&lt;script&gt;</h1>");
    expect(html).toContain('href="/x&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;"');
    expect(html).toContain("a &amp; b");
  });
});

describe("proDocumentNotFound", () => {
  it("leads back to the record only when the record is open to the professional, else to the search", () => {
    expect(proDocumentNotFound({ patientId: "p 1", readable: true }).wayBack.map((l) => [l.href, l.label])).toEqual([
      ["/pro/patients/p%201", "Retour au dossier"],
      ["/pro", "Rechercher un patient"],
    ]);
    expect(proDocumentNotFound({ patientId: "p1", readable: false }).wayBack).toEqual([{ href: "/pro", label: "Rechercher un patient" }]);
    expect(refusalPageHtml(proDocumentNotFound({ patientId: "p1", readable: false }))).not.toContain("p1");
  });
});
