import {
  type AuditResult,
  auditEvidence,
  type NamedDocument,
  readFieldMapDocument,
} from "@calwise/app";
import { loadCatalog } from "@calwise/catalog";
import { CalwiseError, type Catalog, errorCodes, type InputProblem } from "@calwise/core";
import { type EvidenceFormat, eventFormats, formatEvidenceLocation } from "@calwise/evidence";
import {
  expandFilePatterns,
  loadDeploymentFile,
  loadHighsSolver,
  openFileByteSource,
  readDocumentFile,
} from "@calwise/node-files";
import { SingleBar } from "cli-progress";
import type { Command } from "commander";
import { formatJsonChunks } from "../report/format-json-chunks.ts";
import { renderEvaluationReport } from "../report/render-evaluation-report.ts";
import { writeTextChunks } from "../report/write-text-chunks.ts";

const collect = (value: string, previous: string[]) => [...previous, value];

/** --since as YYYY-MM-DD, or bad input (exit 2) naming what was found. */
function checkDate(value: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(Date.parse(`${value}T00:00:00Z`)))
    throw new CalwiseError("INPUT_INVALID", "--since is not a date", [
      {
        code: "OPTION",
        path: "--since",
        message: "not a date",
        expected: "YYYY-MM-DD",
        received: value,
      },
    ]);
  return value;
}

/** --domain-alias values as NETBIOS=dns.domain, or bad input (exit 2). */
function checkAliases(values: readonly string[]): [string, string][] {
  return values.map((value) => {
    if (!/^[^=\s]+=[^=\s]+$/.test(value))
      throw new CalwiseError("INPUT_INVALID", "--domain-alias is not NETBIOS=dns.domain", [
        {
          code: "OPTION",
          path: "--domain-alias",
          message: "not an alias",
          expected: "NETBIOS=dns.domain, e.g. 3B=threebeesco.com",
          received: value,
        },
      ]);
    return value.split("=") as [string, string];
  });
}

/**
 * The --owned file as data for the audit. A `prices:` path in it names a price list relative to the
 * file (and inside its folder): it is read here and given inline, so the use case reads no file.
 */
function readOwnedFile(path: string): NamedDocument {
  const { deployment, prices } = loadDeploymentFile(path);
  if (prices === undefined) return deployment;
  return { ...deployment, data: { ...(deployment.data as object), prices } };
}

/** The formats --format may force: the event formats (accesses have --accesses, AD --inventory). */
const forcibleFormats = [...eventFormats];

/** --format as an event format, or bad input (exit 2) listing the ones there are. */
function checkFormat(value: string): EvidenceFormat {
  const format = forcibleFormats.find((f) => f === value);
  if (format !== undefined) return format;
  throw new CalwiseError("INPUT_INVALID", "--format is not an event format", [
    {
      code: "OPTION",
      path: "--format",
      message: "not an event format",
      expected: forcibleFormats.join(", "),
      received: value,
    },
  ]);
}

interface AuditOptions {
  events: string[];
  accesses: string[];
  format?: string;
  fieldMap?: string;
  inventory: string[];
  owned?: string;
  since?: string;
  json?: boolean;
  adminGroup: string[];
  domainAlias: string[];
  rdsHost: string[];
  server?: string;
  catalog?: string;
}

/**
 * The evidence part of the audit report, line by line: window, what was read, what was not counted,
 * and the trail.
 */
