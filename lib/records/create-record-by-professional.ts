import { randomInt } from "node:crypto";
import { sameNamespaceWhere } from "@/lib/access/sandbox-namespace";
import { z } from "zod";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { TProfessionalActor } from "@/lib/access/actor";
import { hashPassword, passwordPolicyErrors } from "@/lib/auth/password";
import { AppError } from "@/lib/errors/app-error";
import { normalizePhone, sendSms } from "@/lib/sms/send-sms";
import { createRecord, isLoginTakenError } from "./create-record";
import { platformNow } from "@/lib/clock/clock";
import { ofName } from "@/lib/text/french";

export const blankToNull = (v: unknown) => (typeof v === "string" ? (v.trim() === "" ? null : v.trim()) : v);

/** An optional e-mail address (blank is null). */
export const ZOptionalEmail = z.preprocess(
  blankToNull,
  z.string().max(200, "Adresse électronique trop longue.").pipe(z.email("Adresse électronique invalide.")).nullable().default(null),
);

/** An optional French mobile number (blank is null), checked with normalizePhone. */
export const ZOptionalMobile = z.preprocess(
  blankToNull,
  z.string().max(30, "Numéro de mobile invalide (06 ou 07 suivi de 8 chiffres).").refine((v) => normalizePhone(v) !== null, "Numéro de mobile invalide (06 ou 07 suivi de 8 chiffres).").nullable().default(null),
);

export const ZCreateRecordByProfessionalInput = z
  .object({
    beneficiaryId: z.string({ error: "Personne introuvable au registre." }).min(1, "Personne introuvable au registre.").max(64, "Personne introuvable au registre."),
    email: ZOptionalEmail,
    phone: ZOptionalMobile,
    hasConsent: z.literal(true, { error: "Cochez la case : le patient doit avoir donné son accord pour la création de son DMP." }),
  })
  .superRefine((v, ctx) => {
    if (!v.email && !v.phone) {
      ctx.addIssue({ code: "custom", path: ["email"], message: "Indiquez une adresse électronique et/ou un numéro de mobile du patient." });
    }
  });

export type TCreateRecordByProfessionalInput = z.infer<typeof ZCreateRecordByProfessionalInput>;

export type TMailSender = (mail: { to: string; subject: string; text: string }) => Promise<void>;

export type TCreateRecordByProfessionalResult = {
  patientId: string;
  loginId: string;
  name: string;
  /** Where the initial secret went (the secret itself is never returned). */
  channel: "SMS" | "EMAIL";
  isSecretSent: boolean;
};

/** Where the person signs in; the message gives the path, the portal's address is the simulator's. */
export const PATIENT_SIGN_IN_PATH = "/patient/connexion";

const ADULT_AGE = 18;

export function isMinorOn(birthDate: string, now: Date): boolean {
  const [y, m, d] = birthDate.split("-").map(Number) as [number, number, number];
  const adultOn = new Date(Date.UTC(y + ADULT_AGE, m - 1, d));
  return now.getTime() < adultOn.getTime();
}

function fold(s: string): string {
  return s
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z-]+/g, "-")
    .replace(/-+/g, "-")
    .replace(/^-|-$/g, "");
}

const LOGIN_ID_BATCH = 20;

/** prenom.nom without accents; prenom.nom2, prenom.nom3… when taken. */
export async function freeLoginId(prisma: PrismaClient, firstName: string, lastName: string): Promise<string> {
  const base = [fold(firstName) || "patient", fold(lastName) || "dmp"].join(".").slice(0, 50);
  // The candidates themselves, by the unique index, a batch at a time: a prefix search
  // (LIKE 'base%', case-insensitive) would read every account.
  for (let from = 1; ; from += LOGIN_ID_BATCH) {
    const candidates = Array.from({ length: LOGIN_ID_BATCH }, (_, i) => (from + i === 1 ? base : `${base}${from + i}`));
    const taken = new Set((await prisma.account.findMany({ where: { loginId: { in: candidates } }, select: { loginId: true } })).map((a) => a.loginId));
    const free = candidates.find((c) => !taken.has(c));
    if (free) return free;
  }
}

// No look-alike characters (0/O, 1/l/I) so the secret can be read out over the phone.
const UPPER = "ABCDEFGHJKLMNPQRSTUVWXYZ";
const LOWER = "abcdefghijkmnopqrstuvwxyz";
const DIGITS = "23456789";
const ALPHABET = UPPER + LOWER + DIGITS;

/**
 * The initial secret: three groups of four random characters joined by "-" (14
 * characters, about 71 bits), drawn again until it meets the password policy.
 */
export function generateTemporaryPassword(): string {
  for (;;) {
    const groups = Array.from({ length: 3 }, () => Array.from({ length: 4 }, () => ALPHABET[randomInt(ALPHABET.length)]).join(""));
    const candidate = groups.join("-");
    if (passwordPolicyErrors(candidate).length === 0) return candidate;
  }
}

/**
 * The initial secret's message. With `minorName`, it goes to a legal representative whose
 * account was created with the record of the minor they represent.
 */
