import type { AccessLedger } from "./access-ledger.ts";
import { rankTextLists } from "./rank-text-lists.ts";

/** The users' and the devices' places in the report's order (`compareText`), computed once. */
export interface HolderRanks {
  readonly user: ReadonlyMap<string, number>;
  readonly device: ReadonlyMap<string, number>;
  /** The ranks of `others` (rankHolders' third argument) among themselves. */
  readonly others: ReadonlyMap<string, number>;
}

/**
 * The ranks of every user and every device of the ledger's `records`: the holders the trail lists.
 * Each distinct name is met once by its id in the ledger (one mark per name and side), so only the
 * distinct texts are ranked, not a text per record. `others` (the names of the logons at the server
 * itself, mostly the same users) are ranked among themselves in the same sort.
 */
export function rankHolders(
  ledger: AccessLedger,
  records: Int32Array,
  others: readonly string[] = [],
): HolderRanks {
  const names = ledger.nameTable;
  const met = new Uint8Array(names.length);
  const users: string[] = [];
  const devices: string[] = [];
  for (let i = 0; i < records.length; i++) {
    const r = records[i] as number;
    const user = ledger.userId(r);
    const device = ledger.deviceId(r);
    if (user !== 0 && ((met[user] as number) & 1) === 0) {
      met[user] = (met[user] as number) | 1;
      users.push(names[user] as string);
    }
    if (device !== 0 && ((met[device] as number) & 2) === 0) {
      met[device] = (met[device] as number) | 2;
      devices.push(names[device] as string);
    }
  }
  const [user, device, other] = rankTextLists([users, devices, others]) as [
    Map<string, number>,
    Map<string, number>,
    Map<string, number>,
  ];
  return { user, device, others: other };
}
