/**
 * Issues a structure (server) certificate from the test CA, for DMP-compatible software in
 * indirect mode, and writes the certificate, its private key and the CA chain as PEM files.
 *   npm run structure:issue -- --finess 750000001 [--out dossier]
 * DATABASE_URL selects the database (default prisma/data/dmp.db).
 */
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import type { PrismaClient } from "../../db/create-client";
import { runWithDatabase } from "./run-with-database";
import { issueStructureCertificate } from "../issue-structure-certificate";
import { structureIdNat } from "../../reference/idnat-struct";

async function main(prisma: PrismaClient): Promise<number> {
  const { values } = parseArgs({
    options: {
      finess: { type: "string" },
      out: { type: "string" },
      help: { type: "boolean", short: "h" },
    },
  });
  if (values.help || !values.finess) {
    console.log("Usage : npm run structure:issue -- --finess <FINESS> [--out <dossier>]");
    return values.help ? 0 : 2;
  }
  const structure = await prisma.structure.findUnique({ where: { finess: values.finess } });
  if (!structure) {
    console.error(`Aucune structure avec le FINESS ${values.finess}.`);
    return 1;
  }
  const issued = await issueStructureCertificate(prisma, structure.id);
  const folder = path.resolve(values.out ?? `certificat-structure-${values.finess}`);
  fs.mkdirSync(folder, { recursive: true });
  const write = (name: string, text: string, mode: number) => fs.writeFileSync(path.join(folder, name), text, { encoding: "utf8", mode });
  write("certificat.pem", issued.certificatePem, 0o644);
  write("cle-privee.pem", issued.privateKeyPem, 0o600);
  write("chaine-ac.pem", issued.chainPem, 0o644);
  console.log(`Certificat ${issued.serial} émis pour ${structure.name} (FINESS ${structure.finess}), valide jusqu'au ${issued.expiresAt.toLocaleDateString("fr-FR")}.`);
  console.log(`Fichiers : ${folder}/certificat.pem, cle-privee.pem (ECDSA P-256, PKCS#8, à garder secrète), chaine-ac.pem.`);
  console.log(`Identifiant client (iss = sub de l'assertion) : ${structureIdNat(structure.finess)} (IdNat_Struct « 1 » + FINESS, serialNumber du certificat).`);
  console.log("Signez l'assertion JWT (ES256) avec la clé, certificat en DER base64 dans l'en-tête x5c.");
  return 0;
}

runWithDatabase(main);
