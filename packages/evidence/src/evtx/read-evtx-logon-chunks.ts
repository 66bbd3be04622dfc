import type { Worker } from "node:worker_threads";
import type { EvidenceProblem } from "../event/evidence-problem.ts";
import { EvidenceProblemLog } from "../event/evidence-problem-log.ts";
import type { EvidenceReadSummary } from "../event/evidence-read-summary.ts";
import type { ScanLogonOptions } from "../jsonl/scan-winlogbeat-logons.ts";
import type { LogonEvent } from "../logon/logon-event.ts";
import type { ByteSource } from "../source/byte-source.ts";
import { pickLeastBusyLane } from "../source/pick-least-busy-lane.ts";
import { readSourceBytes } from "../source/read-source-bytes.ts";
import { evidenceProblemOfEvtx, summariseEvtxEvents } from "./evtx-record-event.ts";
import { defaultEvtxWorkerScript } from "./evtx-worker-script.ts";
import { type ChunkLogons, type EvtxChunkJob, readChunkLogons } from "./read-chunk-logons.ts";
import { readEvtxBlocks } from "./read-evtx-blocks.ts";

/** Whether and how EVTX chunks are read on worker threads. */
export interface ReadWorkerOptions {
  /** The bundled chunk worker (default: the one beside the CLI bundle; none when run from sources). */
  readonly script?: URL | string;
  /** How many worker threads (default: the machine's cores, at most 4). */
  readonly count?: number;
  /** Inputs of fewer bytes (or of unknown size) are read on the calling thread (default 8 MiB). */
  readonly minBytes?: number;
  /** The heap each worker may use, in MiB (default 256): past it the worker stops, not the audit. */
  readonly heapMb?: number;
  /**
   * Reads large Winlogbeat JSON lines on range workers from this bundled script ("bundled": the one
   * beside the CLI bundle). Default: none, the calling thread reads (see groupWinlogbeatLogons).
   */
  readonly winlogbeatScript?: URL | string;
  /** The bytes of a Winlogbeat range one worker groups at a time (default 16 MiB). */
  readonly rangeBytes?: number;
}

/** What readEvtxLogonChunks takes: the logon reading's options and the workers'. */
export interface EvtxLogonChunkOptions extends ScanLogonOptions {
  readonly readWorkers?: ReadWorkerOptions;
}

const defaultMinBytes = 8 << 20;

/** A place in the reading order: a problem found between chunks, or a chunk being read. */
type Slot =
  | { readonly problem: EvidenceProblem }
  | { readonly chunk: Promise<ChunkLogons>; readonly problem?: undefined };

/**
 * Reads an EVTX source's logon events (`eventIds`, default 4624) chunk by chunk, yielding each
 * chunk's logons in file order, and returns the summary `readLogonEvents` returns for it. A 64 KiB
 * chunk is a unit of its own (its templates and records), so large inputs are read on worker threads,
 * several chunks at once, while this thread reads the bytes and puts the results back in file
 * order: problems, counts and logons are exactly the streaming reader's (property-tested). Memory:
 * at most a few chunks per worker in flight. A worker that fails (throws, or runs out of its heap)
 * is terminated and the chunks it held are read here by the same code, so a hostile chunk gives
 * the streaming reader's problem, never a crash; with no worker left, chunks are read here.
 */
