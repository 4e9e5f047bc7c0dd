import { connection } from "next/server";
import { baselineBody, baselineSize, isBaselineEnabled } from "@/lib/bench/baseline-body";

/**
 * Benchmark baseline (npm run bench): a fixed JSON body of about ?bytes= bytes, no
 * database access. Only served when the server runs with BENCH_BASELINE=1.
 */
export async function GET(request: Request) {
  await connection();
  if (!isBaselineEnabled()) return new Response("Not Found", { status: 404 });
  const body = baselineBody(baselineSize(new URL(request.url).searchParams.get("bytes")));
  return new Response(body, { headers: { "Content-Type": "application/json; charset=utf-8", "Cache-Control": "no-store" } });
}
