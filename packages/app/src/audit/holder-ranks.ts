import type { AccessLedger } from "./access-ledger.ts";
import { rankTexts } from "./rank-texts.ts";

/** The users' and the devices' places in the report's order (`compareText`), computed once. */
export interface HolderRanks {
  readonly user: ReadonlyMap<string, number>;
  readonly device: ReadonlyMap<string, number>;
}

/** The ranks of every user and every device of the ledger's `records`: the holders the trail lists. */
export function rankHolders(ledger: AccessLedger, records: Int32Array): HolderRanks {
  const users: string[] = [];
  const devices: string[] = [];
  for (const r of records) {
    const user = ledger.user(r);
    const device = ledger.device(r);
    if (user !== undefined) users.push(user);
    if (device !== undefined) devices.push(device);
  }
  return { user: rankTexts(users), device: rankTexts(devices) };
}
