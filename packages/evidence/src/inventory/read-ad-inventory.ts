import { type CsvPass, readCsvRows } from "../csv/read-csv-rows.ts";
import { EvidenceProblemLog } from "../event/evidence-problem-log.ts";
import type { EvidenceReadOptions } from "../event/evidence-read-options.ts";
import { type EvidenceReadSummary, summariseRead } from "../event/evidence-read-summary.ts";
import type { ByteSource } from "../source/byte-source.ts";
import type { AdComputer } from "./ad-computer.ts";
import type { AdUser } from "./ad-user.ts";
import { commonNameOf, domainOfDistinguishedName } from "./read-distinguished-name.ts";
import { splitMultiValue, typeNamePattern } from "./split-multi-value.ts";

/** One inventory entry: an AD user or an AD computer. */
export type AdEntry =
  | { readonly kind: "user"; readonly user: AdUser }
  | { readonly kind: "computer"; readonly computer: AdComputer };

function isTrue(text: string | undefined, otherwise: boolean): boolean {
  const t = (text ?? "").trim().toLowerCase();
  if (t === "true") return true;
  if (t === "false") return false;
  return otherwise;
}

const multiValued = ["MemberOf", "ServicePrincipalName", "servicePrincipalName"];

/**
 * Streams an Active Directory export: `Get-ADUser -Properties * | Export-Csv` (SamAccountName,
 * Enabled, DistinguishedName, MemberOf, Description, ServicePrincipalName…) or `Get-ADComputer
 * -Properties * | Export-Csv` (Name, DNSHostName, IPv4Address, OperatingSystem, Enabled); the header
 * tells which. Multi-valued columns must hold values joined by `;` (docs/audit.md): a column holding
 * only the .NET type name is reported once (CSV_TYPE_NAME_VALUE).
 */
export async function* readAdInventory(
  source: ByteSource,
  options: EvidenceReadOptions = {},
): AsyncGenerator<AdEntry, EvidenceReadSummary, undefined> {
  const file = source.name;
  const log = new EvidenceProblemLog(options.onProblem, options.keepProblems);
  const pass: CsvPass = { columns: [], rows: 0, skipped: 0, readable: true };
  let kind: "user" | "computer" = "user";
  let yielded = 0;
  const typeNameReported = new Set<string>();
  const rows = readCsvRows(
    source,
    log,
    pass,
    (columns) => {
      if (columns.includes("SamAccountName") && !columns.includes("OperatingSystem")) {
        kind = "user";
        return undefined;
      }
      if (
        columns.includes("Name") &&
        (columns.includes("DNSHostName") || columns.includes("OperatingSystem"))
      ) {
        kind = "computer";
        return undefined;
      }
      return {
        message:
          "not an Active Directory export: no SamAccountName (users) or Name and DNSHostName (computers) column",
        expected: "Get-ADUser or Get-ADComputer -Properties * | Export-Csv columns",
      };
    },
    options.onBytes,
  );
  for await (const row of rows) {
    const v = row.values;
    const location = { file, line: row.line, record: row.record };
    for (const column of multiValued) {
      const value = (v[column] ?? "").trim();
      if (typeNamePattern.test(value) && !typeNameReported.has(column)) {
        typeNameReported.add(column);
        log.report({
          code: "CSV_TYPE_NAME_VALUE",
          ...location,
          message: `column ${column} holds the .NET type name, not the values; export it joined: @{n='${column}';e={$_.${column} -join ';'}}`,
          expected: "values separated by ;",
          received: value,
        });
      }
    }
    const dn = (v.DistinguishedName ?? "").trim();
    if (kind === "user") {
      const sam = (v.SamAccountName ?? v.sAMAccountName ?? "").trim();
      if (sam === "") {
        pass.skipped++;
        log.report({
          code: "EVENT_BAD_FIELD",
          ...location,
          message: "empty SamAccountName",
          expected: "an account name",
          received: '""',
        });
        continue;
      }
      yielded++;
      yield {
        kind: "user",
        user: {
          samAccountName: sam,
          enabled: isTrue(v.Enabled, true),
          distinguishedName: dn,
          domain: domainOfDistinguishedName(dn),
          userPrincipalName: (v.UserPrincipalName ?? "").trim(),
          sid: (v.SID ?? v.objectSid ?? "").trim(),
          description: (v.Description ?? "").trim(),
          memberOf: splitMultiValue(v.MemberOf).map(commonNameOf),
          servicePrincipalNames: splitMultiValue(v.ServicePrincipalName ?? v.servicePrincipalName),
          objectClass: (v.ObjectClass ?? v.objectClass ?? "user").trim(),
          location,
        },
      };
    } else {
      const name = (v.Name ?? "").trim();
      if (name === "") {
        pass.skipped++;
        log.report({
          code: "EVENT_BAD_FIELD",
          ...location,
          message: "empty Name",
          expected: "a computer name",
          received: '""',
        });
        continue;
      }
      yielded++;
      yield {
        kind: "computer",
        computer: {
          name,
          dnsHostName: (v.DNSHostName ?? "").trim(),
          ipv4Address: (v.IPv4Address ?? "").trim(),
          ipv6Address: (v.IPv6Address ?? "").trim(),
          operatingSystem: (v.OperatingSystem ?? "").trim(),
          enabled: isTrue(v.Enabled, true),
          domain:
            domainOfDistinguishedName(dn) ||
            (v.DNSHostName ?? "").trim().toLowerCase().split(".").slice(1).join("."),
          location,
        },
      };
    }
  }
  return summariseRead(
    file,
    kind === "user" ? "ad-user-csv" : "ad-computer-csv",
    { records: pass.rows, yielded, skipped: pass.skipped, fields: pass.columns },
    log,
  );
}
