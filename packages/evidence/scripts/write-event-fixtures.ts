/**
 * Writes the event-export fixtures from real records of the shared EVTX corpus, so the XML, CSV and
 * JSON-lines readers are tested on real event content: every 4624, 4625 and 4634 of the corpus files
 * below, rendered as `wevtutil qe /f:xml` (UTF-8, many roots, no line breaks), Event Viewer's "Save as
 * XML" (UTF-16LE, `<Events>` wrapper), `Get-WinEvent | Export-Csv` (#TYPE line, quoted, CRLF, UTF-8 BOM;
 * and the same in UTF-16LE), and Winlogbeat 8 JSON lines (ECS).
 * Usage: node --import tsx packages/evidence/scripts/write-event-fixtures.ts
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { evtxCorpusDirectory, listEvtxCorpus } from "../src/evtx/testing/evtx-corpus.ts";
import { type EvtxRecord, readEvtx } from "../src/index.ts";
import { fileSource } from "../src/testing/file-source.ts";

const out = fileURLToPath(new URL("../fixtures/events/", import.meta.url));
mkdirSync(out, { recursive: true });
const kept = new Set([4624, 4625, 4634]); // Security-channel events only

const records: EvtxRecord[] = [];
for (const file of listEvtxCorpus())
  for await (const r of readEvtx(fileSource(file), { includeXml: true }))
    if (kept.has(r.eventId) && r.channel === "Security") records.push(r);
if (records.length === 0) throw new Error(`no corpus at ${evtxCorpusDirectory}`);

// wevtutil: attributes in single quotes, no whitespace between elements, events back to back.
const compact = (xml: string) => xml.replace(/>\s+</g, "><").replace(/="([^"]*)"/g, "='$1'");
writeFileSync(join(out, "logons.wevtutil.xml"), records.map((r) => compact(r.xml ?? "")).join(""));

const viewer = `<?xml version="1.0" encoding="UTF-16"?>\r\n<Events>\r\n${records.map((r) => (r.xml ?? "").replace(/\n/g, "\r\n")).join("\r\n")}\r\n</Events>\r\n`;
writeFileSync(
  join(out, "logons.eventviewer.xml"),
  Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(viewer, "utf16le")]),
);

const d = (r: EvtxRecord, name: string) => r.data[name] ?? "-";
const levels: Record<number, string> = { 0: "Information", 4: "Information" };

/** The English message Windows renders for these events (Windows 10 / Server 2016 wording). */
function message(r: EvtxRecord): string {
  if (r.eventId === 4634)
    return [
      "An account was logged off.",
      "",
      "Subject:",
      `\tSecurity ID:\t\t${d(r, "TargetUserSid")}`,
      `\tAccount Name:\t\t${d(r, "TargetUserName")}`,
      `\tAccount Domain:\t\t${d(r, "TargetDomainName")}`,
      `\tLogon ID:\t\t${d(r, "TargetLogonId")}`,
      "",
      `Logon Type:\t\t\t${d(r, "LogonType")}`,
      "",
      "This event is generated when a logon session is destroyed.",
    ].join("\r\n");
  const failed = r.eventId === 4625;
  return [
    failed ? "An account failed to log on." : "An account was successfully logged on.",
    "",
    "Subject:",
    `\tSecurity ID:\t\t${d(r, "SubjectUserSid")}`,
    `\tAccount Name:\t\t${d(r, "SubjectUserName")}`,
    `\tAccount Domain:\t\t${d(r, "SubjectDomainName")}`,
    `\tLogon ID:\t\t${d(r, "SubjectLogonId")}`,
    "",
    "Logon Information:",
    `\tLogon Type:\t\t${d(r, "LogonType")}`,
    `\tRestricted Admin Mode:\t${d(r, "RestrictedAdminMode")}`,
    "",
    failed ? "Account For Which Logon Failed:" : "New Logon:",
    `\tSecurity ID:\t\t${d(r, "TargetUserSid")}`,
    `\tAccount Name:\t\t${d(r, "TargetUserName")}`,
    `\tAccount Domain:\t\t${d(r, "TargetDomainName")}`,
    ...(failed
      ? []
      : [`\tLogon ID:\t\t${d(r, "TargetLogonId")}`, `\tLogon GUID:\t\t${d(r, "LogonGuid")}`]),
    "",
    "Process Information:",
    `\t${failed ? "Caller Process ID" : "Process ID"}:\t${d(r, "ProcessId")}`,
    `\t${failed ? "Caller Process Name" : "Process Name"}:\t${d(r, "ProcessName")}`,
    "",
    "Network Information:",
    `\tWorkstation Name:\t${d(r, "WorkstationName")}`,
    `\tSource Network Address:\t${d(r, "IpAddress")}`,
    `\tSource Port:\t\t${d(r, "IpPort")}`,
    "",
    "Detailed Authentication Information:",
    `\tLogon Process:\t\t${d(r, "LogonProcessName")}`,
    `\tAuthentication Package:\t${d(r, "AuthenticationPackageName")}`,
    `\tTransited Services:\t${d(r, "TransmittedServices")}`,
    `\tPackage Name (NTLM only):\t${d(r, "LmPackageName")}`,
    `\tKey Length:\t\t${d(r, "KeyLength")}`,
    "",
    "This event is generated when a logon session is created.",
  ].join("\r\n");
}

