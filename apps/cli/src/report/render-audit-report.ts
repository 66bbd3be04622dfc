import type { AuditReport } from "@calwise/app";
import type { Catalog } from "@calwise/core";
import { formatEvidenceLocation } from "@calwise/evidence";
import { renderEvaluationReport } from "./render-evaluation-report.ts";

/**
 * At most this many entries of one list in the text report (counted users, counted devices, the
 * evidence trail, the accounts and computers not counted, …); the rest are counted on one line. The
 * text of a large estate's audit is read by a person: 100,000 counted users are a file, not a report.
 * `--json` lists every one (docs/audit.md, "The result").
 */
export const textListLimit = 1000;

/** At most this many names in one line of the text report (a device's users, unresolved addresses). */
export const textNamesLimit = 20;

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

/** The line that stands for the entries of a list past `textListLimit`. */
const moreLine = (indent: string, more: number) => `${indent}… ${more} more (see --json)`;

/**
 * The first `textListLimit` entries of `list` rendered by `render`, then one line counting the rest.
 * Only the entries shown are read (a counted list is built as it is read).
 */
function* limitLines<T>(
  list: Iterable<T> & { readonly length: number },
  render: (entry: T) => Iterable<string>,
  indent = "  ",
): Generator<string> {
  const shown = Math.min(list.length, textListLimit);
  let i = 0;
  if (shown > 0)
    for (const entry of list) {
      yield* render(entry);
      if (++i === shown) break;
    }
  if (list.length > shown) yield moreLine(indent, list.length - shown);
}

/** The first `textNamesLimit` names of `names` joined with commas, and how many more there are. */
function limitNames(names: readonly string[]): string {
  if (names.length <= textNamesLimit) return names.join(", ");
  return `${names.slice(0, textNamesLimit).join(", ")} and ${names.length - textNamesLimit} more`;
}

/**
 * The evidence part of the audit report, line by line: window, what was read, what was not counted,
 * and the trail.
 */
function* renderEvidenceLines(result: AuditReport): Generator<string> {
  const c = result.counts;
  yield "Evidence";
  yield `  Window: ${result.window.explanation}${result.window.start ? `; from ${result.window.start}` : ""}`;
  yield `  Read ${result.files.length} file${result.files.length === 1 ? "" : "s"}: ${c.eventsRead} events, ${c.logonEvents} logons (4624), ${c.ualRecords} UAL records; counted ${c.counted}, duplicates ${c.duplicates}, before --since ${c.eventsBeforeSince}; ${c.distinctAccesses} distinct accesses in the window (${c.accessesBeforeWindow} only before it)`;
  for (const f of result.files)
    yield `    ${f.file} (${f.format}): ${f.records} records${f.skipped ? `, ${f.skipped} skipped` : ""}${f.problemCount ? `, ${f.problemCount} problems` : ""}`;
  const skipped = Object.entries(c.skipped);
  if (skipped.length > 0)
    yield `  Logons not counted: ${skipped.map(([reason, n]) => `${n} ${reason}`).join(", ")}`;
  yield* limitLines(
    result.notCounted,
    (x) => [
      `    ${x.account}: ${plural(x.events, "logon")} on ${x.servers.join(", ")}${x.from.length > 0 ? ` from ${x.from.join(", ")}${x.fromMore > 0 ? ` and ${x.fromMore} more` : ""}` : ""}; rule ${x.rule}${x.rule === "anonymous-logon" ? `: ${x.description}` : ""}`,
    ],
    "    ",
  );
  yield* limitLines(result.atServer, (a) => [
    `  At the server itself (console or loopback): ${a.user} on ${a.server} (${plural(a.events, "logon")}): the user is counted, the server is no device needing a CAL; rule ${a.rule}`,
  ]);
  yield* limitLines(result.computersNotCounted, (x) => [
    `  Not counted on ${x.computer}: ${x.events} logons: ${x.reason}`,
  ]);
  yield* limitLines(result.serviceAccounts, (a) => [
    `  Service account, no CAL: ${a.id} (${a.events} logons; ${a.reason})`,
  ]);
  yield* limitLines(result.adminOnlyAccounts, (a) => [
    `  Admin-only: ${a.id} (${a.reason}); counted as service: admin (two per server exempt)`,
  ]);
  yield* limitLines(result.disabledAccounts, (a) => [
    `  Disabled in AD but logged on: ${a.id} (${a.events} logons); still counted`,
  ]);
  for (const a of result.domainAliases)
    yield `  Domain ${a.alias} = ${a.domain}${a.inferred ? " (inferred: pass --domain-alias to confirm)" : ""}`;
  if (result.unresolvedAddresses.length > 0)
    yield `  Addresses not in the AD inventory, counted as devices by address: ${limitNames(result.unresolvedAddresses)}`;
  for (const note of result.notes) yield `  Note: ${note}`;
  if (result.problemCount > 0) {
    yield `  Problems: ${result.problemCount} (records skipped and counted)`;
    for (const p of result.problems.slice(0, 20))
      yield `    ${formatEvidenceLocation(p)}: ${p.code}: ${p.message}${p.expected ? ` (expected ${p.expected}${p.received ? `, found ${p.received}` : ""})` : ""}`;
  }
  yield* renderCounted(result);
  yield "";
  yield "Evidence trail (every user and device given a CAL)";
  if (result.holders.length === 0) yield "  none";
  yield* limitLines(result.holders, (h) => [
    `  ${h.type} ${h.id}${h.flags.length ? ` [${h.flags.join(", ")}]` : ""}: ${h.events} event${h.events === 1 ? "" : "s"} on ${h.servers.join(", ")}, first ${h.firstSeen}, last ${h.lastSeen}; e.g. ${formatEvidenceLocation(h.sample)}`,
  ]);
  yield* renderRules(result);
}

