/**
 * Several server processes: a change announced by one (the sandbox clock moved, a namespace
 * deleted, a reset) is taken in by every other one before the announcing request answers,
 * so the caller's next request sees it whichever process serves it.
 */
import { describe, expect, it } from "vitest";
import { runClusterScript } from "@/lib/testing/run-cluster-script";
import { notifySiblingProcesses } from "./sibling-notices";


describe("notices between server processes", () => {
  it("resolves only once every other worker has reloaded, and the announcer does not reload", async () => {
    const events = await runClusterScript("notice-cluster.ts", ["3"]);
    expect(events.slice(0, 2).sort()).toEqual(["reloaded:2", "reloaded:3"]);
    expect(events[2]).toBe("announced:1");
    expect(events).toHaveLength(3);
  }, 60_000);

  it("does nothing outside the server processes of npm run serve", async () => {
    await expect(notifySiblingProcesses("sandbox-caches")).resolves.toBeUndefined();
  });
});
