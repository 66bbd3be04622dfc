import { statSync } from "node:fs";
import { MessageChannel, type MessagePort, Worker } from "node:worker_threads";
import {
  ByteStringTable,
  type ExportedByteStrings,
} from "../../packages/evidence/src/bytes/byte-string-table.ts";
import { type ExchangeDone, type KeyExchange, receiveUntilDone } from "./key-exchange.ts";
import {
  type AccessCounts,
  internBatch,
  reduceWinlogbeatRange,
  splitAccessKey,
} from "./reduce-winlogbeat-range.ts";

/** The distinct (user, device, server) accesses of a file; names and triples when asked for. */
export interface DistinctAccesses {
  readonly counts: AccessCounts;
  /** The number of distinct accesses. */
  readonly distinct: number;
  /** `DOMAIN\\name`, or the name alone when the domain is empty (empty unless `names`). */
  readonly users: readonly string[];
  readonly devices: readonly string[];
  readonly servers: readonly string[];
  /** Triples back to back: access k is (users[a[3k]], devices[a[3k+1]], servers[a[3k+2]]). */
  readonly accesses: Int32Array;
}

/** Options of reduceWinlogbeatAccesses. */
export interface ReduceAccessOptions {
  /** Threads to read with, this one included; 1 reads here alone. Default: 2 for files over 64 MB. */
  readonly workers?: number;
  /** Decode the names and triples (default true); false only counts, like a COUNT(DISTINCT …). */
  readonly names?: boolean;
  /** The worker script, for bundles that move it (default: reduce-winlogbeat-worker.ts beside this file). */
  readonly workerScript?: URL | string;
}

/** One worker's job: the lines starting in [from, to), as participant `participant`. */
export interface RangeJob extends Omit<KeyExchange, "ports"> {
  readonly path: string;
  readonly from: number;
  readonly to: number;
  readonly ports: readonly (MessagePort | undefined)[];
  readonly withNames: boolean;
}

/** One worker's answer: what it read, how many keys it owns, and those keys when names are wanted. */
export interface RangeResult {
  readonly counts: AccessCounts;
  readonly distinct: number;
  readonly keys: ExportedByteStrings | undefined;
}

const parallelThreshold = 64e6;

/**
 * Reduces a Winlogbeat JSON-lines file to its distinct (user, device, server) logon accesses, exactly:
 * every line is read by a grammar-following byte scanner (findWinlogbeatAccess), with JSON.parse as the
 * judge whenever the scanner is unsure, and names are compared as decoded strings.
 *
 * In parallel, the file is cut at line boundaries into one range per thread (this one reads the
 * first, synchronously, so its event loop waits meanwhile); each access key belongs to one thread by
 * its hash, and keys read elsewhere are sent to their owner in batches, so every distinct access is
 * held once and nothing is merged at the end. Memory grows with the distinct accesses, never with the
 * events.
 */
