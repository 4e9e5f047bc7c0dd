import "server-only";
import nodemailer, { type Transporter } from "nodemailer";
import { startEmbeddedSmtp } from "./embedded-smtp";

export const MAIL_FROM = process.env.MAIL_FROM || "Mon espace santé (simulateur) <ne-pas-repondre@dmp-simulateur.test>";

const globalForMail = globalThis as unknown as { dmpMailTransport?: Promise<Transporter> };

/** SMTP_URL when set; otherwise the embedded development server (started on demand). */
export function usesEmbeddedSmtp(): boolean {
  return !process.env.SMTP_URL || process.env.SMTP_URL.trim() === "";
}

async function createTransport(): Promise<Transporter> {
  if (!usesEmbeddedSmtp()) return nodemailer.createTransport(process.env.SMTP_URL as string);
  const { port } = await startEmbeddedSmtp();
  return nodemailer.createTransport({ host: "127.0.0.1", port, secure: false, ignoreTLS: true });
}

function transport(): Promise<Transporter> {
  if (!globalForMail.dmpMailTransport) {
    globalForMail.dmpMailTransport = createTransport().catch((error: unknown) => {
      globalForMail.dmpMailTransport = undefined;
      throw error;
    });
  }
  return globalForMail.dmpMailTransport;
}

export type TMail = { to: string; subject: string; text: string };

/** Sends a plain-text mail over SMTP (nodemailer). Resolves once the server accepted it. */
export async function sendMail(mail: TMail): Promise<void> {
  const t = await transport();
  await t.sendMail({ from: MAIL_FROM, to: mail.to, subject: mail.subject, text: mail.text });
}
