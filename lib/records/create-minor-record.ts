import { z } from "zod";
import { sameNamespaceWhere } from "@/lib/access/sandbox-namespace";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { TProfessionalActor } from "@/lib/access/actor";
import { hashPassword } from "@/lib/auth/password";
import { AppError } from "@/lib/errors/app-error";
import { normalizePhone } from "@/lib/sms/send-sms";
import { createRecord, isLoginTakenError, type TCreateRecordInput, type TRecordRepresentative } from "./create-record";
import {
  blankToNull,
  freeLoginId,
  generateTemporaryPassword,
  isMinorOn,
  sendInitialSecret,
  ZOptionalEmail,
  ZOptionalMobile,
  type TMailSender,
} from "./create-record-by-professional";
import { platformNow } from "@/lib/clock/clock";

/** The relationships of a legal representative to the child (the seed uses "Mère" and "Père"). */
export const MINOR_RELATIONSHIPS = ["Mère", "Père", "Tuteur ou tutrice"] as const;
export type TMinorRelationship = (typeof MINOR_RELATIONSHIPS)[number];

/** The representative signs in with an existing portal account, or a new one is created for them. */
export const REPRESENTATIVE_ACCOUNT_CHOICES = ["EXISTING", "NEW"] as const;

/** Same words whether the login is unknown or the contact does not match: no account enumeration. */
export const NO_MATCHING_ACCOUNT = "Aucun compte Mon espace santé ne correspond à cet identifiant et à ces coordonnées.";

export const ADULT_BENEFICIARY = "Ce bénéficiaire est majeur : créez son dossier avec son propre accord.";