/** Every counted user and device with its accesses: both lists, whichever CAL type was chosen. */
function* renderCounted(result: AuditReport): Generator<string> {
  for (const [title, list, other] of [
    ["Counted users", result.countedUsers, "from"],
    ["Counted devices", result.countedDevices, "used by"],
  ] as const) {
    yield "";
    yield `${title} (${list.length}; every one seen in the window, whichever CAL covers it)`;
    if (list.length === 0) yield "  none";
    yield* limitLines(list, function* (h) {
      yield `  ${h.id}${h.flags.length ? ` [${h.flags.join(", ")}]` : ""}: ${plural(h.events, "event")}, first ${h.firstSeen}, last ${h.lastSeen}; ${h.cal ? `given a ${h.type} CAL` : `no ${h.type} CAL of its own (covered by ${h.type === "user" ? "device" : "user"} CALs, or exempt)`}`;
      for (const a of h.accesses)
        yield `      ${a.server}: ${plural(a.events, "event")}, first ${a.firstSeen}, last ${a.lastSeen}${a.with.length > 0 ? `; ${other} ${limitNames(a.with)}` : ""}`;
    });
  }
}

/** The logon rules the report names, with their sources (W: docs/audit.md; R: licensing-rules). */
function renderRules(result: AuditReport): string[] {
  if (result.rules.length === 0) return [];
  const out = ["", "Logon rules named above"];
  const sources = new Map<string, string>();
  for (const r of result.rules) {
    out.push(`  ${r.id}: ${r.summary} [${r.sources.map((x) => x.label).join(", ")}]`);
    for (const x of r.sources)
      if (x.url !== undefined)
        sources.set(
          x.label,
          `${x.label} ${x.by === "microsoft" ? "" : "(third party) "}${x.title}: ${x.url}`,
        );
  }
  const labels = [...sources.keys()].sort((a, b) => Number(a.slice(1)) - Number(b.slice(1)));
  for (const label of labels) out.push(`    ${sources.get(label)}`);
  return out;
}

/**
 * The text report of an audit in pieces: the evaluation report, then the evidence, one line at a
 * time (the lists grow with the estate, so the text is never held whole). Lists longer than
 * `textListLimit` entries, and lines of more than `textNamesLimit` names, are cut with a count of the
 * rest; the JSON report is complete.
 */
export function* renderAuditReport(result: AuditReport, catalog: Catalog): Generator<string> {
  yield `${renderEvaluationReport(result.evaluation, catalog)}\n`;
  for (const line of renderEvidenceLines(result)) yield `${line}\n`;
}
