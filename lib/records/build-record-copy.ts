import JSZip from "jszip";
import { PDFDocument, StandardFonts, rgb, type PDFFont, type PDFPage } from "pdf-lib";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { documentWhere } from "@/lib/access/document-where";
import { appendTrace } from "@/lib/traces/append-trace";
import { traceActorFields } from "@/lib/traces/actor-fields";
import { accessModeLabel, parseTraceFilters, selectPatientSideTraces } from "@/lib/traces/find-traces";
import { traceActionLabel } from "@/lib/traces/trace-actions";
import { documentTypeLabel } from "@/lib/reference/document-types";
import { maskingLabels } from "@/lib/reference/masking";
import { openRecord } from "@/lib/record-door/open-record";
import type { TPatientSideActor } from "@/lib/record-door/patient-command";
import { platformNow } from "@/lib/clock/clock";
import { loadHealthProfile } from "@/lib/health-profile/get-health-profile";
import { healthProfileJson, healthProfileLines } from "@/lib/health-profile/profile-export";
import { agree, bornOn, ofName, plural } from "@/lib/text/french";

const DATE = new Intl.DateTimeFormat("fr-FR", { dateStyle: "short", timeZone: "Europe/Paris" });
const DATE_TIME = new Intl.DateTimeFormat("fr-FR", { dateStyle: "short", timeStyle: "short", timeZone: "Europe/Paris" });

/** The standard PDF fonts encode WinAnsi only: replace what they cannot draw. */
export function toWinAnsi(text: string): string {
  return text
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/[\u201C\u201D\u00AB\u00BB]/g, '"')
    .replace(/\u2026/g, "...")
    .replace(/[\u2013\u2014]/g, "-")
    .replace(/\u2022/g, "-")
    .replace(/[\u00A0\u202F]/g, " ")
    .replace(/[^\x20-\x7E\u00A1-\u00FF\u0152\u0153]/g, "?");
}

class PdfWriter {
  private page!: PDFPage;
  private y = 0;
  constructor(
    private readonly pdf: PDFDocument,
    private readonly font: PDFFont,
    private readonly bold: PDFFont,
  ) {
    this.newPage();
  }
  private newPage() {
    this.page = this.pdf.addPage([595.28, 841.89]);
    this.y = 800;
  }
  line(text: string, options: { size?: number; bold?: boolean; indent?: number; gap?: number } = {}) {
    const size = options.size ?? 10;
    const font = options.bold ? this.bold : this.font;
    const maxWidth = 515 - (options.indent ?? 0);
    const words = toWinAnsi(text).split(/\s+/);
    let current = "";
    const lines: string[] = [];
    for (const word of words) {
      const candidate = current ? `${current} ${word}` : word;
      if (font.widthOfTextAtSize(candidate, size) > maxWidth && current) {
        lines.push(current);
        current = word;
      } else current = candidate;
    }
    lines.push(current);
    for (const l of lines) {
      if (this.y < 50) this.newPage();
      this.page.drawText(l, { x: 40 + (options.indent ?? 0), y: this.y, size, font, color: rgb(0.1, 0.1, 0.15) });
      this.y -= size + 4;
    }
    this.y -= options.gap ?? 0;
  }
}

function safeFileName(name: string): string {
  return name
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^a-zA-Z0-9._-]+/g, "-")
    .replace(/-{2,}/g, "-").replace(/^-|-$/g, "")
    .slice(0, 80);
}

const EXTENSIONS: Record<string, string> = { "application/pdf": "pdf", "image/png": "png", "image/jpeg": "jpg", "text/plain": "txt", "text/xml": "xml", "application/xml": "xml" };

/**
 * The full copy of a record as the requester may see it: every visible document (with
 * its content), a PDF summary (identity, settings, health profile, documents, traces) and the
 * health profile as data (profil-medical.json). Traced.
 */
