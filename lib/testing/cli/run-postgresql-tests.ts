/**
 * `npm run test:postgresql`, run by `npm test` after the SQLite tests: the tests that use a
 * database, again on a throw-away PostgreSQL cluster (vitest.postgresql.config.mts).
 * SKIP_POSTGRES=1 skips them; without PostgreSQL installed this stops at once with the
 * command to run (as the browser check does for the journeys).
 */
import { spawnSync } from "node:child_process";
import path from "node:path";
import { postgresBinDir } from "../postgres-cluster";

if (process.env.SKIP_POSTGRES === "1") {
  console.log("Tests PostgreSQL passés (SKIP_POSTGRES=1).");
  process.exit(0);
}
if (!process.env.TEST_POSTGRESQL_URL && !postgresBinDir()) {
  console.error(
    "PostgreSQL n'est pas installé : les tests sur PostgreSQL ne peuvent pas démarrer leur serveur.\n" +
      "  Debian : apt-get install -y postgresql (le script .ci/run le fait lorsqu'il manque)\n" +
      "  ou un serveur existant : TEST_POSTGRESQL_URL=postgresql://utilisateur@hôte:port/postgres\n" +
      "  ou pour les passer : SKIP_POSTGRES=1 npm test",
  );
  process.exit(1);
}
const vitest = path.join(process.cwd(), "node_modules", ".bin", "vitest");
const result = spawnSync(vitest, ["run", "-c", "vitest.postgresql.config.mts", ...process.argv.slice(2)], { stdio: "inherit" });
process.exit(result.status ?? 1);