const NAME = /^\p{L}[\p{L}\p{M}'’ -]*$/u;

function optionalName(what: "prénom" | "nom") {
  const label = what === "prénom" ? "Prénom" : "Nom";
  return z.preprocess(
    blankToNull,
    z
      .string()
      .max(100, `${label} du représentant trop long.`)
      .regex(NAME, `${label} du représentant invalide : lettres, espaces, apostrophes et tirets.`)
      .nullable()
      .default(null),
  );
}

const ZMinorRecordFields = z.object({
  beneficiaryId: z.string({ error: "Personne introuvable au registre." }).min(1, "Personne introuvable au registre.").max(64, "Personne introuvable au registre."),
  relationship: z.enum(MINOR_RELATIONSHIPS, { error: "Choisissez le lien du représentant avec l'enfant." }),
  representativeAccount: z.enum(REPRESENTATIVE_ACCOUNT_CHOICES, {
    error: "Indiquez si le représentant a déjà un compte Mon espace santé ou s'il faut lui en créer un.",
  }),
  existingLoginId: z.preprocess(blankToNull, z.string().max(100, "Identifiant trop long.").nullable().default(null)),
  email: ZOptionalEmail,
  phone: ZOptionalMobile,
  firstName: optionalName("prénom"),
  lastName: optionalName("nom"),
  hasConsent: z.literal(true, { error: "Cochez la case : le représentant légal doit avoir donné son accord pour la création du DMP de l'enfant." }),
});

/** What each choice needs; the messages name the field to fill. */
function checkRepresentative(v: z.infer<typeof ZMinorRecordFields>, ctx: z.RefinementCtx) {
  if (v.representativeAccount === "EXISTING") {
    if (!v.existingLoginId) {
      ctx.addIssue({ code: "custom", path: ["existingLoginId"], message: "Indiquez l'identifiant Mon espace santé du représentant." });
    }
    if (!v.email && !v.phone) {
      ctx.addIssue({
        code: "custom",
        path: ["email"],
        message: "Indiquez l'adresse électronique ou le numéro de mobile enregistré dans le compte du représentant.",
      });
    }
  } else if (v.representativeAccount === "NEW") {
    if (!v.firstName) ctx.addIssue({ code: "custom", path: ["firstName"], message: "Indiquez le prénom du représentant." });
    if (!v.lastName) ctx.addIssue({ code: "custom", path: ["lastName"], message: "Indiquez le nom du représentant." });
    if (!v.email && !v.phone) {
      ctx.addIssue({ code: "custom", path: ["email"], message: "Indiquez une adresse électronique et/ou un numéro de mobile du représentant." });
    }
  }
}

export const ZCreateMinorRecordInput = ZMinorRecordFields.superRefine(checkRepresentative, {
  // Also when another field is already wrong, so that the form lists every missing field at once.
  when: (payload) => typeof payload.value === "object" && payload.value !== null,
});

export type TCreateMinorRecordInput = z.infer<typeof ZCreateMinorRecordInput>;

export type TCreateMinorRecordResult = {
  patientId: string;
  /** The child's name, from the registry. */
  name: string;
  /** The secret of a new account is never returned: only where it went. */
  representative:
    | { isNewAccount: true; loginId: string; channel: "SMS" | "EMAIL"; isSecretSent: boolean }
    | { isNewAccount: false; channel: null; isSecretSent: false };
};

/**
 * A professional creates the record of a MINOR with the agreement of a legal
 * representative. The identity comes from the registry row, never from the form. The
 * child gets no portal account: the representative reaches the record from their own
 * account, either an existing one (login + the e-mail or mobile it holds, checked without
 * telling which of the two was wrong) or a new one without a record (prenom.nom, random
 * temporary password to change at first sign-in, sent by SMS when a mobile is given, else
 * by e-mail). The child's contact is the representative's, so notifications reach them.
 * The record, the RECORD_CREATION authorization, the trace, the notification, the new
 * account and the LegalRepresentation row are written in one transaction (createRecord).
 * Throws AppError INVALID_INPUT, NOT_FOUND (unknown beneficiary, or no matching account),
 * CONFLICT (a record exists), FORBIDDEN (adult).
 */
export async function createMinorRecordByProfessional(
  prisma: PrismaClient,
  actor: TProfessionalActor,
  input: TCreateMinorRecordInput,
  deps: { sendMail: TMailSender; ipAddress?: string | null; now?: Date },
): Promise<TCreateMinorRecordResult> {
  const parsed = ZCreateMinorRecordInput.safeParse(input);
  if (!parsed.success) throw new AppError("INVALID_INPUT", parsed.error.issues.map((i) => i.message).join(" "));
  const v = parsed.data;
  const email = v.email?.toLowerCase() ?? null;
  const phone = v.phone ? normalizePhone(v.phone) : null;

  const beneficiary = await prisma.beneficiary.findFirst({ where: { id: v.beneficiaryId, ...sameNamespaceWhere(actor) } });
  if (!beneficiary) throw new AppError("NOT_FOUND", "Personne introuvable au registre de l'Assurance Maladie.");
  if (beneficiary.patientId) throw new AppError("CONFLICT", "Un dossier existe déjà pour cette personne : ouvrez-le depuis la recherche.");
  if (!isMinorOn(beneficiary.birthDate, deps.now ?? platformNow())) throw new AppError("FORBIDDEN", ADULT_BENEFICIARY);
  const name = `${beneficiary.firstName} ${beneficiary.lastName}`;

  const base: Omit<TCreateRecordInput, "contact" | "representative"> = {
    beneficiaryId: beneficiary.id,
    createdBy: actor,
    ipAddress: deps.ipAddress ?? null,
  };

  if (v.representativeAccount === "EXISTING") {
    const account = await prisma.account.findUnique({
      where: { loginId: (v.existingLoginId as string).trim() },
      select: { id: true, email: true, phone: true, otpChannel: true },
    });
    // Every contact typed must be the account's; the account's login alone is not enough.
    const isMatch =
      account !== null &&
      (email !== null || phone !== null) &&
      (email === null || (account.email ?? "").toLowerCase() === email) &&
      (phone === null || normalizePhone(account.phone ?? "") === phone);
    if (!account || !isMatch) throw new AppError("NOT_FOUND", NO_MATCHING_ACCOUNT);
    const representative: TRecordRepresentative = { relationship: v.relationship, account: { existingAccountId: account.id } };
    const created = await createRecord(prisma, {
      ...base,
      contact: { email: account.email, phone: account.phone, otpChannel: account.otpChannel },
      representative,
    });
    return { patientId: created.patientId, name, representative: { isNewAccount: false, channel: null, isSecretSent: false } };
  }

  const firstName = v.firstName as string;
  const lastName = v.lastName as string;
  const password = generateTemporaryPassword();
  const passwordHash = await hashPassword(password);
  let created: { patientId: string; loginId: string } | null = null;
  // A login taken between the check and the transaction: try the next free one.
  for (let attempt = 0; created === null; attempt += 1) {
    const loginId = await freeLoginId(prisma, firstName, lastName);
    try {
      const result = await createRecord(prisma, {
        ...base,
        contact: { email, phone, otpChannel: phone ? "SMS" : "EMAIL" },
        representative: {
          relationship: v.relationship,
          account: { new: { loginId, passwordHash, mustChangePassword: true, firstName, lastName } },
        },
      });
      created = { patientId: result.patientId, loginId };
    } catch (error) {
      if (!isLoginTakenError(error) || attempt >= 2) throw error;
    }
  }

  const { channel, isSecretSent } = await sendInitialSecret(prisma, deps.sendMail, { email, phone }, {
    loginId: created.loginId,
    password,
    creatorName: actor.name,
    minorName: name,
  });
  return { patientId: created.patientId, name, representative: { isNewAccount: true, loginId: created.loginId, channel, isSecretSent } };
}
