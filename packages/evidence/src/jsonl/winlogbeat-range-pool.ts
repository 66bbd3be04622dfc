import type { Worker } from "node:worker_threads";
import { pickLeastBusyLane } from "../source/pick-least-busy-lane.ts";
import type { WinlogbeatRangeJob, WinlogbeatRangeResult } from "./read-winlogbeat-range.ts";

/** Worker threads grouping Winlogbeat ranges; a range whose worker fails is answered undefined. */
export interface WinlogbeatRangePool {
  /** How many ranges may be in flight before the reader waits for the oldest. */
  readonly depth: number;
  /** The range's result, or undefined when no worker could read it (the caller reads it itself). */
  read(job: WinlogbeatRangeJob): Promise<WinlogbeatRangeResult | undefined>;
  close(): Promise<void>;
}

/** One worker and the ranges it holds, by message id. */
interface Lane {
  readonly worker: Worker;
  readonly pending: Map<number, (result: WinlogbeatRangeResult | undefined) => void>;
  alive: boolean;
}

/**
 * Starts `count` range workers from the bundled `script`. A worker that fails (throws, or runs out
 * of its heap) is terminated and the ranges it held are answered undefined, so the caller reads them
 * on its own thread by the same code: a hostile range costs time, never the audit.
 */
export async function startWinlogbeatRangePool(
  script: URL | string,
  count: number,
  heapMb: number,
): Promise<WinlogbeatRangePool> {
  // Loaded only here, so the readers stay usable where there are no worker threads.
  const { Worker } = await import("node:worker_threads");
  const lanes: Lane[] = [];
  let nextId = 0;
  const fail = (lane: Lane) => {
    if (!lane.alive) return;
    lane.alive = false;
    void lane.worker.terminate();
    for (const settle of lane.pending.values()) settle(undefined);
    lane.pending.clear();
  };
  for (let index = 0; index < count; index++) {
    // No inherited flags: a loader the parent runs with (tsx) does not carry into a worker on Node 20.
    const worker = new Worker(script, {
      execArgv: [],
      resourceLimits: { maxOldGenerationSizeMb: heapMb },
    });
    const lane: Lane = { worker, pending: new Map(), alive: true };
    worker.on(
      "message",
      (answer: { readonly id: number; readonly result: WinlogbeatRangeResult }) => {
        const settle = lane.pending.get(answer.id);
        lane.pending.delete(answer.id);
        settle?.(answer.result);
      },
    );
    worker.on("error", () => fail(lane));
    worker.on("exit", () => fail(lane));
    lanes.push(lane);
  }
  return {
    depth: 2 * count,
    read(job) {
      return new Promise((resolve) => {
        const lane = pickLeastBusyLane(lanes);
        if (lane === undefined) {
          resolve(undefined);
          return;
        }
        const id = nextId++;
        lane.pending.set(id, resolve);
        // The range is copied to the worker: the caller keeps its bytes to read them if the worker fails.
        lane.worker.postMessage({ id, job });
      });
    },
    async close() {
      for (const lane of lanes) lane.alive = false;
      await Promise.all(lanes.map((lane) => lane.worker.terminate()));
    },
  };
}