export async function reduceWinlogbeatAccesses(
  path: string,
  options: ReduceAccessOptions = {},
): Promise<DistinctAccesses> {
  const size = statSync(path).size;
  const participants = Math.max(1, options.workers ?? (size > parallelThreshold ? 2 : 1));
  const withNames = options.names ?? true;
  if (participants === 1) {
    const reduction = reduceWinlogbeatRange(path);
    return withNames
      ? decode(reduction.counts, reduction.keys.keys())
      : countOnly(reduction.counts, reduction.keys.size);
  }
  const script = options.workerScript ?? new URL("./reduce-winlogbeat-worker.ts", import.meta.url);
  // ports[p][q]: participant p's end of the channel to participant q.
  const ports: (MessagePort | undefined)[][] = Array.from({ length: participants }, () =>
    new Array<MessagePort | undefined>(participants).fill(undefined),
  );
  for (let p = 0; p < participants; p++) {
    for (let q = p + 1; q < participants; q++) {
      const channel = new MessageChannel();
      (ports[p] as (MessagePort | undefined)[])[q] = channel.port1;
      (ports[q] as (MessagePort | undefined)[])[p] = channel.port2;
    }
  }
  const rangeOf = (p: number) => ({
    from: Math.floor((size * p) / participants),
    to: Math.floor((size * (p + 1)) / participants),
  });
  const workers: Promise<RangeResult>[] = [];
  for (let p = 1; p < participants; p++) {
    const job: RangeJob = {
      path,
      ...rangeOf(p),
      participant: p,
      participants,
      ports: ports[p] as (MessagePort | undefined)[],
      withNames,
    };
    const transfer = job.ports.filter((port): port is MessagePort => port !== undefined);
    workers.push(runWorker(script, job, transfer));
  }
  const own = ports[0] as (MessagePort | undefined)[];
  const exchange: KeyExchange = { participant: 0, participants, ports: own };
  const reduction = reduceWinlogbeatRange(path, rangeOf(0).from, rangeOf(0).to, exchange);
  const done: ExchangeDone = { done: true };
  for (const port of own) port?.postMessage(done);
  await receiveUntilDone(own, reduction.doneReceived, (batch) =>
    internBatch(reduction.keys, batch),
  );
  for (const port of own) port?.close();
  const results = await Promise.all(workers);
  const counts = { ...reduction.counts };
  let distinct = reduction.keys.size;
  for (const result of results) {
    for (const key of Object.keys(counts) as (keyof AccessCounts)[])
      counts[key] += result.counts[key];
    distinct += result.distinct;
  }
  if (!withNames) return countOnly(counts, distinct);
  const keys = reduction.keys.keys();
  for (const result of results) {
    const { arena, keyStart } = result.keys as ExportedByteStrings;
    for (let id = 0; id < keyStart.length; id++) {
      const end = id + 1 < keyStart.length ? (keyStart[id + 1] as number) : arena.length;
      keys.push(arena.subarray(keyStart[id] as number, end));
    }
  }
  return decode(counts, keys);
}

function runWorker(
  script: URL | string,
  job: RangeJob,
  transfer: MessagePort[],
): Promise<RangeResult> {
  return new Promise((resolve, reject) => {
    // No inherited flags: a loader or preload the parent runs with (tsx, a test setup file in TypeScript)
    // does not carry into worker threads on Node 20 and would only make the worker fail to start.
    const worker = new Worker(script, { workerData: job, transferList: transfer, execArgv: [] });
    let answered = false;
    worker.once("message", (result: RangeResult) => {
      answered = true;
      resolve(result);
    });
    worker.once("error", reject);
    worker.once("exit", (code) => {
      if (!answered) reject(new Error(`access reducer worker stopped with code ${code}`));
    });
  });
}

function countOnly(counts: AccessCounts, distinct: number): DistinctAccesses {
  return { counts, distinct, users: [], devices: [], servers: [], accesses: new Int32Array(0) };
}

/** Splits the (distinct) keys into users, devices and servers, each interned, and triples. */
function decode(counts: AccessCounts, keys: readonly Uint8Array[]): DistinctAccesses {
  const decoder = new TextDecoder();
  const users = new ByteStringTable();
  const devices = new ByteStringTable();
  const servers = new ByteStringTable();
  const accesses = new Int32Array(3 * keys.length);
  let userKey = new Uint8Array(64);
  for (let id = 0; id < keys.length; id++) {
    const { domain, user, device, server } = splitAccessKey(keys[id] as Uint8Array);
    // The user is the (domain, name) pair: a separator byte that UTF-8 never contains keeps it unambiguous.
    const length = domain.length + 1 + user.length;
    if (length > userKey.length) userKey = new Uint8Array(2 * length);
    userKey.set(domain, 0);
    userKey[domain.length] = 0xff;
    userKey.set(user, domain.length + 1);
    accesses[3 * id] = users.intern(userKey, 0, length);
    accesses[3 * id + 1] = devices.intern(device, 0, device.length);
    accesses[3 * id + 2] = servers.intern(server, 0, server.length);
  }
  const names = (table: ByteStringTable) =>
    Array.from({ length: table.size }, (_, id) => decoder.decode(table.bytesOf(id)));
  const userNames = Array.from({ length: users.size }, (_, id) => {
    const key = users.bytesOf(id);
    const separator = key.indexOf(0xff);
    const domain = decoder.decode(key.subarray(0, separator));
    const name = decoder.decode(key.subarray(separator + 1));
    return domain === "" ? name : `${domain}\\${name}`;
  });
  return {
    counts,
    distinct: keys.length,
    users: userNames,
    devices: names(devices),
    servers: names(servers),
    accesses,
  };
}