function* renderEvidenceLines(result: AuditResult): Generator<string> {
  const out: string[] = [];
  const c = result.counts;
  out.push("Evidence");
  out.push(
    `  Window: ${result.window.explanation}${result.window.start ? `; from ${result.window.start}` : ""}`,
  );
  out.push(
    `  Read ${result.files.length} file${result.files.length === 1 ? "" : "s"}: ${c.eventsRead} events, ${c.logonEvents} logons (4624), ${c.ualRecords} UAL records; counted ${c.counted}, duplicates ${c.duplicates}, before --since ${c.eventsBeforeSince}; ${c.distinctAccesses} distinct accesses in the window (${c.accessesBeforeWindow} only before it)`,
  );
  for (const f of result.files)
    out.push(
      `    ${f.file} (${f.format}): ${f.records} records${f.skipped ? `, ${f.skipped} skipped` : ""}${f.problemCount ? `, ${f.problemCount} problems` : ""}`,
    );
  const skipped = Object.entries(c.skipped);
  if (skipped.length > 0)
    out.push(`  Logons not counted: ${skipped.map(([reason, n]) => `${n} ${reason}`).join(", ")}`);
  for (const x of result.notCounted)
    out.push(
      `    ${x.account}: ${plural(x.events, "logon")} on ${x.servers.join(", ")}${x.from.length > 0 ? ` from ${x.from.join(", ")}${x.fromMore > 0 ? ` and ${x.fromMore} more` : ""}` : ""}; rule ${x.rule}${x.rule === "anonymous-logon" ? `: ${x.description}` : ""}`,
    );
  for (const a of result.atServer)
    out.push(
      `  At the server itself (console or loopback): ${a.user} on ${a.server} (${plural(a.events, "logon")}): the user is counted, the server is no device needing a CAL; rule ${a.rule}`,
    );
  for (const x of result.computersNotCounted)
    out.push(`  Not counted on ${x.computer}: ${x.events} logons: ${x.reason}`);
  for (const a of result.serviceAccounts)
    out.push(`  Service account, no CAL: ${a.id} (${a.events} logons; ${a.reason})`);
  for (const a of result.adminOnlyAccounts)
    out.push(
      `  Admin-only: ${a.id} (${a.reason}); counted as service: admin (two per server exempt)`,
    );
  for (const a of result.disabledAccounts)
    out.push(`  Disabled in AD but logged on: ${a.id} (${a.events} logons); still counted`);
  for (const a of result.domainAliases)
    out.push(
      `  Domain ${a.alias} = ${a.domain}${a.inferred ? " (inferred: pass --domain-alias to confirm)" : ""}`,
    );
  if (result.unresolvedAddresses.length > 0)
    out.push(
      `  Addresses not in the AD inventory, counted as devices by address: ${result.unresolvedAddresses.join(", ")}`,
    );
  for (const note of result.notes) out.push(`  Note: ${note}`);
  if (result.problemCount > 0) {
    out.push(`  Problems: ${result.problemCount} (records skipped and counted)`);
    for (const p of result.problems.slice(0, 20))
      out.push(
        `    ${formatEvidenceLocation(p)}: ${p.code}: ${p.message}${p.expected ? ` (expected ${p.expected}${p.received ? `, found ${p.received}` : ""})` : ""}`,
      );
  }
  // The lists grow with the estate (100,000 counted users): written line by line, never held whole.
  yield* out;
  out.length = 0;
  yield* renderCounted(result);
  out.push("", "Evidence trail (every user and device given a CAL)");
  if (result.holders.length === 0) out.push("  none");
  yield* out;
  for (const h of result.holders)
    yield `  ${h.type} ${h.id}${h.flags.length ? ` [${h.flags.join(", ")}]` : ""}: ${h.events} event${h.events === 1 ? "" : "s"} on ${h.servers.join(", ")}, first ${h.firstSeen}, last ${h.lastSeen}; e.g. ${formatEvidenceLocation(h.sample)}`;
  yield* renderRules(result);
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

/** Every counted user and device with its accesses: both lists, whichever CAL type was chosen. */
function* renderCounted(result: AuditResult): Generator<string> {
  for (const [title, list, other] of [
    ["Counted users", result.countedUsers, "from"],
    ["Counted devices", result.countedDevices, "used by"],
  ] as const) {
    yield "";
    yield `${title} (${list.length}; every one seen in the window, whichever CAL covers it)`;
    if (list.length === 0) yield "  none";
    for (const h of list) {
      yield `  ${h.id}${h.flags.length ? ` [${h.flags.join(", ")}]` : ""}: ${plural(h.events, "event")}, first ${h.firstSeen}, last ${h.lastSeen}; ${h.cal ? `given a ${h.type} CAL` : `no ${h.type} CAL of its own (covered by ${h.type === "user" ? "device" : "user"} CALs, or exempt)`}`;
      for (const a of h.accesses)
        yield `      ${a.server}: ${plural(a.events, "event")}, first ${a.firstSeen}, last ${a.lastSeen}${a.with.length > 0 ? `; ${other} ${a.with.join(", ")}` : ""}`;
    }
  }
}

/** The logon rules the report names, with their sources (W: docs/audit.md; R: licensing-rules). */
function renderRules(result: AuditResult): string[] {
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

/** The JSON report in pieces: the result as `JSON.stringify(result, null, 2)` writes it, and a newline. */
function* formatJsonReport(result: AuditResult): Generator<string> {
  yield* formatJsonChunks(result);
  yield "\n";
}

/** The text report in pieces: the evaluation report, then the evidence, one line at a time. */
function* renderAudit(result: AuditResult, catalog: Catalog): Generator<string> {
  yield `${renderEvaluationReport(result.evaluation, catalog)}\n`;
  for (const line of renderEvidenceLines(result)) yield `${line}\n`;
}

/**
 * `calwise audit`: reads event logs, UAL and AD exports, counts who accessed which server from which
 * device, and evaluates compliance against the --owned file; exit 0 compliant, 1 not, 2 bad input.
 */
export function registerAuditCommand(program: Command): void {
  program
    .command("audit")
    .description(
      "audit compliance from Windows logon logs (EVTX, event XML/CSV, Winlogbeat, SIEM exports), pre-aggregated accesses, UAL and AD exports",
    )
    .option(
      "--events <pattern>",
      "event log or UAL export; repeatable; globs expanded (logs/*.evtx)",
      collect,
      [],
    )
    .option(
      "--accesses <pattern>",
      "pre-aggregated accesses (CSV or JSON lines; docs/audit-at-scale.md); repeatable",
      collect,
      [],
    )
    .option(
      "--format <format>",
      `read every --events file as this format instead of detecting it (${forcibleFormats.join(", ")})`,
    )
    .option(
      "--field-map <file>",
      "YAML/JSON naming the columns or keys of a CSV or JSON export (docs/audit.md, SIEM exports)",
    )
    .option(
      "--inventory <pattern>",
      "Get-ADUser / Get-ADComputer export (CSV); repeatable",
      collect,
      [],
    )
    .option("--owned <file>", "deployment file with servers, owned CALs and prices (no accesses)")
    .option(
      "--since <date>",
      "count logons from this date (YYYY-MM-DD); default: 90 days before the newest",
    )
    .option("--json", "print the machine-readable result")
    .option(
      "--admin-group <name>",
      "AD group of admin-only accounts; repeatable (default Domain Admins, Enterprise Admins, Administrators)",
      collect,
      [],
    )
    .option(
      "--domain-alias <alias>",
      "NetBIOS=DNS domain name, e.g. 3B=threebeesco.com; repeatable",
      collect,
      [],
    )
    .option(
      "--rds-host <server>",
      "an RD Session Host: remote-interactive logons there need RDS CALs; repeatable",
      collect,
      [],
    )
    .option("--server <name>", "the server a UAL export without PSComputerName came from")
    .option("--catalog <file>", "catalog file, instead of the shipped one")
    .action(async (options: AuditOptions) => {
      const since = options.since === undefined ? undefined : checkDate(options.since);
      const aliases = checkAliases(options.domainAlias);
      const format = options.format === undefined ? undefined : checkFormat(options.format);
      if (format?.startsWith("mapped-") && options.fieldMap === undefined)
        throw new CalwiseError("INPUT_INVALID", `--format ${format} needs --field-map`);
      const fieldMap =
        options.fieldMap === undefined
          ? undefined
          : readFieldMapDocument(readDocumentFile(options.fieldMap));
      const events = expandFilePatterns(options.events);
      const accesses = expandFilePatterns(options.accesses);
      const inventory = expandFilePatterns(options.inventory);
      const unmatched: InputProblem[] = [
        ...events.unmatched,
        ...accesses.unmatched,
        ...inventory.unmatched,
      ].map((pattern) => ({
        code: "FILE",
        path: "",
        file: pattern,
        message: "no file matches this pattern",
      }));
      if (unmatched.length > 0)
        throw new CalwiseError("INPUT_UNREADABLE", "a pattern matches no file", unmatched);
      if (events.files.length === 0 && accesses.files.length === 0)
        throw new CalwiseError(
          "INPUT_INVALID",
          "no evidence: give event logs or UAL exports with --events, or accesses with --accesses",
        );
      const catalog = loadCatalog(options.catalog);
      const bar =
        !options.json && process.stderr.isTTY
          ? new SingleBar({
              format: "reading evidence [{bar}] {percentage}% | {value}/{total} MB | {file}",
              stream: process.stderr,
              hideCursor: true,
              clearOnComplete: true,
            })
          : undefined;
      let started = false;
      let lastUpdate = 0;
      try {
        const result = await auditEvidence(
          {
            evidence: events.files.map(openFileByteSource),
            accesses: accesses.files.map(openFileByteSource),
            ...(format ? { eventFormat: format } : {}),
            ...(fieldMap ? { fieldMap } : {}),
            inventory: inventory.files.map(openFileByteSource),
            ...(options.owned ? { owned: readOwnedFile(options.owned) } : {}),
            ...(since ? { since } : {}),
            ...(options.adminGroup.length > 0 ? { adminGroups: options.adminGroup } : {}),
            domainAliases: new Map(aliases),
            rdsHosts: options.rdsHost,
            ...(options.server ? { ualServer: options.server } : {}),
            // HiGHS is loaded only when the engine's own bounds leave a family open.
            loadSolver: () => loadHighsSolver(),
            ...(bar
              ? {
                  onProgress: (read: number, total: number, file: string) => {
                    const now = Date.now();
                    if (!started) {
                      bar.start(Math.max(1, Math.round(total / 1e6)), 0, { file });
                      started = true;
                    }
                    if (now - lastUpdate > 100 || read === total) {
                      lastUpdate = now;
                      bar.update(Math.round(read / 1e6), { file: file.split("/").pop() });
                    }
                  },
                }
              : {}),
          },
          catalog,
        );
        if (started) bar?.stop();
        await writeTextChunks(
          process.stdout,
          options.json ? formatJsonReport(result) : renderAudit(result, catalog),
        );
        process.exitCode = result.evaluation.compliant ? 0 : errorCodes.NOT_COMPLIANT.exitCode;
      } finally {
        if (started) bar?.stop();
      }
    });
}
