import path from "node:path";
import { defineConfig } from "prisma/config";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { databaseUrl, ensureDatabaseFolder } from "./lib/db/database-url";

// The CLI does not read .env when this file exists, and must not download engines:
// the JS engine + the better-sqlite3 adapter keep every command offline.
export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: path.join("prisma", "schema.prisma"),
  migrations: {
    path: path.join("prisma", "migrations"),
    seed: "tsx prisma/seed.ts",
  },
  async adapter() {
    ensureDatabaseFolder();
    return new PrismaBetterSQLite3({ url: databaseUrl() });
  },
});
