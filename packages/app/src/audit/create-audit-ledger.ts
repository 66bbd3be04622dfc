import type { AggregatedLogon, LogonEvent, UalAccess } from "@calwise/evidence";
import { AccessLedger } from "./access-ledger.ts";
import type { InventoryIndex } from "./inventory-index.ts";
import { createLogonTally, type LogonTally, recordLogonAccess } from "./record-logon-access.ts";
import { recordUalAccess } from "./record-ual-access.ts";
import { ServerDirectory } from "./server-directory.ts";

/** The ledger step's state: the servers known, the distinct accesses and the logon counters. */
export interface AuditLedger {
  readonly servers: ServerDirectory;
  readonly ledger: AccessLedger;
  readonly tally: LogonTally;
  /** Applies the logon rules to an event and records the access it shows. */
  recordLogon(event: LogonEvent): void;
  /** Applies the logon rules to a pre-aggregated row and records it as that many logons. */
  recordAggregated(access: AggregatedLogon): void;
  /** Records the access a UAL record shows. */
  recordUal(access: UalAccess): void;
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
  return {
    servers,
    ledger,
    tally,
    recordLogon: (event) => recordLogonAccess(event, context),
    recordAggregated: (access) => {
      // Rows carry no record ids: nothing to deduplicate, but every logon is counted as read.
      tally.logonEvents += access.events;
      recordLogonAccess(access.logon, context, { first: access.firstSeen, events: access.events });
    },
    recordUal: (access) => recordUalAccess(access, context),
  };
}
