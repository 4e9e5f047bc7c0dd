/**
 * Issues a simulated CPS card to an existing professional and writes the card file.
 *   npm run cps:issue -- --idnat 810001000011 --pin 1234 [--puk 12345678] [--out carte.cps.json]
 * DATABASE_URL selects the database (default prisma/data/dmp.db).
 */
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import type { PrismaClient } from "../../db/create-client";
import { runWithDatabase } from "./run-with-database";
import { CARD_FILE_EXTENSION } from "../card-file";
import { issueCard } from "../issue-card";

async function main(prisma: PrismaClient): Promise<number> {
  const { values } = parseArgs({
    options: {
      idnat: { type: "string" },
      pin: { type: "string" },
      puk: { type: "string" },
      out: { type: "string" },
      help: { type: "boolean", short: "h" },
    },
  });
  if (values.help || !values.idnat || !values.pin) {
    console.log("Usage : npm run cps:issue -- --idnat <IdNat_PS> --pin <4 chiffres> [--puk <8 chiffres>] [--out <fichier>]");
    return values.help ? 0 : 2;
  }
  const professional = await prisma.professional.findUnique({ where: { idNat: values.idnat } });
  if (!professional) {
    console.error(`Aucun professionnel avec l'identifiant national ${values.idnat}.`);
    return 1;
  }
  const card = await issueCard(prisma, professional.id, { pin: values.pin, puk: values.puk });
  const out = path.resolve(values.out ?? `carte-cps-${card.serial}${CARD_FILE_EXTENSION}`);
  fs.writeFileSync(out, `${JSON.stringify(card.file, null, 2)}\n`, { encoding: "utf8", mode: 0o600 });
  console.log(`Carte ${card.serial} émise pour ${professional.firstName} ${professional.lastName} (${professional.idNat}).`);
  console.log(`Fichier de la carte : ${out}`);
  console.log(`Code porteur (PIN) : celui fourni. Code de déblocage (PUK) : ${card.puk}`);
  console.log(`Valide jusqu'au ${card.expiresAt.toLocaleDateString("fr-FR")}.`);
  return 0;
}

runWithDatabase(main);
