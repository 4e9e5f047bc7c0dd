/**
 * `npm run serve` start-up: a server process that dies before it listens is replaced and
 * the start-up waits for its replacement (before, the primary waited forever: never « Prêt »,
 * the other processes never forked); a rank that keeps dying stops the server.
 */
import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { runClusterScript } from "@/lib/testing/run-cluster-script";
import { temporaryDirectories } from "@/lib/testing/temporary-directories";

const markerDir = temporaryDirectories("dmp-start-up-");

describe("server processes at start-up", () => {
  it("starts when every process listens at once, the jobs process first", async () => {
    const events = await runClusterScript("start-up-cluster.ts", ["3", "-1", "0", markerDir()]);
    expect(events[0]).toBe("listening:0");
    expect(events.slice(1, 3).sort()).toEqual(["listening:1", "listening:2"]);
    expect(events[3]).toBe("started");
  }, 60_000);

  it("waits for the replacement of a process that died before listening", async () => {
    const dir = markerDir();
    const events = await runClusterScript("start-up-cluster.ts", ["2", "1", "2", dir]);
    expect(fs.readdirSync(dir)).toHaveLength(2);
    expect(events).toEqual(["listening:0", "listening:1", "started"]);
  }, 60_000);

  it("waits for the jobs process's replacement before forking the others", async () => {
    const events = await runClusterScript("start-up-cluster.ts", ["2", "0", "1", markerDir()]);
    expect(events).toEqual(["listening:0", "listening:1", "started"]);
  }, 60_000);

  it("gives up on a process that dies at every start", async () => {
    const dir = markerDir();
    const events = await runClusterScript("start-up-cluster.ts", ["2", "1", "100", dir]);
    expect(events).toEqual(["listening:0", "gave up"]);
    expect(fs.readdirSync(dir)).toHaveLength(5);
  }, 60_000);
});
