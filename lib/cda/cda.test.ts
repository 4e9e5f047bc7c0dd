import { describe, expect, it } from "vitest";
import { buildNir } from "@/lib/identity/nir";
import { buildCda, type TCdaBuildInput } from "./build-cda";
import { checkCdaAgainstMetadata, type TCdaMetadata } from "./check-against-metadata";
import { parseCda } from "./parse-cda";
import { hostileSection, sampleVsmSections, tinyPdf } from "./sample-documents";

const NIR = buildNir({ sex: "M", birthDate: "1985-05-12", place: "75111", order: 5 });
const OTHER_NIR = buildNir({ sex: "F", birthDate: "1990-01-01", place: "75111", order: 17 });
const CREATED = new Date("2026-01-04T09:30:15.000Z");

function input(overrides: Partial<TCdaBuildInput> = {}): TCdaBuildInput {
  return {
    uniqueId: "urn:uuid:6f1c1d52-9d6f-4b39-9b4e-1a2b3c4d5e6f",
    typeCode: "60591-5",
    title: "Synthèse médicale",
    createdAt: CREATED,
    serviceDate: "2026-01-03",
    patient: { nir: NIR, birthDate: "1985-05-12", family: "MARTIN", given: "Paul", sex: "M" },
    author: { idNat: "810001234567", family: "DURAND", given: "Claire", prefix: "Dr" },
    custodian: { finess: "750000001", name: "Cabinet du Dr Durand" },
    body: { kind: "structured", volet: "vsm", sections: sampleVsmSections() },
    ...overrides,
  };
}

function bytes(xml: string): Uint8Array {
  return new TextEncoder().encode(xml);
}

const META: TCdaMetadata = {
  nir: NIR,
  birthDate: "1985-05-12",
  typeCode: "60591-5",
  authorIdNat: "810001234567",
  date: CREATED.toISOString(),
  serviceStart: "2026-01-03",
  formatCode: "urn:asip:ci-sis:vsm:2012",
};

describe("parseCda", () => {
  it("reads the header and the structured body of a VSM", () => {
    const result = parseCda(bytes(buildCda(input())));
    if (!result.ok) throw new Error(result.message);
    const cda = result.document;
    expect(cda.patient).toEqual({ insOid: "1.2.250.1.213.1.4.8", nir: NIR, birthDate: "1985-05-12" });
    expect(cda.authorIdNats).toEqual(["810001234567"]);
    expect(cda.authorNames).toEqual(["Dr Claire DURAND"]);
    expect(cda.typeCode).toBe("60591-5");
    expect(cda.effectiveTime.instant?.toISOString()).toBe("2026-01-04T09:30:15.000Z");
    expect(cda.serviceStart?.day).toBe("2026-01-03");
    if (cda.body.kind !== "structured") throw new Error("structured body expected");
    expect(cda.body.sections.map((s) => s.title)).toEqual(["Pathologies en cours", "Antécédents médicaux", "Allergies et intolérances", "Traitements au long cours"]);
    expect(cda.body.sections[0]?.text).toEqual([{ kind: "list", ordered: false, items: [[{ kind: "text", text: "Diabète de type 2 équilibré sous traitement oral" }], [{ kind: "text", text: "Hypertension artérielle" }]] }]);
    const table = cda.body.sections[3]?.text[0];
    expect(table?.kind === "table" && table.rows.map((r) => r.cells.length)).toEqual([3, 3, 3]);
    expect(table?.kind === "table" && table.rows[0]?.isHead).toBe(true);
  });

  it("extracts the PDF of a nonXMLBody (structuration minimale)", () => {
    const result = parseCda(bytes(buildCda(input({ typeCode: "34112-3", body: { kind: "pdf", pdf: tinyPdf() } }))));
    if (!result.ok) throw new Error(result.message);
    expect(result.document.body.kind).toBe("pdf");
    expect(result.document.body.kind === "pdf" && Buffer.from(result.document.body.pdf).equals(Buffer.from(tinyPdf()))).toBe(true);
  });

  it("keeps only the text of script, markup and event handlers in the narrative", () => {
    const result = parseCda(bytes(buildCda(input({ body: { kind: "structured", volet: "vsm", sections: [hostileSection()] } }))));
    if (!result.ok) throw new Error(result.message);
    const serialized = JSON.stringify(result.document.body);
    expect(serialized).toContain("visible");
    expect(serialized).toContain("Fin du texte piégé.");
    expect(serialized).not.toMatch(/alert|onload|onclick|onerror|__cdaScriptRan|img/);
  });

  it("refuses a DOCTYPE, custom entities (XXE, entity expansion) and malformed XML", () => {
    const xxe = `<?xml version="1.0"?><!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]><ClinicalDocument xmlns="urn:hl7-org:v3">&x;</ClinicalDocument>`;
    const bomb = `<?xml version="1.0"?><!DOCTYPE d [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]><ClinicalDocument xmlns="urn:hl7-org:v3">&b;</ClinicalDocument>`;
    const undefinedEntity = `<ClinicalDocument xmlns="urn:hl7-org:v3">&x;</ClinicalDocument>`;
    for (const xml of [xxe, bomb, undefinedEntity, "<ClinicalDocument", "pas du XML"]) {
      const result = parseCda(bytes(xml));
      expect(result.ok).toBe(false);
    }
    const withDoctype = parseCda(bytes(`<!DOCTYPE ClinicalDocument><ClinicalDocument xmlns="urn:hl7-org:v3"/>`));
    expect(!withDoctype.ok && withDoctype.message).toMatch(/DOCTYPE/);
  });

  it("refuses another root, another namespace, a huge input and non UTF-8 bytes", () => {
    expect(parseCda(bytes(`<Document xmlns="urn:hl7-org:v3"/>`))).toMatchObject({ ok: false, message: expect.stringMatching(/ClinicalDocument/) });
    expect(parseCda(bytes(`<ClinicalDocument xmlns="urn:autre"/>`))).toMatchObject({ ok: false, message: expect.stringMatching(/urn:hl7-org:v3/) });
    expect(parseCda(new Uint8Array(10 * 1024 * 1024 + 1))).toMatchObject({ ok: false, message: expect.stringMatching(/10 Mo/) });
    expect(parseCda(new Uint8Array([0x3c, 0xff, 0xfe, 0x3e]))).toMatchObject({ ok: false, message: expect.stringMatching(/UTF-8/) });
  });

  it("survives a deeply nested document with a message", () => {
    const deep = `<ClinicalDocument xmlns="urn:hl7-org:v3">${"<a>".repeat(100_000)}${"</a>".repeat(100_000)}</ClinicalDocument>`;
    expect(parseCda(bytes(deep))).toMatchObject({ ok: false, message: expect.stringMatching(/imbrication XML trop profonde/) });
  });
});

