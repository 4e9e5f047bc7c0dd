/**
 * Worker thread of generate-large-database.ts: builds the rows of the batches the main
 * thread asks for, while the main thread writes the previous batch to SQLite.
 */
import { parentPort, workerData } from "node:worker_threads";
import { buildBatch, type TBatchContext } from "./patient-rows";

const ctx = workerData as TBatchContext;

parentPort?.on("message", (message: { from: number; to: number }) => {
  const rows = buildBatch(ctx, message.from, message.to);
  parentPort?.postMessage({ from: message.from, rows });
});
