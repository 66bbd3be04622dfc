import type { EvtxLogonChunkOptions } from "../evtx/read-evtx-logon-chunks.ts";
import type { DirectLogonJudge } from "./direct-logon-names.ts";
import type { EventDeduplicator } from "./event-deduplicator.ts";
import type { LogonGroup, SeenAt } from "./logon-group.ts";

/** What groupLogonEvents reads besides the logon reading's options. */
export interface GroupLogonOptions extends EvtxLogonChunkOptions {
  /** Recognises events already seen, across the sources of one audit (default: this source's own). */
  readonly dedupe?: EventDeduplicator;
  /** Events before this instant and from it are grouped apart (the audit's --since). */
  readonly splitAtMs?: number;
  /**
   * Where a reader that can hands its groups as it reads (Winlogbeat JSON lines, every few
   * megabytes), each with its id in the source: then `groups()` gives none. A group seen again after
   * it was handed on comes again with the same id and the events since, its event the first of
   * those (`LogonGroupStore.takeGroups`); the groups come in the order of their first event.
   * `true` (with takeMore): all the taker does with this group is widen what it recorded, so its
   * later events go to takeMore one by one as they are read.
   */
  readonly takeGroups?: (group: LogonGroup, id: number) => boolean | undefined;
  /**
   * With takeGroups: a group seen again after it was handed on is first offered here, without its
   * event (its count, first and last seen since); false hands it to takeGroups as a group. Once a
   * group was answered true (here or by takeGroups), each later event of it comes here as it is read
   * (count 1, first = last), in reading order but before the groups read with it are handed on.
   */
  readonly takeMore?: (id: number, events: number, first: SeenAt, last: SeenAt) => boolean;
  /**
   * With takeGroups and takeMore: as takeMore for one event of a settled group whose time is its
   * instant's ISO text, given as the instant alone (readers that can: Winlogbeat lines keyed directly).
   */
  readonly takeMoreAt?: (id: number, ms: number, at: number) => boolean;
  /**
   * With takeGroups and takeMore: the audit's rules on names, made for one source, so a reader from
   * bytes (Winlogbeat JSON lines) hands on the groups whose names decide their access by the names'
   * numbers (DirectLogonNames), to the judge's `take` instead of takeGroups and takeMore.
   */
  readonly directJudge?: () => DirectLogonJudge;
  /** Bytes read between handing groups to `takeGroups` (default 16 MiB; tests: a few, to cut groups often). */
  readonly takeEveryBytes?: number;
  /**
   * The byte readings of the event and SIEM exports (CSV, XML, flat JSON) hand their groups on only
   * while they hold at least this many (default 262,144, about 50 MB of columns; tests: 0): their
   * groups recur across the file, and each event of a group handed on goes to `takeMore` alone.
   */
  readonly takeHeldGroups?: number;
}
