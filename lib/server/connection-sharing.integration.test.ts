/**
 * New connections go to a worker free to take them (lib/server/connection-sharing.ts): with
 * one worker's event loop blocked, every new connection is answered by the other. Under
 * Node's default round robin, half of them waited for the blocked worker.
 */
import { describe, expect, it } from "vitest";
import { runClusterScript } from "@/lib/testing/run-cluster-script";


describe("connections shared between server processes", () => {
  it("gives every new connection to the worker that is free while the other is busy", async () => {
    expect(await runClusterScript("busy-worker-cluster.ts", ["kernel"])).toEqual(Array(8).fill("2"));
  }, 60_000);

  it("round robin (Node's default, not used) hands some of them to the busy worker", async () => {
    expect(await runClusterScript("busy-worker-cluster.ts", ["round-robin"])).toContain("1");
  }, 60_000);
});
