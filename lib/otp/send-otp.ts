import "server-only";
import type { OtpChannel, OtpPurpose } from "@/lib/generated/prisma/enums";
import { prisma } from "@/lib/db/client";
import { sendMail } from "@/lib/mail/send-mail";
import { sendSms } from "@/lib/sms/send-sms";

const PURPOSE_TEXT: Record<OtpPurpose, string> = {
  LOGIN: "pour vous connecter à votre DMP",
  SIGNUP: "pour confirmer vos coordonnées et ouvrir votre DMP",
  PASSWORD_RESET: "pour réinitialiser votre mot de passe",
  CONTACT_CHANGE: "pour confirmer vos nouvelles coordonnées",
};

/** Sends a one-time code by e-mail (SMTP) or SMS (outbox). */
export async function sendOtp(channel: OtpChannel, destination: string, code: string, purpose: OtpPurpose): Promise<void> {
  const sentence = `Votre code à usage unique ${PURPOSE_TEXT[purpose]} : ${code}. Il est valable 5 minutes. Ne le communiquez à personne.`;
  if (channel === "SMS") {
    await sendSms(prisma, { to: destination, body: `Mon espace santé (simulateur). ${sentence}`, otp: { code, purpose } });
    return;
  }
  await sendMail({
    to: destination,
    subject: `Votre code à usage unique : ${code}`,
    text: `Bonjour,\n\n${sentence}\n\nSi vous n'êtes pas à l'origine de cette demande, ignorez ce message.\n\nMon espace santé (simulateur)`,
    otp: { code, purpose },
  });
}
