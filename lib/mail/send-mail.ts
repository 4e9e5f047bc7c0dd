import "server-only";
import { currentNamespace } from "@/lib/clock/namespace-scope";
import nodemailer, { type Transporter } from "nodemailer";
import type { OtpPurpose } from "@/lib/generated/prisma/enums";
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

/** The one-time code a mail carries, said by headers so the development inbox never guesses it from the text. */
export type TMailOtp = { code: string; purpose: OtpPurpose };

export type TMail = { to: string; subject: string; text: string; otp?: TMailOtp };

export const OTP_CODE_HEADER = "X-Dmp-Otp-Code";
export const OTP_PURPOSE_HEADER = "X-Dmp-Otp-Purpose";
/** The sandbox namespace the sending request runs in (issue 12), for the development inbox. */
export const NAMESPACE_ID_HEADER = "X-Dmp-Espace-Id";

/** Sends a plain-text mail over SMTP (nodemailer). Resolves once the server accepted it. */
export async function sendMail(mail: TMail): Promise<void> {
  const t = await transport();
  const namespaceId = currentNamespace();
  const headers = {
    ...(mail.otp ? { [OTP_CODE_HEADER]: mail.otp.code, [OTP_PURPOSE_HEADER]: mail.otp.purpose } : {}),
    ...(namespaceId ? { [NAMESPACE_ID_HEADER]: namespaceId } : {}),
  };
  await t.sendMail({ from: MAIL_FROM, to: mail.to, subject: mail.subject, text: mail.text, headers });
}
