/**
 * Several server processes: a change announced by one (the sandbox clock moved, a namespace
 * deleted, a reset) is taken in by every other one before the announcing request answers,
 * so the caller's next request sees it whichever process serves it.
 */
import { spawn } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { notifySiblingProcesses } from "./sibling-notices";

function runCluster(workers: number): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", path.join("lib", "testing", "notice-cluster.ts"), String(workers)], { stdio: ["ignore", "pipe", "inherit"] });
    let out = "";
    child.stdout.on("data", (d: Buffer) => (out += d.toString()));
    child.on("exit", (code) => {
      const line = out.trim().split("\n").pop() ?? "";
      if (code !== 0 || !line.startsWith("[")) return reject(new Error(`cluster : code ${code} ${out.slice(-300)}`));
      resolve(JSON.parse(line) as string[]);
    });
  });
}

describe("notices between server processes", () => {
  it("resolves only once every other worker has reloaded, and the announcer does not reload", async () => {
    const events = await runCluster(3);
    expect(events.slice(0, 2).sort()).toEqual(["reloaded:2", "reloaded:3"]);
    expect(events[2]).toBe("announced:1");
    expect(events).toHaveLength(3);
  }, 60_000);

  it("does nothing outside a cluster", async () => {
    await expect(notifySiblingProcesses("sandbox-caches")).resolves.toBeUndefined();
  });
});
