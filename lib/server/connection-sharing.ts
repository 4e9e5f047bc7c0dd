import cluster from "node:cluster";

/**
 * How the server processes of `npm run serve` get their connections (issue 14, point 3).
 *
 * Node's default on Linux is round robin: the primary accepts every connection and hands it
 * to a worker over IPC, one at a time per worker, each handover waiting for the worker's
 * event loop to take it. Under load a busy worker takes one per turn of its loop (tens of
 * milliseconds), so a burst of new connections waited seconds before their first request
 * was even seen, 503s included (200 connections: 4.2 s at most, all in the burst's first
 * 3 s, against 1.7 s inside the server). Here the workers share the listening socket and
 * the kernel gives each new connection to whichever worker calls accept() first: an idle
 * one, never one whose event loop is busy. Nothing is sticky, so no process needs to own
 * a client.
 */
export function shareConnectionsThroughKernel(): void {
  // Read by cluster when it first forks: must come before the first cluster.fork().
  cluster.schedulingPolicy = cluster.SCHED_NONE;
}