export async function* readEvtxLogonChunks(
  source: ByteSource,
  options: EvtxLogonChunkOptions = {},
): AsyncGenerator<readonly LogonEvent[], EvidenceReadSummary, undefined> {
  const file = source.name;
  const log = new EvidenceProblemLog(options.onProblem, options.keepProblems);
  const wanted = [...(options.eventIds ?? new Set([4624]))];
  const eventIds = new Map<number, number>();
  let records = 0;
  let fieldProblems = 0;
  let yielded = 0;
  const counted: ByteSource = options.onBytes
    ? { name: file, open: () => readSourceBytes(source, options.onBytes) }
    : source;
  const merge = (result: ChunkLogons) => {
    for (const problem of result.problems) log.report(problem);
    records += result.records;
    fieldProblems += result.fieldProblems;
    for (let at = 0; at < result.eventIds.length; at += 2) {
      const id = result.eventIds[at] as number;
      eventIds.set(id, (eventIds.get(id) ?? 0) + (result.eventIds[at + 1] as number));
    }
    yielded += result.logons.length;
  };
  const pool = await startPool(source, options.readWorkers);
  try {
    const slots: Slot[] = [];
    let chunksInFlight = 0;
    const blocks = readEvtxBlocks(counted, (p) => {
      const problem = evidenceProblemOfEvtx(p);
      if (pool === undefined) log.report(problem);
      else slots.push({ problem });
    });
    for await (const block of blocks) {
      const job: EvtxChunkJob = {
        file,
        bytes: block.bytes,
        chunkIndex: block.chunkIndex,
        chunkOffset: block.chunkOffset,
        declaredChunkCount: block.declaredChunkCount,
        wanted,
      };
      if (pool === undefined) {
        const result = readChunkLogons(job);
        merge(result);
        if (result.logons.length > 0) yield result.logons;
        continue;
      }
      // The block's buffer is reused for the next one: the worker gets its own copy.
      slots.push({ chunk: pool.read({ ...job, bytes: new Uint8Array(block.bytes) }) });
      chunksInFlight++;
      while (chunksInFlight > pool.depth) {
        const slot = slots.shift() as Slot;
        if (slot.problem !== undefined) log.report(slot.problem);
        else {
          chunksInFlight--;
          const result = await slot.chunk;
          merge(result);
          if (result.logons.length > 0) yield result.logons;
        }
      }
    }
    for (const slot of slots) {
      if (slot.problem !== undefined) log.report(slot.problem);
      else {
        const result = await slot.chunk;
        merge(result);
        if (result.logons.length > 0) yield result.logons;
      }
    }
  } finally {
    await pool?.close();
  }
  return { ...summariseEvtxEvents(file, log, { records, fieldProblems, eventIds }), yielded };
}

/** Worker threads reading chunks, each chunk answered once, whatever happens to its worker. */
interface ChunkPool {
  /** How many chunks may be in flight before the reader waits for the oldest. */
  readonly depth: number;
  read(job: EvtxChunkJob): Promise<ChunkLogons>;
  close(): Promise<void>;
}

/** One worker and the chunks it holds (by message id), each with what to do when it is answered. */
interface Lane {
  readonly worker: Worker;
  readonly pending: Map<
    number,
    { readonly job: EvtxChunkJob; settle(read: () => ChunkLogons): void }
  >;
  alive: boolean;
}

/** Starts the workers when the source is large enough and a worker script is at hand; else undefined. */
async function startPool(
  source: ByteSource,
  options: ReadWorkerOptions | undefined,
): Promise<ChunkPool | undefined> {
  const script = options?.script ?? defaultEvtxWorkerScript();
  const minBytes = options?.minBytes ?? defaultMinBytes;
  if (script === undefined || source.size === undefined || source.size < minBytes) return undefined;
  // Loaded only here, so the readers stay usable where there are no worker threads.
  const { Worker } = await import("node:worker_threads");
  const { availableParallelism } = await import("node:os");
  const count = Math.max(1, options?.count ?? Math.min(4, availableParallelism()));
  const lanes: Lane[] = [];
  let nextId = 0;
  /** A failed worker is terminated; the chunks it held are read on this thread by the same code. */
  const fail = (lane: Lane) => {
    if (!lane.alive) return;
    lane.alive = false;
    void lane.worker.terminate();
    for (const held of lane.pending.values()) held.settle(() => readChunkLogons(held.job));
    lane.pending.clear();
  };
  for (let index = 0; index < count; index++) {
    // No inherited flags: a loader the parent runs with (tsx) does not carry into a worker on Node 20.
    const worker = new Worker(script, {
      execArgv: [],
      resourceLimits: { maxOldGenerationSizeMb: options?.heapMb ?? 256 },
    });
    const lane: Lane = { worker, pending: new Map(), alive: true };
    worker.on("message", (answer: { readonly id: number; readonly result: ChunkLogons }) => {
      const held = lane.pending.get(answer.id);
      lane.pending.delete(answer.id);
      held?.settle(() => answer.result);
    });
    worker.on("error", () => fail(lane));
    worker.on("exit", () => fail(lane));
    lanes.push(lane);
  }
  return {
    depth: 3 * count,
    read(job) {
      return new Promise((resolve, reject) => {
        const settle = (read: () => ChunkLogons) => {
          try {
            resolve(read());
          } catch (error) {
            reject(error);
          }
        };
        const lane = pickLeastBusyLane(lanes);
        if (lane === undefined) {
          settle(() => readChunkLogons(job));
          return;
        }
        const id = nextId++;
        lane.pending.set(id, { job, settle });
        lane.worker.postMessage({ id, job });
      });
    },
    async close() {
      for (const lane of lanes) lane.alive = false;
      await Promise.all(lanes.map((lane) => lane.worker.terminate()));
    },
  };
}
