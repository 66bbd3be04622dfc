import {
  type AuditReport,
  auditEvidenceForReport,
  type NamedDocument,
  readFieldMapDocument,
} from "@calwise/app";
import { loadCatalog } from "@calwise/catalog";
import { CalwiseError, errorCodes, type InputProblem } from "@calwise/core";
import { type EvidenceFormat, eventFormats } from "@calwise/evidence";
import {
  expandFilePatterns,
  loadDeploymentFile,
  loadHighsSolver,
  openFileByteSource,
  readDocumentFile,
} from "@calwise/node-files";
import { SingleBar } from "cli-progress";
import type { Command } from "commander";
import { formatAuditJsonBytes } from "../report/format-audit-json.ts";
import { renderAuditReport } from "../report/render-audit-report.ts";
import { writeTextChunks } from "../report/write-text-chunks.ts";
import { CLI_HIGHS_LIMITS } from "./cli-highs-limits.ts";

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

/** The JSON report in pieces of UTF-8: the result as `JSON.stringify(result, null, 2)` writes it, and a newline. */
function* formatJsonReport(result: AuditReport): Generator<string | Uint8Array> {
  yield* formatAuditJsonBytes(result);
  yield "\n";
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
        const result = await auditEvidenceForReport(
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
            loadSolver: () => loadHighsSolver(CLI_HIGHS_LIMITS, { fewSolves: true }),
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
          options.json ? formatJsonReport(result) : renderAuditReport(result, catalog),
        );
        process.exitCode = result.evaluation.compliant ? 0 : errorCodes.NOT_COMPLIANT.exitCode;
      } finally {
        if (started) bar?.stop();
      }
    });
}
