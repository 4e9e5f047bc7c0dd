import { spawn } from "node:child_process";
import path from "node:path";

/**
 * Runs a small cluster script of lib/testing (node --import tsx) and resolves with the JSON
 * array it prints last on stdout: what its workers did, in the order the primary saw it.
 */
export function runClusterScript(script: string, args: string[]): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", path.join("lib", "testing", script), ...args], { stdio: ["ignore", "pipe", "inherit"] });
    let out = "";
    child.stdout.on("data", (d: Buffer) => (out += d.toString()));
    child.on("exit", (code) => {
      const line = out.trim().split("\n").pop() ?? "";
      if (code !== 0 || !line.startsWith("[")) return reject(new Error(`cluster : code ${code} ${out.slice(-300)}`));
      resolve(JSON.parse(line) as string[]);
    });
  });
}
