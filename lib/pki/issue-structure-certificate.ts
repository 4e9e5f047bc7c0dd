import { randomBytes, randomInt } from "node:crypto";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { AppError } from "@/lib/errors/app-error";
import { structureIdNat } from "@/lib/reference/idnat-struct";
import { getOrCreateAuthorities } from "./authorities";
import { EC_KEY_ALGORITHM, EC_SIGNING_ALGORITHM, importSigningKey, subtle, toPem, x509 } from "./x509";
import { platformNow } from "@/lib/clock/clock";

/** Structure (server) certificates are valid 3 years in the simulator. */
export const STRUCTURE_CERTIFICATE_VALIDITY_YEARS = 3;

export type TIssuedStructureCertificate = {
  certificateId: string;
  serial: string;
  certificatePem: string;
  /** PKCS#8, unencrypted: it belongs to the hospital's server (keep it private). */
  privateKeyPem: string;
  /** Issuing CA then root, PEM. */
  chainPem: string;
  expiresAt: Date;
};

/**
 * Issues a structure's server certificate ("certificat serveur" used by software in
 * indirect mode) from the simulated IGC-Santé test CA: subject CN = structure name,
 * serialNumber (2.5.4.5) = IdNat_Struct "1" + FINESS (TRE_G07), O = structure name, C = FR.
 * That serialNumber is the client id the structure's assertions carry (iss = sub).
 * The row goes to StructureCertificate; the private key is returned once, never stored.
 */
export async function issueStructureCertificate(
  db: PrismaClient,
  structureId: string,
  options: { now?: Date; validityYears?: number } = {},
): Promise<TIssuedStructureCertificate> {
  const now = options.now ?? platformNow();
  const structure = await db.structure.findUnique({ where: { id: structureId } });
  if (!structure) throw new AppError("NOT_FOUND", "Structure introuvable.");
  const authorities = await getOrCreateAuthorities(db, now);
  const issuingCert = new x509.X509Certificate(authorities.issuing.certificatePem);
  const issuingKey = await importSigningKey(authorities.issuing.privateKeyPem);
  const keys = (await subtle().generateKey(EC_KEY_ALGORITHM, true, ["sign", "verify"])) as CryptoKeyPair;
  const serial = `${randomInt(1, 8)}${randomBytes(9).toString("hex")}`.toUpperCase().slice(0, 16);
  const expiresAt = new Date(now.getTime());
  expiresAt.setUTCFullYear(expiresAt.getUTCFullYear() + (options.validityYears ?? STRUCTURE_CERTIFICATE_VALIDITY_YEARS));
  const certificate = await x509.X509CertificateGenerator.create({
    serialNumber: serial,
    subject: [{ CN: [structure.name] }, { "2.5.4.5": [structureIdNat(structure.finess)] }, { O: [structure.name] }, { C: ["FR"] }],
    issuer: issuingCert.subject,
    publicKey: keys.publicKey,
    signingKey: issuingKey,
    notBefore: now,
    notAfter: expiresAt,
    signingAlgorithm: EC_SIGNING_ALGORITHM,
    extensions: [
      new x509.BasicConstraintsExtension(false, undefined, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature, true),
      new x509.ExtendedKeyUsageExtension([x509.ExtendedKeyUsage.clientAuth]),
      await x509.SubjectKeyIdentifierExtension.create(keys.publicKey),
      await x509.AuthorityKeyIdentifierExtension.create(issuingCert),
    ],
  });
  const certificatePem = certificate.toString("pem");
  const row = await db.structureCertificate.create({
    data: { serial, structureId, certificatePem, issuedAt: now, expiresAt },
  });
  return {
    certificateId: row.id,
    serial,
    certificatePem,
    privateKeyPem: toPem(await subtle().exportKey("pkcs8", keys.privateKey), "PRIVATE KEY"),
    chainPem: `${authorities.issuing.certificatePem.trim()}\n${authorities.root.certificatePem.trim()}\n`,
    expiresAt,
  };
}
