import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { OVERLOAD_MESSAGE, overloadAnswer } from "./overload-response";

const head = (url: string, headers: Record<string, string> = {}) => ({ method: "GET", url, headers });

describe("overloadAnswer", () => {
  it("gives a browser a French page whose only style is the one its CSP allows", () => {
    const answer = overloadAnswer(head("/patient/documents?page=2", { accept: "text/html" }), 3);
    expect(answer.status).toBe(503);
    expect(answer.headers["Retry-After"]).toBe("3");
    expect(answer.headers["Content-Type"]).toBe("text/html; charset=utf-8");
    expect(answer.body).toContain("<h1>Service momentanément surchargé</h1>");
    expect(answer.body).toContain("Réessayez dans 3 secondes.");
    expect(answer.body).toContain('<a class="button" href="/patient/documents?page=2">Réessayer</a>');
    const style = /<style>([\s\S]*?)<\/style>/.exec(answer.body)?.[1] ?? "";
    const hash = createHash("sha256").update(style, "utf8").digest("base64");
    expect(answer.headers["Content-Security-Policy"]).toContain(`style-src 'sha256-${hash}'`);
    expect(answer.headers["Content-Security-Policy"]).toContain("default-src 'none'");
    expect(answer.body).not.toContain("<script");
  });

  it("never offers to retry another site, nor a form's POST", () => {
    expect(overloadAnswer(head("//ailleurs.example/x", { accept: "text/html" }), 1).body).toContain('<a class="button" href="/">Réessayer</a>');
    const post = overloadAnswer({ method: "POST", url: "/patient/masquage", headers: { accept: "text/html" } }, 1);
    expect(post.body).toContain('<a class="button" href="/">Réessayer</a>');
    expect(post.body).toContain("Réessayez dans 1 seconde.");
  });

  it("answers the FHIR API with an OperationOutcome in the negotiated format, the other APIs in JSON", () => {
    const json = overloadAnswer(head("/api/fhir/DocumentReference?patient.identifier=x"), 2);
    expect(json.headers["Content-Type"]).toBe("application/fhir+json; charset=utf-8");
    expect(JSON.parse(json.body)).toMatchObject({ resourceType: "OperationOutcome", issue: [{ code: "throttled", diagnostics: OVERLOAD_MESSAGE }] });
    const xml = overloadAnswer(head("/api/fhir/DocumentReference", { accept: "application/fhir+xml" }), 2);
    expect(xml.headers["Content-Type"]).toBe("application/fhir+xml; charset=utf-8");
    expect(xml.body).toContain("<OperationOutcome");
    const api = overloadAnswer(head("/api/sandbox/patients"), 2);
    expect(JSON.parse(api.body)).toEqual({ error: OVERLOAD_MESSAGE });
  });
});
