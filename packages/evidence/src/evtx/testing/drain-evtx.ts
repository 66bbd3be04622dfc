import type { ByteSource } from "../../source/byte-source.ts";
import { fileSource } from "../../testing/file-source.ts";
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

/**
 * Reads a whole input (a path, or a stream named `fileLabel`), keeping records, every reported problem
 * and the returned summary.
 */
export async function drainEvtx(
  input: string | AsyncIterable<Uint8Array>,
  { fileLabel, ...options }: Omit<ReadEvtxOptions, "onProblem"> & { fileLabel?: string } = {},
): Promise<DrainedEvtx> {
  const source: ByteSource =
    typeof input === "string"
      ? fileSource(input)
      : { name: fileLabel ?? "<stream>", open: () => input };
  const problems: EvtxProblem[] = [];
  const records: EvtxRecord[] = [];
  const iterator = readEvtx(source, { ...options, onProblem: (problem) => problems.push(problem) });
  for (;;) {
    const step = await iterator.next();
    if (step.done === true) return { records, problems, summary: step.value };
    records.push(step.value);
  }
}
