// Worker entry of groupWinlogbeatOnWorkers: groups the Winlogbeat ranges it is sent, one message
// each, and answers each with its WinlogbeatRangeResult (its arrays moved, not copied). Bundled
// beside the CLI (scripts/build-cli.mjs), since worker threads cannot load TypeScript on Node 20.
import { parentPort } from "node:worker_threads";
import {
  readWinlogbeatRange,
  type WinlogbeatRangeJob,
  type WinlogbeatRangeResult,
} from "./read-winlogbeat-range.ts";

/** The buffers of a result, handed over to the receiving thread. */
function transferablesOf(result: WinlogbeatRangeResult): ArrayBuffer[] {
  const { groups } = result;
  const buffers = [
    groups.keys.arena,
    groups.keys.keyStart,
    groups.keys.keyHash,
    groups.order,
    groups.columns,
    groups.times,
    groups.timeLengths,
    ...result.recordIds.flatMap(([, pages]) => pages.map((page) => page.bits)),
  ].map((array) => array.buffer as ArrayBuffer);
  return [...new Set(buffers)];
}

parentPort?.on(
  "message",
  async (message: { readonly id: number; readonly job: WinlogbeatRangeJob }) => {
    const result = await readWinlogbeatRange(message.job);
    parentPort?.postMessage({ id: message.id, result }, transferablesOf(result));
  },
);
