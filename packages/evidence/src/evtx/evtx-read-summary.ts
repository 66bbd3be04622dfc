import type { EvtxProblem, EvtxProblemCode } from "./evtx-problem.ts";
import type { EvtxWorkTotals } from "./evtx-work-totals.ts";

/** What one readEvtx pass saw: the generator's return value. */
export interface EvtxReadSummary {
  readonly file: string;
  readonly records: number;
  /** Chunks whose records were read (including partly read truncated ones). */
  readonly chunks: number;
  readonly problemCounts: Readonly<Partial<Record<EvtxProblemCode, number>>>;
  /** The first problems in file order; `onProblem` receives every one. */
  readonly problems: readonly EvtxProblem[];
  /** How many problems were counted but not kept in `problems`. */
  readonly problemsNotKept: number;
  /** The BinXML work the pass did; each record's share is bounded by docs/limits.md. */
  readonly work: Readonly<EvtxWorkTotals>;
}