/** PowerShell's en-US DateTime text, as Export-Csv writes it (seconds, no zone). */
function usTime(iso: string): string {
  const t = new Date(iso);
  const h = t.getUTCHours();
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${t.getUTCMonth() + 1}/${t.getUTCDate()}/${t.getUTCFullYear()} ${h % 12 === 0 ? 12 : h % 12}:${pad(t.getUTCMinutes())}:${pad(t.getUTCSeconds())} ${h < 12 ? "AM" : "PM"}`;
}

const csvColumns = [
  "Message",
  "Id",
  "Version",
  "Qualifiers",
  "Level",
  "Task",
  "Opcode",
  "Keywords",
  "RecordId",
  "ProviderName",
  "ProviderId",
  "LogName",
  "ProcessId",
  "ThreadId",
  "MachineName",
  "UserId",
  "TimeCreated",
  "ActivityId",
  "RelatedActivityId",
  "ContainerLog",
  "MatchedQueryIds",
  "Bookmark",
  "LevelDisplayName",
  "OpcodeDisplayName",
  "TaskDisplayName",
  "KeywordsDisplayNames",
  "Properties",
];
const quote = (v: string) => `"${v.replace(/"/g, '""')}"`;
const csvRows = records.map((r) => {
  const row: Record<string, string> = {
    Message: message(r),
    Id: String(r.eventId),
    Version: "",
    Qualifiers: "",
    Level: String(r.level),
    Task: r.eventId === 4634 ? "12545" : "12544",
    Opcode: "0",
    Keywords: r.eventId === 4625 ? "-9218868437227405312" : "-9214364837600034816",
    RecordId: String(r.eventRecordId),
    ProviderName: r.provider,
    ProviderId: "54849625-5478-4994-a5ba-3e3b0328c30d",
    LogName: r.channel,
    ProcessId: "",
    ThreadId: "",
    MachineName: r.computer,
    UserId: "",
    TimeCreated: usTime(r.timeCreated),
    ActivityId: "",
    RelatedActivityId: "",
    ContainerLog: "Security",
    MatchedQueryIds: "System.Int32[]",
    Bookmark: "System.Diagnostics.Eventing.Reader.EventBookmark",
    LevelDisplayName: levels[r.level] ?? "Information",
    OpcodeDisplayName: "Info",
    TaskDisplayName: r.eventId === 4634 ? "Logoff" : "Logon",
    KeywordsDisplayNames: "System.Collections.ObjectModel.ReadOnlyCollection`1[System.String]",
    Properties:
      "System.Collections.Generic.List`1[System.Diagnostics.Eventing.Reader.EventProperty]",
  };
  return csvColumns.map((c) => quote(row[c] ?? "")).join(",");
});
const csv = `#TYPE System.Diagnostics.Eventing.Reader.EventLogRecord\r\n${csvColumns.map(quote).join(",")}\r\n${csvRows.join("\r\n")}\r\n`;
writeFileSync(join(out, "logons.csv"), `\uFEFF${csv}`);
writeFileSync(
  join(out, "logons.utf16.csv"),
  Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(csv, "utf16le")]),
);

