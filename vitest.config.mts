import path from "node:path";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: { alias: { "@": path.resolve(import.meta.dirname), "server-only": path.resolve(import.meta.dirname, "lib/testing/server-only-stub.ts") } },
  test: {
    include: ["lib/**/*.test.ts"],
    // Need a PostgreSQL server: run by vitest.postgresql.config.mts (npm run test:postgresql).
    exclude: ["**/node_modules/**", "lib/**/*.postgresql.test.ts"],
    environment: "node",
    // Integration tests each create their own SQLite file; run files in parallel.
    pool: "forks",
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
