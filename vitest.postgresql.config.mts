import path from "node:path";
import { defineConfig } from "vitest/config";

/**
 * The integration tests again, on PostgreSQL: lib/testing/postgresql-global-setup.ts starts a
 * throw-away cluster (PostgreSQL from Debian's packages) and createTestDatabase gives each
 * test file its own database on it.   npm run test:postgresql
 */
export default defineConfig({
  resolve: { alias: { "@": path.resolve(import.meta.dirname), "server-only": path.resolve(import.meta.dirname, "lib/testing/server-only-stub.ts") } },
  test: {
    include: ["lib/**/*.test.ts"],
    exclude: ["**/node_modules/**"],
    environment: "node",
    pool: "forks",
    globalSetup: ["lib/testing/postgresql-global-setup.ts"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
