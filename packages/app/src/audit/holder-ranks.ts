import type { AccessRecord } from "./access-ledger.ts";
import { rankTexts } from "./rank-texts.ts";

/** The users' and the devices' places in the report's order (`compareText`), computed once. */
export interface HolderRanks {
  readonly user: ReadonlyMap<string, number>;
  readonly device: ReadonlyMap<string, number>;
}

/** The ranks of every user and every device of `records`: the holders the trail lists. */
export function rankHolders(records: readonly AccessRecord[]): HolderRanks {
  const users: string[] = [];
  const devices: string[] = [];
  for (const r of records) {
    if (r.user !== undefined) users.push(r.user);
    if (r.device !== undefined) devices.push(r.device);
  }
  return { user: rankTexts(users), device: rankTexts(devices) };
}
