/**
 * The server processes' shared socket (lib/server/shared-listening-socket.ts): a burst of new
 * connections is taken many per turn of a busy process's loop, not one; and a new connection
 * goes to a process free to take it while another is busy.
 */
import { describe, expect, it } from "vitest";
import { runClusterScript } from "@/lib/testing/run-cluster-script";
import { ACCEPT_HANDLES, socketCopiesPerProcess } from "./shared-listening-socket";

describe("the socket shared by the server processes", () => {
  it("gives a lone process ACCEPT_HANDLES copies and several processes one each", () => {
    expect(socketCopiesPerProcess(1)).toBe(ACCEPT_HANDLES);
    expect(socketCopiesPerProcess(2)).toBe(1);
    expect(socketCopiesPerProcess(8)).toBe(1);
  });

  it("takes up to ACCEPT_HANDLES new connections per turn of a busy lone process's loop", async () => {
    const turns = (await runClusterScript("accepting-processes.ts", ["burst", String(ACCEPT_HANDLES)])).map(Number);
    expect(turns[0]).toBe(ACCEPT_HANDLES);
    expect(turns.reduce((a, b) => a + b, 0)).toBe(40);
    expect(turns.length).toBe(Math.ceil(40 / ACCEPT_HANDLES));
  }, 60_000);

  it("one descriptor (a plain listening server) takes a single connection per turn: the wait this module removes", async () => {
    const turns = await runClusterScript("accepting-processes.ts", ["burst", "1"]);
    expect(turns).toEqual(Array(40).fill("1"));
  }, 60_000);

  it("gives every new connection to the process that is free while the other is busy", async () => {
    expect(await runClusterScript("accepting-processes.ts", ["free-process"])).toEqual(Array(8).fill("2"));
  }, 60_000);
});
