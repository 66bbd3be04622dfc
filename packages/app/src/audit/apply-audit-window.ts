import { type AuditWindow, chooseAuditWindow } from "@calwise/evidence";
import type { AccessLedger } from "./access-ledger.ts";
import type { AuditLedger } from "./create-audit-ledger.ts";
import { type AuditServer, isServerSkip } from "./server-directory.ts";

/** The accesses that count and the servers they (or anonymous logons) reached. */
export interface WindowedAccesses {
  readonly window: AuditWindow;
  /** The ledger the accesses are numbers of. */
  readonly ledger: AccessLedger;
  /** The accesses (their numbers in the ledger, in order) with an event in the window. */
  readonly inWindow: Int32Array;
  readonly usedServers: ReadonlyMap<string, AuditServer>;
}

/**
 * The window step: chooses the audit window (--since, or the 90 days before the newest event), keeps
 * the accesses with an event in it, and names the servers those accesses and the anonymous logons
 * reached.
 */
export function applyAuditWindow(since: string | undefined, ledger: AuditLedger): WindowedAccesses {
  const window = chooseAuditWindow(since, ledger.tally.newest);
  const startMs = window.start === null ? Number.POSITIVE_INFINITY : Date.parse(window.start);
  const accesses = ledger.ledger;
  const inWindow = accesses.since(startMs);
  const usedServers = new Map<string, AuditServer>();
  const use = (name: string) => {
    const server = ledger.servers.resolve(name);
    if (!isServerSkip(server)) usedServers.set(server.name, server);
  };
  // Each server name once, in the order first met (its name id marks it).
  const met = new Uint8Array(accesses.nameTable.length);
  for (const id of inWindow) {
    const server = accesses.serverId(id);
    if (met[server] === 1) continue;
    met[server] = 1;
    use(accesses.server(id));
  }
  for (const name of ledger.tally.anonymous.keys()) use(name);
  return { window, ledger: accesses, inWindow, usedServers };
}
