import type { EvtxProblem } from "../evtx-problem.ts";
import type { EvtxReadSummary } from "../evtx-read-summary.ts";
import type { EvtxRecord } from "../evtx-record.ts";
import { type ReadEvtxOptions, readEvtx } from "../read-evtx.ts";

/** Everything one readEvtx pass produced, for tests that look at the whole outcome. */
export interface DrainedEvtx {
  readonly records: EvtxRecord[];
  readonly problems: EvtxProblem[];
  readonly summary: EvtxReadSummary;
}

/** Reads a whole input, keeping records, every reported problem and the returned summary. */
export async function drainEvtx(
  source: string | AsyncIterable<Uint8Array>,
  options: Omit<ReadEvtxOptions, "onProblem"> = {},
): Promise<DrainedEvtx> {
  const problems: EvtxProblem[] = [];
  const records: EvtxRecord[] = [];
  const iterator = readEvtx(source, { ...options, onProblem: (problem) => problems.push(problem) });
  for (;;) {
    const step = await iterator.next();
    if (step.done === true) return { records, problems, summary: step.value };
    records.push(step.value);
  }
}