// Winlogbeat 8: ECS document per line, ids as strings, @timestamp in milliseconds.
const lines = records.map((r) => {
  const eventData: Record<string, string> = {};
  for (const [k, v] of Object.entries(r.data)) eventData[k] = v;
  const doc = {
    "@timestamp": `${r.timeCreated.slice(0, 23)}Z`,
    agent: { name: "wlb01", type: "winlogbeat", version: "8.15.0" },
    ecs: { version: "8.0.0" },
    event: {
      action: r.eventId === 4624 ? "logged-in" : r.eventId === 4625 ? "logon-failed" : "logged-out",
      category: ["authentication"],
      code: String(r.eventId),
      created: "2026-11-20T08:00:00.000Z",
      kind: "event",
      module: "security",
      outcome: r.eventId === 4625 ? "failure" : "success",
      provider: r.provider,
    },
    host: { name: r.computer.toLowerCase() },
    log: { level: "information" },
    message: message(r).replace(/\r\n/g, "\n"),
    winlog: {
      api: "wineventlog",
      channel: r.channel,
      computer_name: r.computer,
      event_data: eventData,
      event_id: String(r.eventId),
      keywords: [r.eventId === 4625 ? "Audit Failure" : "Audit Success"],
      opcode: "Info",
      provider_guid: "{54849625-5478-4994-a5ba-3e3b0328c30d}",
      provider_name: r.provider,
      record_id: String(r.eventRecordId),
      task: r.eventId === 4634 ? "Logoff" : "Logon",
    },
  };
  return JSON.stringify(doc);
});
writeFileSync(join(out, "logons.winlogbeat.ndjson"), `${lines.join("\n")}\n`);
console.log(`${records.length} records written to ${out}`);

// The SIEM exports (docs/audit.md, "SIEM exports"): each carries the event data it has, nothing more.
const has = (r: EvtxRecord, name: string) => r.data[name] !== undefined;
const v = (r: EvtxRecord, name: string) => r.data[name] ?? "";

/** The Azure portal's time text in its CSV export: `11/15/2019, 8:19:16.102 AM`, in UTC. */
function portalTime(iso: string): string {
  const t = new Date(iso);
  const h = t.getUTCHours();
  const pad = (n: number, w = 2) => String(n).padStart(w, "0");
  return `${t.getUTCMonth() + 1}/${t.getUTCDate()}/${t.getUTCFullYear()}, ${h % 12 === 0 ? 12 : h % 12}:${pad(t.getUTCMinutes())}:${pad(t.getUTCSeconds())}.${pad(t.getUTCMilliseconds(), 3)} ${h < 12 ? "AM" : "PM"}`;
}

/** A Sentinel SecurityEvent row (the columns the audit reads and a few around them). */
function sentinelRow(r: EvtxRecord): Record<string, string | number> {
  return {
    TenantId: "8f0c2b1e-0000-4000-8000-000000000001",
    SourceSystem: "OpsManager",
    Account: `${v(r, "TargetDomainName")}\\${v(r, "TargetUserName")}`,
    AccountType: v(r, "TargetUserName").endsWith("$") ? "Machine" : "User",
    Computer: r.computer,
    EventSourceName: r.provider,
    Channel: r.channel,
    Task: r.eventId === 4634 ? 12545 : 12544,
    Level: "8",
    EventID: r.eventId,
    Activity: `${r.eventId} - ${r.eventId === 4624 ? "An account was successfully logged on." : r.eventId === 4625 ? "An account failed to log on." : "An account was logged off."}`,
    TargetUserSid: v(r, "TargetUserSid"),
    TargetUserName: v(r, "TargetUserName"),
    TargetDomainName: v(r, "TargetDomainName"),
    LogonType: v(r, "LogonType"),
    LogonProcessName: v(r, "LogonProcessName"),
    AuthenticationPackageName: v(r, "AuthenticationPackageName"),
    WorkstationName: v(r, "WorkstationName"),
    IpAddress: v(r, "IpAddress"),
    IpPort: v(r, "IpPort"),
    Type: "SecurityEvent",
  };
}

