export type { EvtxProblem, EvtxProblemCode } from "./evtx/evtx-problem.ts";
export type { EvtxReadSummary } from "./evtx/evtx-read-summary.ts";
export type { EvtxRecord, EvtxRecordLocation } from "./evtx/evtx-record.ts";
export { type ReadEvtxOptions, readEvtx } from "./evtx/read-evtx.ts";
