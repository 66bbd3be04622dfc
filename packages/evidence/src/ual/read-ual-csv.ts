import { type CsvPass, readCsvRows } from "../csv/read-csv-rows.ts";
import { EvidenceProblemLog } from "../event/evidence-problem-log.ts";
import type { EvidenceReadOptions } from "../event/evidence-read-options.ts";
import { type EvidenceReadSummary, summariseRead } from "../event/evidence-read-summary.ts";
import { normaliseEventTime } from "../event/normalise-event-time.ts";
import type { ByteSource } from "../source/byte-source.ts";
import type { UalAccess } from "./ual-access.ts";

/** What readUalCsv needs besides the generic options. */
export interface ReadUalOptions extends EvidenceReadOptions {
  /** The server the export came from, when it has no PSComputerName column. */
  readonly server?: string;
}

/**
 * Streams a User Access Logging export (`Get-UalUserAccess | Export-Csv` or `Get-UalDeviceAccess |
 * Export-Csv`): UserName or IPAddress, RoleName, ProductName, FirstSeen, LastSeen, ActivityCount,
 * TenantIdentifier, and the server from PSComputerName or `options.server`. Which of the two it is
 * follows from the header (UserName or IPAddress).
 */
export async function* readUalCsv(
  source: ByteSource,
  options: ReadUalOptions = {},
): AsyncGenerator<UalAccess, EvidenceReadSummary, undefined> {
  const file = source.name;
  const log = new EvidenceProblemLog(options.onProblem, options.keepProblems);
  const pass: CsvPass = { columns: [], rows: 0, skipped: 0, readable: true };
  let kind: "user" | "device" = "user";
  let yielded = 0;
  const rows = readCsvRows(
    source,
    log,
    pass,
    (columns) => {
      kind = columns.includes("UserName") ? "user" : "device";
      const missing = [
        ...(columns.includes("UserName") || columns.includes("IPAddress")
          ? []
          : ["UserName or IPAddress"]),
        ...["RoleName", "LastSeen"].filter((c) => !columns.includes(c)),
      ];
      if (!columns.includes("PSComputerName") && options.server === undefined)
        missing.push("PSComputerName (or give the server with --server)");
      if (missing.length === 0) return undefined;
      return {
        message: `not a User Access Logging export: missing ${missing.join(", ")}`,
        expected: "Get-UalUserAccess or Get-UalDeviceAccess | Export-Csv columns",
      };
    },
    options.onBytes,
  );
  for await (const row of rows) {
    const v = row.values;
    const location = { file, line: row.line, record: row.record };
    const principal = (kind === "user" ? v.UserName : v.IPAddress)?.trim() ?? "";
    const server = (v.PSComputerName ?? "").trim() || options.server || "";
    const lastSeen = normaliseEventTime(v.LastSeen ?? "");
    const firstSeen = normaliseEventTime(v.FirstSeen ?? "") ?? lastSeen;
    const bad = (message: string, expected: string, received: string) => {
      pass.skipped++;
      log.report({ code: "EVENT_BAD_FIELD", ...location, message, expected, received });
    };
    if (principal === "") {
      bad(
        `empty ${kind === "user" ? "UserName" : "IPAddress"}`,
        kind === "user" ? "DOMAIN\\account" : "an IP address",
        '""',
      );
      continue;
    }
    if (lastSeen === undefined || firstSeen === undefined) {
      bad(
        "LastSeen is not a time",
        "a time such as 11/20/2026 8:01:02 AM",
        JSON.stringify(v.LastSeen ?? ""),
      );
      continue;
    }
    if (server === "") {
      bad("no server", "PSComputerName or --server", '""');
      continue;
    }
    const count = Number((v.ActivityCount ?? "").trim());
    yielded++;
    yield {
      kind,
      server,
      ...(kind === "user" ? { userName: principal } : { ipAddress: principal }),
      roleName: (v.RoleName ?? "").trim(),
      productName: (v.ProductName ?? "").trim(),
      firstSeen,
      lastSeen,
      activityCount: Number.isSafeInteger(count) && count > 0 ? count : 1,
      tenantIdentifier: (v.TenantIdentifier ?? "").trim(),
      location,
    };
  }
  return summariseRead(
    file,
    kind === "user" ? "ual-user-csv" : "ual-device-csv",
    { records: pass.rows, yielded, skipped: pass.skipped, fields: pass.columns },
    log,
  );
}
