import type { EvtxLogonChunkOptions } from "../evtx/read-evtx-logon-chunks.ts";
import type { EventDeduplicator } from "./event-deduplicator.ts";

/** What groupLogonEvents reads besides the logon reading's options. */
export interface GroupLogonOptions extends EvtxLogonChunkOptions {
  /** Recognises events already seen, across the sources of one audit (default: this source's own). */
  readonly dedupe?: EventDeduplicator;
  /** Events before this instant and from it are grouped apart (the audit's --since). */
  readonly splitAtMs?: number;
}
