import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { CertificateAuthorityKind } from "@/lib/generated/prisma/enums";
import { EC_KEY_ALGORITHM, EC_SIGNING_ALGORITHM, subtle, toPem, x509 } from "./x509";
import { platformNow } from "@/lib/clock/clock";

export type TAuthority = { kind: CertificateAuthorityKind; subject: string; certificatePem: string; privateKeyPem: string };
export type TAuthorities = { root: TAuthority; issuing: TAuthority };

export const ROOT_SUBJECT = "CN=AC RACINE IGC-SANTE TEST (simulateur DMP), OU=IGC-SANTE TEST, O=DMP SIMULATEUR, C=FR";
export const ISSUING_SUBJECT = "CN=AC IGC-SANTE TEST PERSONNES (simulateur DMP), OU=IGC-SANTE TEST, O=DMP SIMULATEUR, C=FR";

const YEAR_MS = 365.25 * 24 * 3600 * 1000;

function yearsAfter(date: Date, years: number): Date {
  return new Date(date.getTime() + years * YEAR_MS);
}

/**
 * Creates a CA pair (a self-signed root and an issuing CA it signs), ECDSA P-256. Exported
 * so tests can make a foreign CA that the platform must refuse.
 */
export async function createAuthorityPair(
  now: Date = platformNow(),
  subjects: { root: string; issuing: string } = { root: ROOT_SUBJECT, issuing: ISSUING_SUBJECT },
): Promise<TAuthorities> {
  const notBefore = new Date(now.getTime() - 24 * 3600 * 1000);
  const rootKeys = (await subtle().generateKey(EC_KEY_ALGORITHM, true, ["sign", "verify"])) as CryptoKeyPair;
  const rootCert = await x509.X509CertificateGenerator.createSelfSigned({
    name: subjects.root,
    keys: rootKeys,
    notBefore,
    notAfter: yearsAfter(now, 30),
    signingAlgorithm: EC_SIGNING_ALGORITHM,
    extensions: [
      new x509.BasicConstraintsExtension(true, 1, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign, true),
      await x509.SubjectKeyIdentifierExtension.create(rootKeys.publicKey),
    ],
  });
  const issuingKeys = (await subtle().generateKey(EC_KEY_ALGORITHM, true, ["sign", "verify"])) as CryptoKeyPair;
  const issuingCert = await x509.X509CertificateGenerator.create({
    subject: subjects.issuing,
    issuer: rootCert.subject,
    publicKey: issuingKeys.publicKey,
    signingKey: rootKeys.privateKey,
    notBefore,
    notAfter: yearsAfter(now, 20),
    signingAlgorithm: EC_SIGNING_ALGORITHM,
    extensions: [
      new x509.BasicConstraintsExtension(true, 0, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign, true),
      await x509.SubjectKeyIdentifierExtension.create(issuingKeys.publicKey),
      await x509.AuthorityKeyIdentifierExtension.create(rootKeys.publicKey),
    ],
  });
  const exportKey = async (key: CryptoKey) => toPem(await subtle().exportKey("pkcs8", key), "PRIVATE KEY");
  return {
    root: { kind: "ROOT", subject: subjects.root, certificatePem: rootCert.toString("pem"), privateKeyPem: await exportKey(rootKeys.privateKey) },
    issuing: {
      kind: "ISSUING",
      subject: subjects.issuing,
      certificatePem: issuingCert.toString("pem"),
      privateKeyPem: await exportKey(issuingKeys.privateKey),
    },
  };
}

function pick(rows: TAuthority[]): TAuthorities | null {
  const root = rows.find((r) => r.kind === "ROOT");
  const issuing = rows.find((r) => r.kind === "ISSUING");
  return root && issuing ? { root, issuing } : null;
}

const SELECT = { kind: true, subject: true, certificatePem: true, privateKeyPem: true } as const;

/**
 * The simulated IGC-Santé test authority, created on first use and kept in the database
 * (table CertificateAuthority) so every card issued later chains to the same root.
 */
export async function getOrCreateAuthorities(db: PrismaClient, now: Date = platformNow()): Promise<TAuthorities> {
  const existing = pick(await db.certificateAuthority.findMany({ select: SELECT }));
  if (existing) return existing;
  const created = await createAuthorityPair(now);
  try {
    await db.$transaction(async (tx) => {
      const again = await tx.certificateAuthority.count();
      if (again > 0) return;
      await tx.certificateAuthority.create({ data: created.root });
      await tx.certificateAuthority.create({ data: created.issuing });
    });
  } catch {
    // Another process created them at the same moment (unique kind): theirs win.
  }
  const stored = pick(await db.certificateAuthority.findMany({ select: SELECT }));
  if (!stored) throw new Error("Autorité de certification de test introuvable après sa création.");
  return stored;
}
