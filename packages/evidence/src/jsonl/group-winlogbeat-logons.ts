import { EvidenceProblemLog } from "../event/evidence-problem-log.ts";
import { DirectLogonNames } from "../logon/direct-logon-names.ts";
import type { EventDeduplicator } from "../logon/event-deduplicator.ts";
import type { GroupLogonOptions } from "../logon/group-logon-options.ts";
import type { LogonGrouping } from "../logon/logon-group.ts";
import { LogonGroupStore } from "../logon/logon-group-store.ts";
import type { ByteSource } from "../source/byte-source.ts";
import { describeReadError } from "../text/describe-read-error.ts";
import { readLineBlocks } from "../text/read-line-blocks.ts";
import { groupWinlogbeatOnWorkers } from "./group-winlogbeat-on-workers.ts";
import { createWinlogbeatLineGrouper } from "./winlogbeat-line-grouper.ts";
import { WinlogbeatLogonLines } from "./winlogbeat-logon-lines.ts";
import { startWinlogbeatRangePool } from "./winlogbeat-range-pool.ts";
import { defaultWinlogbeatWorkerScript } from "./winlogbeat-worker-script.ts";

const defaultRangeBytes = 16 << 20;
/** How many bytes a reading with `takeGroups` reads between handing its groups on. */
const takeEveryBytes = 16 << 20;

/**
 * Groups the logon events of a Winlogbeat JSON-lines file from its bytes (createWinlogbeatLineGrouper):
 * only a new group's fields are decoded, and any line the byte scanner is unsure of is read by the
 * streaming reader (`WinlogbeatLogonLines`), so problems, counts and groups are the streaming
 * reader's. Memory: one line block and the groups. A large file is read on worker threads, in ranges
 * merged in file order to the same result (`groupWinlogbeatOnWorkers`), when a bundled worker exists.
 */
export async function groupWinlogbeatLogons(
  source: ByteSource,
  options: GroupLogonOptions & { readonly dedupe: EventDeduplicator },
): Promise<LogonGrouping> {
  const workers = options.readWorkers;
  // Opt-in: where nearly every event is a group of its own (the audits measured), merging the ranges
  // costs about what the workers save, and more CPU and memory in all (docs/benchmarks.md).
  const script =
    workers?.winlogbeatScript === "bundled"
      ? defaultWinlogbeatWorkerScript()
      : workers?.winlogbeatScript;
  const rangeBytes = workers?.rangeBytes ?? defaultRangeBytes;
  // Worth workers from two ranges on, when a bundled worker is at hand.
  const minBytes = workers?.minBytes ?? 2 * rangeBytes;
  if (script !== undefined && source.size !== undefined && source.size >= minBytes) {
    const { availableParallelism } = await import("node:os");
    const count = Math.max(1, workers?.count ?? Math.min(4, availableParallelism()));
    const pool = await startWinlogbeatRangePool(script, count, workers?.heapMb ?? 256);
    try {
      return await groupWinlogbeatOnWorkers(source, options, pool, rangeBytes);
    } finally {
      await pool.close();
    }
  }
  const wanted = options.eventIds ?? new Set([4624]);
  const lines = new WinlogbeatLogonLines(
    source.name,
    wanted,
    new EvidenceProblemLog(options.onProblem, options.keepProblems),
  );
  const store = new LogonGroupStore(source.name, options.dedupe);
  const take = options.takeGroups;
  const read = createWinlogbeatLineGrouper(
    lines,
    store,
    wanted,
    options.splitAtMs,
    options.directJudge !== undefined && take !== undefined && options.takeMore !== undefined
      ? new DirectLogonNames(options.directJudge())
      : undefined,
  );
  // The store then holds the columns only of the groups seen since they were last handed on.
  let untaken = 0;
  try {
    for await (const block of readLineBlocks(source, options.onBytes, lines.tooLong)) {
      lines.forEachRecord(block, read);
      untaken += block.bytes.length;
      if (take !== undefined && untaken >= (options.takeEveryBytes ?? takeEveryBytes)) {
        store.takeGroups(take, options.takeMore, options.takeMoreAt);
        untaken = 0;
      }
    }
  } catch (error) {
    lines.log.report({
      code: "EVIDENCE_UNREADABLE",
      file: source.name,
      message: describeReadError(error),
    });
  }
  if (take !== undefined) store.takeGroups(take, options.takeMore, options.takeMoreAt);
  return {
    summary: lines.summary(),
    logons: store.logons,
    duplicates: store.duplicates,
    groups: () => store.groups(),
  };
}
