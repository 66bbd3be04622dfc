import { type AuditWindow, chooseAuditWindow } from "@calwise/evidence";
import type { AccessRecord } from "./access-ledger.ts";
import type { AuditLedger } from "./create-audit-ledger.ts";
import { type AuditServer, isServerSkip } from "./server-directory.ts";

/** The accesses that count and the servers they (or anonymous logons) reached. */
export interface WindowedAccesses {
  readonly window: AuditWindow;
  readonly inWindow: readonly AccessRecord[];
  readonly usedServers: ReadonlyMap<string, AuditServer>;
  /** The ledger's names by id, which the records' ids refer to. */
  readonly names: readonly (string | undefined)[];
}

/**
 * The window step: chooses the audit window (--since, or the 90 days before the newest event), keeps
 * the accesses with an event in it, and names the servers those accesses and the anonymous logons
 * reached.
 */
export function applyAuditWindow(since: string | undefined, ledger: AuditLedger): WindowedAccesses {
  const window = chooseAuditWindow(since, ledger.tally.newest);
  const startMs = window.start === null ? Number.POSITIVE_INFINITY : Date.parse(window.start);
  const inWindow = ledger.ledger.since(startMs);
  const usedServers = new Map<string, AuditServer>();
  for (const name of [...inWindow.map((r) => r.server), ...ledger.tally.anonymous.keys()]) {
    const server = ledger.servers.resolve(name);
    if (!isServerSkip(server)) usedServers.set(server.name, server);
  }
  return { window, inWindow, usedServers, names: ledger.ledger.nameTable };
}