const sentinelColumns = Object.keys(sentinelRow(records[0] as EvtxRecord));
const sentinelCsv = [
  sentinelColumns
    .flatMap((c) => (c === "TenantId" ? ["TenantId", "TimeGenerated [UTC]"] : [c]))
    .map(quote)
    .join(","),
  ...records.map((r) => {
    const row = sentinelRow(r);
    return sentinelColumns
      .flatMap((c) =>
        c === "TenantId" ? [String(row[c]), portalTime(r.timeCreated)] : [String(row[c] ?? "")],
      )
      .map(quote)
      .join(",");
  }),
].join("\r\n");
writeFileSync(join(out, "logons.sentinel.csv"), `\uFEFF${sentinelCsv}\r\n`);

// `az monitor log-analytics query -o json`: one pretty-printed array, times with 7 digits.
const sentinelJson = records.map((r) => ({ TimeGenerated: r.timeCreated, ...sentinelRow(r) }));
writeFileSync(join(out, "logons.sentinel.json"), `${JSON.stringify(sentinelJson, null, 2)}\n`);

// Splunk `WinEventLog:Security` export (`splunk search … -output json`, the export API's json mode):
// one `result` per line; fields the add-on extracts from the rendered message, the subject and
// the new logon both under Account_Name, Account_Domain and Security_ID (a multi-valued field).
const both = (r: EvtxRecord, subject: string, target: string) =>
  r.eventId === 4634 ? v(r, target) : [v(r, subject) || "-", v(r, target)];
const splunkLines = records.map((r, i) => {
  const result: Record<string, unknown> = {
    _time: `${r.timeCreated.slice(0, 23)}+00:00`,
    ComputerName: r.computer,
    EventCode: String(r.eventId),
    LogName: r.channel,
    RecordNumber: String(r.eventRecordId),
    SourceName: "Microsoft Windows security auditing.",
    Account_Name: both(r, "SubjectUserName", "TargetUserName"),
    Account_Domain: both(r, "SubjectDomainName", "TargetDomainName"),
    Security_ID: both(r, "SubjectUserSid", "TargetUserSid"),
    ...(has(r, "LogonType") ? { Logon_Type: v(r, "LogonType") } : {}),
    ...(has(r, "WorkstationName") ? { Workstation_Name: v(r, "WorkstationName") } : {}),
    ...(has(r, "IpAddress") ? { Source_Network_Address: v(r, "IpAddress") } : {}),
    ...(has(r, "LogonProcessName") ? { Logon_Process: v(r, "LogonProcessName") } : {}),
    ...(has(r, "AuthenticationPackageName")
      ? { Authentication_Package: v(r, "AuthenticationPackageName") }
      : {}),
    host: r.computer.split(".")[0],
    index: "wineventlog",
    source: "WinEventLog:Security",
    sourcetype: "WinEventLog:Security",
    _raw: message(r),
  };
  return JSON.stringify({
    preview: false,
    offset: i,
    ...(i === records.length - 1 ? { lastrow: true } : {}),
    result,
  });
});
writeFileSync(join(out, "logons.splunk.ndjson"), `${splunkLines.join("\n")}\n`);

// Flat JSON lines with the event data at the top level, as NXLog's to_json() writes them.
const flatLines = records.map((r) =>
  JSON.stringify({
    EventTime: r.timeCreated.slice(0, 19).replace("T", " "),
    Hostname: r.computer,
    Keywords: r.eventId === 4625 ? "-9218868437227405312" : "-9214364837600034816",
    EventType: r.eventId === 4625 ? "AUDIT_FAILURE" : "AUDIT_SUCCESS",
    EventID: r.eventId,
    SourceName: r.provider,
    Channel: r.channel,
    RecordNumber: r.eventRecordId,
    ...r.data,
    Message: message(r).replace(/\r\n/g, "\n"),
  }),
);
writeFileSync(join(out, "logons.flat.ndjson"), `${flatLines.join("\n")}\n`);
console.log("SIEM exports written");
