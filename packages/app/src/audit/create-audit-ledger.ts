import type {
  DirectLogonJudge,
  LogonEvent,
  LogonGroup,
  SeenAt,
  UalAccess,
} from "@calwise/evidence";
import { AccessLedger } from "./access-ledger.ts";
import { createDirectLogonJudge } from "./direct-logon-judge.ts";
import type { InventoryIndex } from "./inventory-index.ts";
import {
  createLogonTally,
  type LogonTally,
  recordLogonGroup,
  widenLogonAt,
  widenLogonGroup,
} from "./record-logon-access.ts";
import { recordUalAccess } from "./record-ual-access.ts";
import { ServerDirectory } from "./server-directory.ts";
import { TakenGroups } from "./taken-groups.ts";

/** The ledger step's state: the servers known, the distinct accesses and the logon counters. */
export interface AuditLedger {
  readonly servers: ServerDirectory;
  readonly ledger: AccessLedger;
  readonly tally: LogonTally;
  /** The --since instant (readers split groups there), if any. */
  readonly sinceMs: number | undefined;
  /**
   * Applies the logon rules to a group of events read at `base` + its positions; records its access.
   * True when `id` is given and all the group did was widen an access (its later events may then
   * come to widenLogonGroup one by one).
   * A group given again with the same `id` in the same source (read on after it was handed on) counts
   * as part of the group first given: its user is the one resolved then.
   */
  recordLogonGroup(group: LogonGroup, base: number, id?: number): boolean;
  /**
   * More events of group `id` of the source read at `base`, given before to recordLogonGroup, read in
   * `file`: recorded when all the group did was widen an access (true), else left to recordLogonGroup.
   */
  widenLogonGroup(
    id: number,
    base: number,
    more: { readonly events: number; readonly first: SeenAt; readonly last: SeenAt },
    file: string,
  ): boolean;
  /** One more event of group `id` of the source read at `base`, as widenLogonGroup with its time the ISO text of `ms`. */
  widenLogonAt(id: number, base: number, ms: number, at: number, file: string): boolean;
  /**
   * The rules on names alone for the source read at `base` from `file`, for readers that hand on
   * groups by their names' numbers (DirectLogonJudge): its pieces are recorded as recordLogonGroup
   * with `id` would record them.
   */
  directJudge(base: number, file: string): DirectLogonJudge;
  /** Applies the logon rules to one event, read after every event recorded before (tests). */
  recordLogon(event: LogonEvent): void;
  /** Records the access a UAL record read at position `at` shows. */
  recordUal(access: UalAccess, at: number): void;
}

/**
 * The ledger step: the servers (the owned deployment's first, then AD computers with a server OS) and
 * an AccessLedger that keeps one record per distinct (user, device, server, service) with first and
 * last seen, event count and files. Logons before `since` are counted, not recorded.
 */
export function createAuditLedger(
  ownedServers: readonly { readonly name: string; readonly product?: string }[],
  inventory: InventoryIndex,
  options: { readonly since?: string; readonly rdsHosts?: readonly string[] },
): AuditLedger {
  const servers = new ServerDirectory(ownedServers, inventory);
  const ledger = new AccessLedger();
  const tally = createLogonTally();
  const context = {
    servers,
    inventory,
    ledger,
    tally,
    sinceMs: options.since === undefined ? undefined : Date.parse(`${options.since}T00:00:00Z`),
    rdsHosts: new Set((options.rdsHosts ?? []).map((s) => s.toLowerCase())),
  };
  const takenGroups = new TakenGroups();
  let next = 0;
  return {
    servers,
    ledger,
    tally,
    sinceMs: context.sinceMs,
    recordLogonGroup: (group, base, id) => {
      if (id === undefined) return recordLogonGroup(group, base, context, undefined);
      if (base !== takenGroups.base) takenGroups.reset(base);
      return recordLogonGroup(group, base, context, { groups: takenGroups, id });
    },
    widenLogonGroup: (id, base, more, file) =>
      base === takenGroups.base &&
      widenLogonGroup({ groups: takenGroups, id }, more, base, file, context),
    widenLogonAt: (id, base, ms, at, file) =>
      base === takenGroups.base &&
      widenLogonAt({ groups: takenGroups, id }, ms, base + at, file, context),
    directJudge: (base, file) => createDirectLogonJudge(context, takenGroups, base, file),
    recordLogon: (event) => {
      const seen = { time: event.time, ms: Date.parse(event.time), at: next++ };
      recordLogonGroup({ event, events: 1, first: seen, last: seen }, 0, context, undefined);
    },
    recordUal: (access, at) => recordUalAccess(access, at, context),
  };
}
