import type { GroupLogonOptions } from "./group-logon-options.ts";
import type { LogonGroupStore } from "./logon-group-store.ts";

/** How many bytes a reading with `takeGroups` reads between handing its groups on (Winlogbeat's too). */
const defaultTakeEveryBytes = 16 << 20;
/**
 * How many groups the store holds before they are handed on: about 50 MB of columns. Handed on every
 * 16 MiB as Winlogbeat's are, the Sentinel exports' groups (each seen again and again through the file)
 * cost 26-41 % more CPU at 400 MB, every later event widening its access alone, for 0-17 MB less at
 * the peak (docs/benchmarks.md, branch exports-rate).
 */
const defaultTakeHeldGroups = 1 << 18;

/**
 * Hands a byte reader's groups on as it reads (GroupLogonOptions.takeGroups): once `takeEveryBytes`
 * more were read, between two records, when the store holds `takeHeldGroups` or more, so the store
 * keeps the columns of a bounded number of groups however many distinct groups the file has. The
 * bytes are counted through `onBytes`, which the reading gives its source in place of the caller's.
 */
export class GroupHandOver {
  private untaken = 0;
  private readonly every: number;
  private readonly held: number;
  /** The caller's onBytes, counting the bytes read. */
  readonly onBytes: (bytes: number) => void;

  constructor(
    private readonly store: LogonGroupStore,
    private readonly options: GroupLogonOptions,
  ) {
    this.every = options.takeEveryBytes ?? defaultTakeEveryBytes;
    this.held = options.takeHeldGroups ?? defaultTakeHeldGroups;
    const outer = options.onBytes;
    this.onBytes = (bytes) => {
      this.untaken += bytes;
      outer?.(bytes);
    };
  }

  /** Between two records: hands the groups on when enough was read since the last time and enough are held. */
  between(): void {
    if (this.untaken < this.every) return;
    if (this.store.held >= this.held) this.finish();
    else this.untaken = 0;
  }

  /** Hands on every group not yet taken (the end of the reading). */
  finish(): void {
    this.untaken = 0;
    const take = this.options.takeGroups;
    if (take !== undefined) this.store.takeGroups(take, this.options.takeMore);
  }
}
