import { readFileSync } from "node:fs";
import { join } from "node:path";

/**
 * docs/audit-at-scale.md's DuckDB accesses query exactly as the doc prints it (the SQL block after its marker),
 * so the test that runs it and the bench that times it run the text a user copies.
 */
export function readDocumentedAccessesQuery(root: string): string {
  const doc = readFileSync(join(root, "docs/audit-at-scale.md"), "utf8");
  const marker = doc.indexOf("<!-- accesses-sql:duckdb -->");
  if (marker === -1)
    throw new Error("docs/audit-at-scale.md lost its <!-- accesses-sql:duckdb --> marker");
  const open = doc.indexOf("```sql\n", marker) + "```sql\n".length;
  return doc.slice(open, doc.indexOf("\n```", open));
}

/**
 * A DuckDB view `events` over Winlogbeat JSON lines with the flat export's column names the documented query
 * reads (the event data from `winlog.event_data`, the time from `@timestamp`).
 */
export function winlogbeatEventsView(path: string): string {
  const data = [
    "TargetUserName",
    "TargetDomainName",
    "TargetUserSid",
    "LogonType",
    "WorkstationName",
    "IpAddress",
  ];
  const quoted = path.replaceAll("'", "''");
  return `CREATE VIEW events AS SELECT winlog.event_id AS EventID, "@timestamp" AS TimeCreated,
    winlog.computer_name AS Computer, ${data.map((f) => `winlog.event_data.${f} AS ${f}`).join(", ")}
  FROM read_ndjson('${quoted}', columns = {"@timestamp": 'VARCHAR', winlog: 'STRUCT(computer_name VARCHAR,
    event_id VARCHAR, event_data STRUCT(${data.map((f) => `${f} VARCHAR`).join(", ")}))'})`;
}