export function secretText(loginId: string, password: string, creatorName: string, minorName?: string) {
  const smsOpening = minorName
    ? `Le DMP ${ofName(minorName)} a été créé par ${creatorName} avec votre accord de représentant légal ; un compte a été ouvert pour vous. `
    : `Votre DMP a été créé par ${creatorName} avec votre accord. `;
  const mailOpening = minorName
    ? `Le dossier médical partagé (DMP) ${ofName(minorName)} a été créé par ${creatorName}, avec votre accord de représentant légal. ` +
      `Un compte Mon espace santé a été ouvert pour vous : vous y retrouverez son dossier.`
    : `Votre dossier médical partagé (DMP) a été créé par ${creatorName}, avec votre accord.`;
  return {
    sms:
      `Mon espace santé (simulateur). ${smsOpening}` +
      `Identifiant : ${loginId} ; mot de passe provisoire : ${password} ; ` +
      `à la première connexion sur ${PATIENT_SIGN_IN_PATH}, vous choisirez un nouveau mot de passe.`,
    mail:
      `Bonjour,\n\n${mailOpening}\n\n` +
      `Identifiant : ${loginId}\nMot de passe provisoire : ${password}\n\n` +
      `Connectez-vous sur ${PATIENT_SIGN_IN_PATH} : à la première connexion, il vous sera demandé de choisir un nouveau mot de passe.\n` +
      `Ne communiquez ce mot de passe à personne.\n\nMon espace santé (simulateur)`,
  };
}

/**
 * Sends the initial secret of a new account: by SMS when a mobile is given, else by e-mail.
 * A failed sending is logged and reported (isSecretSent false), never thrown: the record
 * exists, and « Mot de passe oublié » remains.
 */
export async function sendInitialSecret(
  prisma: PrismaClient,
  sendMail: TMailSender,
  to: { email: string | null; phone: string | null },
  message: { loginId: string; password: string; creatorName: string; minorName?: string },
): Promise<{ channel: "SMS" | "EMAIL"; isSecretSent: boolean }> {
  const text = secretText(message.loginId, message.password, message.creatorName, message.minorName);
  const channel = to.phone ? ("SMS" as const) : ("EMAIL" as const);
  try {
    if (to.phone) await sendSms(prisma, { to: to.phone, body: text.sms });
    else {
      const subject = message.minorName
        ? `Le DMP ${ofName(message.minorName)} est créé : vos identifiants de connexion`
        : "Votre DMP est créé : vos identifiants de connexion";
      await sendMail({ to: to.email as string, subject, text: text.mail });
    }
    return { channel, isSecretSent: true };
  } catch (error) {
    console.error("Envoi du secret initial impossible :", error instanceof Error ? error.message : error);
    return { channel, isSecretSent: false };
  }
}

/**
 * A professional creates the record of a beneficiary who agrees. The identity comes from
 * the registry row (by its id), never from the form. A login (prenom.nom) and a random
 * temporary password are generated; createRecord writes the patient, the account (to be
 * changed at first sign-in), the RECORD_CREATION authorization, the trace and the
 * notification in one transaction. The secret is then sent by SMS when a mobile is given,
 * else by e-mail. Throws AppError NOT_FOUND (unknown beneficiary), CONFLICT (a record
 * exists), FORBIDDEN (minor: see createMinorRecordByProfessional).
 */
export async function createRecordByProfessional(
  prisma: PrismaClient,
  actor: TProfessionalActor,
  input: TCreateRecordByProfessionalInput,
  deps: { sendMail: TMailSender; ipAddress?: string | null; now?: Date },
): Promise<TCreateRecordByProfessionalResult> {
  const parsed = ZCreateRecordByProfessionalInput.safeParse(input);
  if (!parsed.success) throw new AppError("INVALID_INPUT", parsed.error.issues.map((i) => i.message).join(" "));
  const { beneficiaryId, hasConsent } = parsed.data;
  if (!hasConsent) throw new AppError("INVALID_INPUT");
  const email = parsed.data.email?.toLowerCase() ?? null;
  const phone = parsed.data.phone ? normalizePhone(parsed.data.phone) : null;

  const password = generateTemporaryPassword();
  const passwordHash = await hashPassword(password);
  let created: { patientId: string; loginId: string } | null = null;
  let name = "";
  // A login taken between the check and the transaction: try the next free one.
  for (let attempt = 0; created === null; attempt += 1) {
    const beneficiary = await prisma.beneficiary.findFirst({ where: { id: beneficiaryId, ...sameNamespaceWhere(actor) } });
    if (!beneficiary) throw new AppError("NOT_FOUND", "Personne introuvable au registre de l'Assurance Maladie.");
    if (beneficiary.patientId) throw new AppError("CONFLICT", "Un dossier existe déjà pour cette personne : ouvrez-le depuis la recherche.");
    if (isMinorOn(beneficiary.birthDate, deps.now ?? platformNow())) {
      throw new AppError("FORBIDDEN", "Ce bénéficiaire est mineur : créez son dossier avec l'accord de son représentant légal.");
    }
    name = `${beneficiary.firstName} ${beneficiary.lastName}`;
    const loginId = await freeLoginId(prisma, beneficiary.firstName, beneficiary.lastName);
    try {
      created = await createRecord(prisma, {
        beneficiaryId: beneficiary.id,
        contact: { email, phone, otpChannel: phone ? "SMS" : "EMAIL" },
        account: { loginId, passwordHash, mustChangePassword: true },
        createdBy: actor,
        ipAddress: deps.ipAddress ?? null,
      });
    } catch (error) {
      if (!isLoginTakenError(error) || attempt >= 2) throw error;
    }
  }

  // The record exists even when the sending fails: the page says so, and the patient can use « Mot de passe oublié ».
  const { channel, isSecretSent } = await sendInitialSecret(prisma, deps.sendMail, { email, phone }, {
    loginId: created.loginId,
    password,
    creatorName: actor.name,
  });
  return { patientId: created.patientId, loginId: created.loginId, name, channel, isSecretSent };
}
