import { once } from "node:events";
import { copyFileSync, createWriteStream, writeFileSync } from "node:fs";
import { join } from "node:path";
import { runCli } from "../cli/run-cli.ts";
import { scratchDirectory } from "../scratch-directory.ts";

/** The customer's estate for the evidence tests: one server, no accesses (the evidence gives them). */
export const ownedDeployment = {
  name: "owned",
  servers: [{ name: "SRV1", product: "ws2012r2-standard", processors: 2 }],
};

/** The same estate with the entitlements below, as `calwise audit --owned` reads it. */
export const ownedYaml = `name: owned
servers:
  - { name: SRV1, product: ws2012r2-standard, processors: 2 }
owned:
  - { family: ws-cal, version: "2012", type: user, quantity: 3, source: "invoice INV-1" }
`;

/** The customer's purchases as the entitlement import reads them (docs/entitlements.md). */
export const entitlementsCsv = `invoice,date,family,version,type,quantity,amount,currency
INV-1,2026-03-01,ws-cal,2012,user,3,12000,USD
`;

/** One Winlogbeat logon line: `user<u>` from `PC<u>` to SRV1, network logon. */
function logonLine(index: number, users: number): string {
  const u = index % users;
  const day = String(1 + (index % 28)).padStart(2, "0");
  return `{"@timestamp":"2026-10-${day}T10:00:00.000Z","winlog":{"channel":"Security","computer_name":"SRV1.corp.example","event_data":{"LogonType":"3","TargetDomainName":"CORP","TargetUserName":"user${u}","WorkstationName":"PC${u}","IpAddress":"10.0.${u >> 8}.${u & 255}"},"event_id":"4624","record_id":"${index + 1}"}}\n`;
}

/** Writes `lines` Winlogbeat logons by `users` users (a real evidence format `calwise audit` reads). */
export async function writeLogonFile(path: string, lines: number, users = 5): Promise<void> {
  const out = createWriteStream(path);
  for (let i = 0; i < lines; i++) if (!out.write(logonLine(i, users))) await once(out, "drain");
  out.end();
  await once(out, "finish");
}

/** The same logons as text, for small in-process uploads. */
export function logonText(lines: number, users = 5): string {
  return Array.from({ length: lines }, (_, i) => logonLine(i, users)).join("");
}

/**
 * What `calwise audit --json --owned owned.yaml --events security.ndjson` prints for the evidence file
 * `evidencePath` (copied under that name, as the upload names it) and `ownedYaml`: the uninterrupted run
 * of another front end that an API audit must equal.
 */
export function runCliAudit(evidencePath: string): { stderr: string; result: unknown } {
  const dir = scratchDirectory("calwise-cli-audit-");
  copyFileSync(evidencePath, join(dir, "security.ndjson"));
  writeFileSync(join(dir, "owned.yaml"), ownedYaml);
  const cli = runCli(
    ["audit", "--json", "--owned", "owned.yaml", "--events", "security.ndjson"],
    dir,
  );
  return { stderr: cli.stderr, result: cli.stdout === "" ? undefined : JSON.parse(cli.stdout) };
}
