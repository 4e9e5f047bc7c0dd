/**
 * New connections go to a worker free to take them (lib/server/connection-sharing.ts): with
 * one worker's event loop blocked, every new connection is answered by the other. Under
 * Node's default round robin, half of them waited for the blocked worker.
 */
import { spawn } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";

function answeringWorkers(policy: "kernel" | "round-robin"): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", path.join("lib", "testing", "busy-worker-cluster.ts"), policy], { stdio: ["ignore", "pipe", "inherit"] });
    let out = "";
    child.stdout.on("data", (d: Buffer) => (out += d.toString()));
    child.on("exit", (code) => {
      const line = out.trim().split("\n").pop() ?? "";
      if (code !== 0 || !line.startsWith("[")) return reject(new Error(`cluster : code ${code} ${out.slice(-300)}`));
      resolve(JSON.parse(line) as string[]);
    });
  });
}

describe("connections shared between server processes", () => {
  it("gives every new connection to the worker that is free while the other is busy", async () => {
    expect(await answeringWorkers("kernel")).toEqual(Array(8).fill("2"));
  }, 60_000);

  it("round robin (Node's default, not used) hands some of them to the busy worker", async () => {
    expect(await answeringWorkers("round-robin")).toContain("1");
  }, 60_000);
});
