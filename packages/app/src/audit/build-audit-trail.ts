import type { EvaluationResult } from "@calwise/core";
import { recognisedEventIds } from "@calwise/evidence";
import type { WindowedAccesses } from "./apply-audit-window.ts";
import type { AuditReading } from "./audit-reading.ts";
import type { AuditReport } from "./audit-report.ts";
import type { AuditDeployment } from "./build-audit-deployment.ts";
import { buildCountedHolders } from "./build-counted-holders.ts";
import { buildHolderEvidence } from "./build-holder-evidence.ts";
import { buildLogonBreakdown } from "./build-logon-breakdown.ts";
import { compareText } from "./compare-text.ts";
import type { AuditLedger } from "./create-audit-ledger.ts";
import { rankHolders } from "./holder-ranks.ts";
import type { InventoryIndex } from "./inventory-index.ts";

/** Events of other ids that the audit recognises, as a note ("2 × 4634 (logoff)"), or none. */
function recognisedNote(reading: AuditReading): string | undefined {
  const other: Record<string, number> = {};
  for (const s of reading.summaries)
    for (const [id, n] of Object.entries(s.eventIds))
      if (id !== "4624") other[id] = (other[id] ?? 0) + n;
  const recognised = Object.entries(other).filter(([id]) => recognisedEventIds.has(Number(id)));
  if (recognised.length === 0) return undefined;
  return `recognised and not counted as access: ${recognised.map(([id, n]) => `${n} × ${id} (${recognisedEventIds.get(Number(id))})`).join("; ")}`;
}

const toNotes = (m: ReadonlyMap<string, { reason: string; events: number }>) =>
  [...m]
    .map(([id, v]) => ({ id, reason: v.reason, events: v.events }))
    .sort((a, b) => compareText(a.id, b.id));

/**
 * The trail step: the audit result. The evaluation, what each source gave, the counts, the accounts
 * and computers not counted and why (per account and rule), the notes, every counted user and device
 * with its accesses, and the evidence behind every CAL holder (first and last seen, servers, events,
 * files and a sample event to look at). The evidence trail and the counted lists are built as the report is written.
 */
export function buildAuditTrail(parts: {
  readonly reading: AuditReading;
  readonly read: { readonly eventsRead: number; readonly ualRecords: number };
  readonly ledger: AuditLedger;
  readonly windowed: WindowedAccesses;
  readonly built: AuditDeployment;
  readonly evaluation: EvaluationResult;
  readonly inventory: InventoryIndex;
  readonly domainAliases: ReadonlyMap<string, string> | undefined;
}): AuditReport {
  const { reading, ledger, windowed, built, evaluation } = parts;
  const { tally } = ledger;
  const flagsOf = (id: string) => [
    ...(tally.disabled.has(id) ? ["disabled in AD"] : []),
    ...(tally.adminOnly.has(id) ? ["admin-only"] : []),
  ];
  const notes = [...built.notes];
  const recognised = recognisedNote(reading);
  if (recognised !== undefined) notes.push(recognised);
  if (windowed.window.rule === "ninety-days-before-newest" && windowed.window.start !== null)
    notes.push(
      "first seen and event counts cover every event read; an access counts when it has an event in the window",
    );
  // The holders' names and those of the logons at the server itself ranked in one sort.
  const ranks = rankHolders(ledger.ledger, windowed.inWindow, tally.atServer.nameTexts);
  const trail = buildHolderEvidence(evaluation, built, ledger.ledger, flagsOf, ranks);
  const counted = buildCountedHolders(
    ledger.ledger,
    windowed.inWindow,
    trail.listed,
    flagsOf,
    ranks,
  );
  return {
    schemaVersion: 1,
    window: windowed.window,
    evaluation,
    files: reading.summaries,
    counts: {
      eventsRead: parts.read.eventsRead,
      logonEvents: tally.logonEvents,
      counted: tally.counted,
      duplicates: tally.duplicates,
      eventsBeforeSince: tally.beforeWindow,
      accessesBeforeWindow: ledger.ledger.size - windowed.inWindow.length,
      ualRecords: parts.read.ualRecords,
      skipped: { ...tally.skipped },
      distinctAccesses: windowed.inWindow.length,
    },
    computersNotCounted: [...tally.computersNotCounted]
      .map(([computer, v]) => ({ computer, reason: v.reason, events: v.events }))
      .sort((a, b) => compareText(a.computer, b.computer)),
    serviceAccounts: toNotes(tally.serviceAccounts),
    adminOnlyAccounts: toNotes(tally.adminOnly),
    disabledAccounts: toNotes(tally.disabled),
    unresolvedAddresses: [...tally.unresolvedAddresses].sort(),
    domainAliases: [
      ...[...(parts.domainAliases ?? new Map<string, string>())].map(([alias, domain]) => ({
        alias,
        domain,
        inferred: false,
      })),
      ...[...parts.inventory.inferredAliases].map(([alias, domain]) => ({
        alias,
        domain,
        inferred: true,
      })),
    ],
    holders: trail.holders,
    countedUsers: counted.users,
    countedDevices: counted.devices,
    ...buildLogonBreakdown(tally, tally.counted > 0, ranks.others),
    notes,
    problems: reading.problems,
    problemCount: reading.problemCount,
  };
}
