import "server-only";
import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";
import { simpleParser, type AddressObject } from "mailparser";
import { prisma } from "@/lib/db/client";
import { OtpPurpose } from "@/lib/generated/prisma/enums";
import { namespaceOfMessage } from "@/lib/sandbox/message-namespace";

/** The code and purpose the sender declared (send-mail.ts headers), when both are well formed. */
function declaredOtp(headers: Map<string, unknown>): { otpCode: string; otpPurpose: OtpPurpose } | null {
  const code = headers.get("x-dmp-otp-code");
  const purpose = headers.get("x-dmp-otp-purpose");
  if (typeof code !== "string" || !/^\d{6}$/.test(code.trim())) return null;
  if (typeof purpose !== "string" || !(Object.values(OtpPurpose) as string[]).includes(purpose.trim())) return null;
  return { otpCode: code.trim(), otpPurpose: purpose.trim() as OtpPurpose };
}

type TEmbeddedSmtp = { port: number; server: SMTPServer };

// One server per process, even when several bundles load this module.
const globalForSmtp = globalThis as unknown as { dmpEmbeddedSmtp?: Promise<TEmbeddedSmtp> };

function addressesOf(value: AddressObject | AddressObject[] | undefined): string[] {
  if (!value) return [];
  const list = Array.isArray(value) ? value : [value];
  return list.flatMap((a) => a.value.map((v) => v.address ?? "")).filter((a) => a !== "");
}

/** EMBEDDED_SMTP_PORT when set (lib/server/serve.ts), else any free port. */
function embeddedSmtpPort(): number {
  const port = Number(process.env.EMBEDDED_SMTP_PORT);
  return Number.isInteger(port) && port > 0 && port < 65536 ? port : 0;
}

/**
 * The development mail server: smtp-server on 127.0.0.1, a free port, no authentication
 * and no STARTTLS. Every message received is parsed and stored as a MailMessage row,
 * shown on /dev/mails. Started once per process (lib/jobs, or the first mail sent).
 */
export function startEmbeddedSmtp(): Promise<TEmbeddedSmtp> {
  if (!globalForSmtp.dmpEmbeddedSmtp) {
    globalForSmtp.dmpEmbeddedSmtp = new Promise<TEmbeddedSmtp>((resolve, reject) => {
      const server = new SMTPServer({
        authOptional: true,
        disabledCommands: ["AUTH", "STARTTLS"],
        hideSTARTTLS: true,
        logger: false,
        banner: "DMP simulateur - serveur de courriel de développement",
        onData(stream, session, callback) {
          simpleParser(stream)
            .then(async (mail) => {
              const envelopeTo = session.envelope.rcptTo.map((r) => r.address);
              const recipients = envelopeTo.length > 0 ? envelopeTo : addressesOf(mail.to);
              const sender = addressesOf(mail.from)[0] ?? (session.envelope.mailFrom ? session.envelope.mailFrom.address : "");
              const otp = declaredOtp(mail.headers);
              const declared = mail.headers.get("x-dmp-espace-id");
              for (const recipient of recipients) {
                const namespaceId = await namespaceOfMessage(prisma, recipient, typeof declared === "string" && declared.trim() !== "" ? declared.trim() : null);
                await prisma.mailMessage.create({
                  data: { recipient: recipient.toLowerCase(), sender, subject: mail.subject ?? "", text: mail.text ?? "", ...otp, namespaceId },
                });
              }
              callback();
            })
            .catch((error: unknown) => callback(error instanceof Error ? error : new Error("Message illisible")));
        },
      });
      server.on("error", (error) => console.error("Serveur SMTP embarqué :", error.message));
      // `npm run serve` with several processes: the jobs process listens on the port the
      // primary chose, the others send there (SMTP_URL), so one inbox server, never a clash.
      server.listen(embeddedSmtpPort(), "127.0.0.1", () => {
        const address = server.server.address() as AddressInfo;
        resolve({ port: address.port, server });
      });
      server.server.once("error", reject);
    }).catch((error: unknown) => {
      globalForSmtp.dmpEmbeddedSmtp = undefined;
      throw error;
    });
  }
  return globalForSmtp.dmpEmbeddedSmtp;
}
