// Worker entry of reduceWinlogbeatAccesses: reduces one byte range, trading keys with the other
// participants, then reports its counts and, when asked, its keys (transferred, not copied).
import { parentPort, workerData } from "node:worker_threads";
import { type ExchangeDone, receiveUntilDone } from "./key-exchange.ts";
import type { RangeJob, RangeResult } from "./reduce-winlogbeat-accesses.ts";
import { internBatch, reduceWinlogbeatRange } from "./reduce-winlogbeat-range.ts";

const job = workerData as RangeJob;
const exchange = { participant: job.participant, participants: job.participants, ports: job.ports };
const reduction = reduceWinlogbeatRange(job.path, job.from, job.to, exchange);
const done: ExchangeDone = { done: true };
for (const port of job.ports) port?.postMessage(done);
await receiveUntilDone(job.ports, reduction.doneReceived, (batch) =>
  internBatch(reduction.keys, batch),
);
for (const port of job.ports) port?.close();
const keys = job.withNames ? reduction.keys.export() : undefined;
const result: RangeResult = { counts: reduction.counts, distinct: reduction.keys.size, keys };
parentPort?.postMessage(
  result,
  keys
    ? [
        keys.arena.buffer as ArrayBuffer,
        keys.keyStart.buffer as ArrayBuffer,
        keys.keyHash.buffer as ArrayBuffer,
      ]
    : [],
);
