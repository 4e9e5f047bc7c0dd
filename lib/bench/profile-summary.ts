/**
 * `npx tsx lib/bench/profile-summary.ts bench/profiles/<file>.cpuprofile [top]`
 * Reads a V8 CPU profile (written by `npm run bench -- --cpu-prof`) and prints where the
 * server's time went: self time grouped by package (or app chunk), then the top functions.
 */
import fs from "node:fs";

type TNode = { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children?: number[] };
type TProfile = { nodes: TNode[]; samples: number[]; timeDeltas: number[] };

function groupOf(url: string, functionName: string): string {
  if (!url) return functionName.startsWith("(") ? functionName : "(native)";
  if (url.startsWith("node:")) return "node:*";
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (pkg) {
    const name = pkg[1] as string;
    if (name === "next") {
      if (url.includes("react-dom")) return "react-dom (server render)";
      if (url.includes("compiled/react")) return "react";
      return "next";
    }
    return name;
  }
  if (url.includes("/.next")) return url.includes("/chunks/") ? "app (server chunks)" : "app";
  return url.split("/").slice(-2).join("/");
}

function main(): void {
  const [file, topArg] = process.argv.slice(2);
  if (!file) throw new Error("Usage : tsx lib/bench/profile-summary.ts <fichier.cpuprofile> [nombre]");
  const profile = JSON.parse(fs.readFileSync(file, "utf8")) as TProfile;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const selfUs = new Map<number, number>();
  profile.samples.forEach((id, i) => selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
  const total = [...selfUs.values()].reduce((a, b) => a + b, 0);
  const idle = [...selfUs.entries()].filter(([id]) => byId.get(id)?.callFrame.functionName === "(idle)").reduce((a, [, us]) => a + us, 0);
  const busy = total - idle;

  const groups = new Map<string, number>();
  const functions = new Map<string, number>();
  for (const [id, us] of selfUs) {
    const node = byId.get(id);
    if (!node || node.callFrame.functionName === "(idle)") continue;
    const { url, functionName, lineNumber } = node.callFrame;
    const group = groupOf(url, functionName);
    groups.set(group, (groups.get(group) ?? 0) + us);
    const key = `${functionName || "(anonyme)"} — ${group}:${lineNumber + 1}`;
    functions.set(key, (functions.get(key) ?? 0) + us);
  }
  const pct = (us: number) => `${((100 * us) / busy).toFixed(1).padStart(5)} %`;
  console.log(`Durée ${(total / 1e6).toFixed(1)} s, occupée ${(busy / 1e6).toFixed(1)} s (${((100 * busy) / total).toFixed(0)} %)\n`);
  console.log("Temps propre par paquet :");
  for (const [g, us] of [...groups].sort((a, b) => b[1] - a[1]).slice(0, 15)) console.log(`  ${pct(us)}  ${g}`);
  console.log("\nFonctions les plus coûteuses :");
  for (const [f, us] of [...functions].sort((a, b) => b[1] - a[1]).slice(0, Number(topArg ?? 25))) console.log(`  ${pct(us)}  ${f}`);
}

main();
