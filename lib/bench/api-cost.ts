/**
 * `npx tsx lib/bench/api-cost.ts [--db prisma/data/bench-10000.db] [--requests 200] [--only iti67,ingest,ingest20]`
 * What one API request costs, measured in the process itself (no HTTP server, no Next.js):
 * CPU time per request (user + system) and SQL statements per request, for ITI-67 and for
 * ITI-65 bundles of 1 and of 20 documents. Unlike throughput, neither depends on how busy
 * the machine is. The database must come from `npm run seed:large` (or `npm run bench`);
 * the ITI-65 runs add documents to it. `--profile DIR` writes a V8 CPU profile of each
 * measured run (warm-up excluded) for lib/bench/profile-summary.ts. `--concurrency N` keeps
 * N requests in flight (as N connections would): statements per request then show whether
 * concurrent requests fall back to slower paths (transactions).
 */
import crypto from "node:crypto";
import fs from "node:fs";
import { Session } from "node:inspector/promises";
import path from "node:path";
import { createQueryLoggingPrismaClient } from "@/lib/db/create-client";
import { onDirectStatement } from "@/lib/db/raw-sql";
import { isTransactionControl } from "@/lib/db/query-plan";
import { buildProvideBundle } from "@/lib/fhir/build-provide-bundle";
import { routeApiRequest } from "@/lib/fhir/http/router";
import { platformNow } from "@/lib/clock/clock";

type TQueryEvent = { query: string };

function argument(name: string): string | undefined {
  const args = process.argv.slice(2);
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : args.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
}

async function main(): Promise<void> {
  const file = path.resolve(argument("db") ?? path.join("prisma", "data", "bench-10000.db"));
  const requests = Number(argument("requests") ?? 200);
  const only = (argument("only") ?? "iti67,ingest,ingest20").split(",");
  process.env.NEXTAUTH_SECRET ??= crypto.randomBytes(32).toString("base64url");
  const url = `file:${file}`;
  const db = createQueryLoggingPrismaClient(url);
  let statements: string[] = [];
  db.$on("query", (e: TQueryEvent) => statements.push(e.query));
  onDirectStatement(db, (sql) => {
    statements.push(sql);
  });
  const { prepareFixtures, mintCredentials } = await import("./fixtures");
  const fixtures = await prepareFixtures(db);
  const { bearer } = await mintCredentials(fixtures);
  const deps = { db };
  const origin = "http://bench.invalid";
  const search = `${origin}/api/fhir/DocumentReference?patient.identifier=${encodeURIComponent(`urn:oid:1.2.250.1.213.1.4.8|${fixtures.documentsPatient.nir}`)}`;
  const runId = crypto.randomBytes(4).toString("hex");
  let n = 0;
  const bundle = (size: number) =>
    JSON.stringify(
      buildProvideBundle(
        Array.from({ length: size }, () => {
          const i = n++;
          return {
            uniqueId: `1.2.250.1.213.1.1.9.97.${parseInt(runId, 16)}.${i}`,
            patient: fixtures.feedPatients[i % fixtures.feedPatients.length] as { nir: string; birthDate: string; birthRank: number },
            typeCode: fixtures.professional.typeCode,
            title: "Compte rendu de consultation",
            authorIdNat: fixtures.professional.idNat,
            custodianFiness: fixtures.professional.finess,
            serviceDate: platformNow().toISOString().slice(0, 10),
            content: { bytes: Buffer.from(`Compte rendu de consultation (mesure)\nDocument n° ${i}\n`, "utf8"), contentType: "text/plain" },
            inlineContent: true,
          };
        }),
        { sourceFiness: fixtures.professional.finess },
      ),
    );
  const headers = { authorization: `Bearer ${bearer}`, accept: "application/fhir+json" };
  const scenarios: { id: string; documents: number; request: () => Request; expect: number }[] = [
    { id: "iti67", documents: 0, request: () => new Request(search, { headers }), expect: 200 },
    { id: "ingest", documents: 1, request: () => new Request(`${origin}/api/fhir`, { method: "POST", headers: { ...headers, "content-type": "application/fhir+json" }, body: bundle(1) }), expect: 200 },
    { id: "ingest20", documents: 20, request: () => new Request(`${origin}/api/fhir`, { method: "POST", headers: { ...headers, "content-type": "application/fhir+json" }, body: bundle(20) }), expect: 200 },
  ];
  for (const s of scenarios.filter((x) => only.includes(x.id))) {
    const count = s.documents > 1 ? Math.max(10, Math.round(requests / 10)) : requests;
    for (let i = 0; i < 20; i++) await routeApiRequest(deps, s.request()); // warm up
    const prepared = Array.from({ length: count }, () => s.request());
    const profileDir = argument("profile");
    const session = profileDir ? new Session() : null;
    if (session) {
      session.connect();
      await session.post("Profiler.enable");
      await session.post("Profiler.start");
    }
    statements = [];
    let bytes = 0;
    const cpu = process.cpuUsage();
    const started = process.hrtime.bigint();
    const concurrency = Number(argument("concurrency") ?? 1);
    const worker = async () => {
      for (let request = prepared.shift(); request; request = prepared.shift()) {
        const response = await routeApiRequest(deps, request);
        const body = await response.arrayBuffer();
        bytes += body.byteLength;
        if (response.status !== s.expect) throw new Error(`${s.id} : statut ${response.status} ${Buffer.from(body).toString("utf8").slice(0, 400)}`);
      }
    };
    await Promise.all(Array.from({ length: concurrency }, worker));
    const wallMs = Number(process.hrtime.bigint() - started) / 1e6;
    const used = process.cpuUsage(cpu);
    if (session && profileDir) {
      const { profile } = await session.post("Profiler.stop");
      fs.mkdirSync(profileDir, { recursive: true });
      fs.writeFileSync(path.join(profileDir, `${s.id}.cpuprofile`), JSON.stringify(profile));
      session.disconnect();
    }
    const cpuMs = (used.user + used.system) / 1000 / count;
    const control = statements.filter((q) => isTransactionControl(q)).length / count;
    const sql = statements.length / count - control;
    const perDoc = s.documents > 0 ? `, ${(cpuMs / s.documents).toFixed(2)} ms CPU/document` : "";
    console.log(
      `${s.id.padEnd(9)} ${count} requêtes : ${cpuMs.toFixed(2)} ms CPU/requête${perDoc}, ${(wallMs / count).toFixed(2)} ms écoulées, ${sql.toFixed(1)} instructions SQL + ${control.toFixed(1)} de transaction, ${Math.round(bytes / count)} octets`,
    );
    if (process.argv.includes("--statements")) {
      const sample = statements.slice(0, Math.ceil(statements.length / count));
      for (const q of sample) console.log(`    ${q.replace(/\s+/g, " ").slice(0, 200)}`);
    }
  }
  await db.$disconnect();
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.stack : error);
  process.exitCode = 1;
});
