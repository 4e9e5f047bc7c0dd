import dns from "node:dns/promises";
import type http from "node:http";
import net from "node:net";
import util from "node:util";

/**
 * How the server processes of `npm run serve` get their connections (issue 14, point 3).
 *
 * Node 20's libuv accepts one connection per turn of the event loop on a listening handle.
 * A process busy rendering pages turns its loop every 10 to 100 ms, so a burst of 200 new
 * connections waited up to 1.8 s in the kernel's accept queue before their first request
 * was even seen, and the admission (lib/server/load-limiter.ts), which counts from then,
 * could not bound the wait (measured: 2.4 to 3.7 s at 1 process, 4 runs out of 10).
 *
 * So the primary binds the port once and every server process inherits that one socket. A
 * single process gets it `ACCEPT_HANDLES` times (as many file descriptors, all the same
 * socket), listens on all of them and takes up to that many connections per turn of its
 * loop. Several processes get one descriptor each: the kernel gives a new connection to
 * whichever process calls accept() first, so an idle one takes it, never one whose loop is
 * busy, and idle processes take a burst in turns; with 4 to 16 descriptors each, the first
 * process awake took most of a burst (8 connections opened together: 8/0, 7/1, 6/2), and a
 * keep-alive connection stays where it landed. Nothing is sticky, sessions are cookies.
 * The socket outlives a process that dies: its connections wait in the kernel for the
 * restarted one instead of being refused.
 */

/** Descriptors of the shared socket when one process serves: connections taken per loop turn. */
export const ACCEPT_HANDLES = 16;

/** How many copies of the socket each of `processes` server processes gets (see above). */
export function socketCopiesPerProcess(processes: number): number {
  return processes === 1 ? ACCEPT_HANDLES : 1;
}

/** In a server process: how many copies of the socket it inherited (its primary says so in DMP_SOCKET_COPIES). */
export function inheritedSocketCopies(env: Record<string, string | undefined> = process.env): number {
  const n = Number(env.DMP_SOCKET_COPIES ?? 1);
  return Number.isInteger(n) && n >= 1 ? n : 1;
}

/** The child's descriptors 0–2 are stdio and 3 the IPC channel: the socket's copies follow. */
const FIRST_INHERITED_FD = 4;

type TRawServerHandle = { fd: number; close(): void; getsockname(out: { port?: number }): number };
type TCreateServerHandle = (address: string | null, port: number, addressType: number) => TRawServerHandle | number;

// Node's own helper for cluster's shared handles: binds without listening, so the primary
// never polls the socket and never takes a connection itself. No public API binds a socket
// that way, nor hands one to several processes under several descriptors.
const createServerHandle = (net as unknown as { _createServerHandle: TCreateServerHandle })._createServerHandle;

export type TBoundSocket = { fd: number; port: number };

/**
 * The primary's part: the port bound once (all addresses, IPv6 and IPv4, when no hostname
 * is given, as `server.listen(port)` does). Rejects with a French message when the port is taken.
 */
export async function bindSharedSocket(port: number, hostname?: string): Promise<TBoundSocket> {
  const resolved = hostname ? await dns.lookup(hostname) : null;
  const handle = createServerHandle(resolved?.address ?? null, port, resolved?.family ?? 4);
  if (typeof handle === "number") {
    const code = util.getSystemErrorName(handle);
    throw new Error(code === "EADDRINUSE" ? `Le port ${port} est déjà utilisé.` : `Impossible d'ouvrir le port ${port} (${code}).`);
  }
  const address: { port?: number } = {};
  handle.getsockname(address);
  // The primary keeps the handle open for the life of the server: a restarted process inherits it again.
  return { fd: handle.fd, port: address.port ?? port };
}

/** The stdio of a forked server process: the usual three, the IPC channel, then the socket's copies (none without a socket). */
export function serverProcessStdio(fd: number | null, copies: number): (number | "inherit" | "ipc")[] {
  return ["inherit", "inherit", "inherit", "ipc", ...(fd === null ? [] : Array<number>(copies).fill(fd))];
}

/**
 * The server process's part: `server` listens on the first inherited copy, and every other
 * copy hands its connections to it (the `connection` event, how Node lets a server be fed).
 * Resolves once all listen, with the function that stops taking connections and resolves
 * when the ones already taken are over.
 */
export async function listenOnInheritedSocket(server: http.Server, copies = inheritedSocketCopies()): Promise<() => Promise<void>> {
  // With the options http.Server gives the connections it accepts itself (half-open left to
  // http to decide, noDelay). Without noDelay, Nagle's algorithm held a response's second write for the client's delayed
  // acknowledgement (40 ms per request, measured: the JSON reference fell from 700 to 175 req/s).
  const extra = Array.from({ length: copies - 1 }, () =>
    net.createServer({ allowHalfOpen: true, noDelay: true }, (socket) => server.emit("connection", socket)),
  );
  const listening = (s: net.Server, fd: number) =>
    new Promise<void>((resolve, reject) => {
      s.once("error", reject);
      s.listen({ fd }, () => {
        s.off("error", reject);
        resolve();
      });
    });
  await Promise.all([listening(server, FIRST_INHERITED_FD), ...extra.map((s, i) => listening(s, FIRST_INHERITED_FD + 1 + i))]);
  return () =>
    new Promise<void>((resolve) => {
      let left = extra.length + 1;
      const closed = () => --left === 0 && resolve();
      for (const s of extra) s.close(closed);
      server.close(closed);
      // Keep-alive connections wait for nothing: closed now, those answering close after it.
      server.closeIdleConnections();
    });
}
