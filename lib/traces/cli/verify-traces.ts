/**
 * Checks every trace chain (each record's and the platform's) and its last seal.
 *   npm run traces:verify            (DATABASE_URL selects the database)
 * Exit code 0 when every chain holds, 1 otherwise. Never creates the sealing key.
 */
import { createPrismaClient } from "@/lib/db/create-client";
import { existingSealKey, sealKeyFile } from "../seal-key";
import { SEAL_PROBLEM_LABELS, verifyAllTraceChains } from "../verify-traces";
import { plural } from "@/lib/text/french";

async function main(): Promise<number> {
  const prisma = createPrismaClient();
  try {
    const key = existingSealKey();
    console.log(key ? `Clé de scellement : ${sealKeyFile()} (empreinte ${key.keyId}).` : `Clé de scellement absente (${sealKeyFile()}).`);
    const report = await verifyAllTraceChains(prisma, key && { key: key.publicKey, keyId: key.keyId });
    console.log(`${report.chains} chaînes vérifiées (${report.traces} traces), dont ${report.sealedChains} scellées.`);
    if (report.failures.length === 0) {
      const unsealed = report.chains - report.sealedChains;
      console.log(`Toutes les chaînes sont intactes${report.sealedChains > 0 ? " et conformes à leur dernier sceau" : ""}.${unsealed > 0 ? ` ${plural(unsealed, "chaîne pas encore scellée", "chaînes pas encore scellées")}.` : ""}`);
      return 0;
    }
    console.log(`${plural(report.failures.length, "chaîne en défaut", "chaînes en défaut")} :`);
    for (const f of report.failures) {
      const chain = f.patientId === null ? "chaîne de la plateforme" : `dossier ${f.patientId}`;
      if (f.brokenLink) {
        const b = f.brokenLink;
        console.log(`- ${chain} : premier maillon rompu à la trace ${b.traceId} (position ${b.position}) ; précédent attendu ${b.expectedPrevHash}, trouvé ${b.foundPrevHash} ; empreinte attendue ${b.expectedHash}, trouvée ${b.foundHash}.`);
      }
      if (f.seal?.problem) {
        const s = f.seal;
        console.log(`- ${chain} : sceau n° ${s.sealId} du ${s.sealedAt.toISOString()} (tête ${s.lastTraceId}, ${s.count} traces ; ${s.foundCount} trouvées) : ${SEAL_PROBLEM_LABELS[s.problem!]}.`);
      }
    }
    return 1;
  } finally {
    await prisma.$disconnect();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(2);
  },
);