describe("checkCdaAgainstMetadata", () => {
  const vsm = bytes(buildCda(input()));

  it("accepts a CDA that says what its DocumentReference says", () => {
    expect(checkCdaAgainstMetadata(vsm, META).ok).toBe(true);
    const pdf = bytes(buildCda(input({ typeCode: "34112-3", body: { kind: "pdf", pdf: tinyPdf() } })));
    expect(checkCdaAgainstMetadata(pdf, { ...META, typeCode: "34112-3", formatCode: "urn:ihe:iti:xds-sd:pdf:2008" }).ok).toBe(true);
  });

  it.each([
    ["the INS", { nir: OTHER_NIR }, /l'INS du patient diffère \(CDA : \d+, DocumentReference : \d+\)/],
    ["the birth date", { birthDate: "1985-05-13" }, /date de naissance du patient diffère \(CDA : 12\/05\/1985, DocumentReference : 13\/05\/1985\)/],
    ["the author", { authorIdNat: "810009999999" }, /l'auteur diffère \(CDA : 810001234567, DocumentReference : 810009999999\)/],
    ["the type", { typeCode: "34112-3" }, /le type de document diffère \(CDA code\/@code : 60591-5, DocumentReference.type : 34112-3\)/],
    ["the date", { date: "2026-01-05T09:30:15Z" }, /la date du document diffère \(CDA effectiveTime : 20260104093015\+0000/],
    ["the act date", { serviceStart: "2026-01-02" }, /la date de l'acte diffère/],
    ["the body kind", { formatCode: "urn:ihe:iti:xds-sd:pdf:2008" }, /annonce un PDF dans component\/nonXMLBody/],
    ["an unknown formatCode", { formatCode: "urn:inconnu" }, /n'est pas un formatCode CDA accepté/],
    ["a missing formatCode", { formatCode: undefined }, /formatCode CI-SIS obligatoire/],
  ])("refuses a CDA whose metadata disagree on %s, naming it in French", (_what, overrides, message) => {
    const result = checkCdaAgainstMetadata(vsm, { ...META, ...overrides });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.message).toMatch(message);
  });

  it("compares dates as instants, or as Paris days when one side has no time", () => {
    expect(checkCdaAgainstMetadata(vsm, { ...META, date: "2026-01-04T10:30:15+01:00" }).ok).toBe(true);
    expect(checkCdaAgainstMetadata(vsm, { ...META, date: "2026-01-04" }).ok).toBe(true);
    expect(checkCdaAgainstMetadata(vsm, { ...META, serviceStart: "2026-01-03T23:30:00Z" }).ok).toBe(false);
    expect(checkCdaAgainstMetadata(vsm, { ...META, serviceStart: "2026-01-02T23:30:00Z" }).ok).toBe(true);
  });

  it("names every disagreement at once", () => {
    const result = checkCdaAgainstMetadata(vsm, { ...META, nir: OTHER_NIR, typeCode: "34112-3" });
    expect(!result.ok && result.message).toMatch(/INS.*; le type de document/);
  });
});
