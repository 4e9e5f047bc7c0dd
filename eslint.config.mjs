import nextCoreWebVitals from "eslint-config-next/core-web-vitals";
import nextTypescript from "eslint-config-next/typescript";

const config = [
  ...nextCoreWebVitals,
  ...nextTypescript,
  { ignores: ["lib/generated/**", ".next/**", ".next-*/**", "node_modules/**", "test-results/**", "playwright-report/**", "next-env.d.ts"] },
  {
    rules: {
      "@typescript-eslint/no-explicit-any": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  {
    // Only lib/ talks to the database: pages and components call lib functions.
    files: ["app/**", "components/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          paths: [
            { name: "@prisma/client", message: "Pas d'accès Prisma hors de lib/ : appelez une fonction de lib/." },
            { name: "@/lib/db/client", message: "Pas d'accès Prisma hors de lib/ : appelez une fonction de lib/." },
          ],
          patterns: [
            { group: ["@/lib/generated/*", "**/lib/generated/**", "@/lib/db/*"], message: "Pas d'accès Prisma hors de lib/ : appelez une fonction de lib/." },
          ],
        },
      ],
    },
  },
];

export default config;