export async function buildRecordCopy(prisma: PrismaClient, actor: TPatientSideActor, now: Date = platformNow()): Promise<{ fileName: string; data: Uint8Array }> {
  const { ctx } = await openRecord(prisma, actor, actor.patientId);
  const [patient, documents, traces, profile] = await Promise.all([
    prisma.patient.findUniqueOrThrow({
      where: { id: ctx.patientId },
      include: { treatingDoctor: true, emergencyContacts: true },
    }),
    prisma.document.findMany({
      where: documentWhere(actor, ctx),
      orderBy: [{ serviceDate: "desc" }, { id: "desc" }],
      include: { author: true, structure: true, content: true },
    }),
    selectPatientSideTraces(prisma, actor, ctx, parseTraceFilters({}), { take: 5000, skip: 0 }),
    loadHealthProfile(prisma, actor, ctx, now),
  ]);

  const zip = new JSZip();
  const used = new Set<string>();
  const listed: { name: string; title: string }[] = [];
  for (const d of documents) {
    if (!d.content) continue;
    const base = `${d.serviceDate.toISOString().slice(0, 10)}-${safeFileName(d.title) || "document"}`;
    let name = `documents/${base}.${EXTENSIONS[d.mediaType] ?? "bin"}`;
    for (let i = 2; used.has(name); i += 1) name = `documents/${base}-${i}.${EXTENSIONS[d.mediaType] ?? "bin"}`;
    used.add(name);
    zip.file(name, d.content.data);
    listed.push({ name, title: d.title });
  }

  const pdf = await PDFDocument.create();
  pdf.setTitle(toWinAnsi(`Copie du DMP ${ofName(`${patient.firstName} ${patient.lastName}`)}`));
  pdf.setCreationDate(now);
  const w = new PdfWriter(pdf, await pdf.embedFont(StandardFonts.Helvetica), await pdf.embedFont(StandardFonts.HelveticaBold));
  w.line("Dossier Médical Partagé - copie intégrale (simulateur)", { size: 16, bold: true, gap: 6 });
  w.line(`Établie le ${DATE_TIME.format(now)} à la demande ${ofName(actor.name)}${actor.kind === "LEGAL_REPRESENTATIVE" ? " (représentant légal)" : ""}.`, { gap: 8 });
  w.line("Identité", { size: 13, bold: true });
  w.line(`${patient.firstName} ${patient.lastName}${patient.birthName ? ` (${agree(patient.sex, "né", "née")} ${patient.birthName})` : ""}, ${bornOn(patient.sex, patient.birthDate)}`);
  w.line(`Dossier ${patient.recordStatus === "OPEN" ? "ouvert" : "fermé"} ; ouvert le ${DATE.format(patient.recordOpenedAt)}`);
  if (patient.closedAt) w.line(`Fermé le ${DATE.format(patient.closedAt)} ; suppression prévue le ${patient.deletionPlannedAt ? DATE.format(patient.deletionPlannedAt) : "-"}`);
  w.line(`Médecin traitant : ${patient.treatingDoctor ? [patient.treatingDoctor.title, patient.treatingDoctor.firstName, patient.treatingDoctor.lastName].filter(Boolean).join(" ") : "non désigné"}`);
  w.line(`Accès en urgence (bris de glace) : ${patient.breakGlassAllowed ? "autorisé" : "refusé"} ; SAMU-Centre 15 : ${patient.samuAllowed ? "autorisé" : "refusé"}`);
  w.line(`Coordonnées : ${patient.email ?? "pas de courriel"} ; ${patient.phone ?? "pas de mobile"}`, { gap: 4 });
  for (const c of patient.emergencyContacts) w.line(`Personne à prévenir : ${c.name} (${c.relationship}), ${c.phone}`);
  w.line("", { gap: 4 });
  w.line("Profil médical", { size: 13, bold: true });
  for (const l of healthProfileLines(profile)) w.line(l, { size: 9, indent: 6 });
  w.line("", { gap: 4 });
  w.line(`Documents (${documents.length})`, { size: 13, bold: true });
  for (const d of documents) {
    const author = d.author ? [d.author.title, d.author.firstName, d.author.lastName].filter(Boolean).join(" ") : d.source === "PATIENT" ? "Déposé par le patient" : "-";
    w.line(`${DATE.format(d.serviceDate)} - ${d.title}`, { bold: true, indent: 6 });
    w.line(`${documentTypeLabel(d.typeCode)} ; ${author}${d.structure ? ` ; ${d.structure.name}` : ""} ; ${maskingLabels(d).join(", ")}${d.opposedAt ? " ; opposition du patient" : ""}`, { indent: 12, size: 9 });
  }
  w.line("", { gap: 4 });
  w.line(`Historique des accès (${traces.length})`, { size: 13, bold: true });
  for (const t of traces) {
    w.line(
      `${DATE_TIME.format(t.at)} - ${t.actorName}${t.actorStructure ? ` (${t.actorStructure})` : ""} - ${traceActionLabel(t.action)} - ${accessModeLabel(t.mode)}${t.justification ? ` - justification : ${t.justification}` : ""} - ${t.outcome === "ALLOWED" ? "autorisé" : "refusé"}`,
      { size: 8, indent: 6 },
    );
  }
  zip.file("synthese-du-dossier.pdf", await pdf.save());
  zip.file("profil-medical.json", JSON.stringify(healthProfileJson(profile), null, 2));
  zip.file(
    "LISEZMOI.txt",
    `Copie du DMP ${ofName(`${patient.firstName} ${patient.lastName}`)}, établie le ${DATE_TIME.format(now)}.\r\n` +
      `synthese-du-dossier.pdf : synthèse du dossier et historique des accès.\r\n` +
      `profil-medical.json : profil médical (antécédents, allergies, traitements, vaccinations, mesures, informations d'urgence).\r\n` +
      listed.map((l) => `${l.name} : ${l.title}`).join("\r\n") +
      "\r\n",
  );
  const data = await zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
  await appendTrace(prisma, { patientId: ctx.patientId, ...traceActorFields(actor), action: "RECORD_COPY", detail: plural(listed.length, "document", "documents"), at: now });
  return { fileName: `copie-dmp-${safeFileName(patient.lastName.toLowerCase())}-${now.toISOString().slice(0, 10)}.zip`, data };
}
