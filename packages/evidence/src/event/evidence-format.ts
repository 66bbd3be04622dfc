/** The evidence file formats calwise reads (docs/audit.md describes each). */
export const evidenceFormats = [
  "evtx",
  "event-xml",
  "event-csv",
  "winlogbeat-jsonl",
  "ual-user-csv",
  "ual-device-csv",
  "ad-user-csv",
  "ad-computer-csv",
] as const;

export type EvidenceFormat = (typeof evidenceFormats)[number];

/** Formats that hold Windows events (as opposed to UAL records or inventories). */
export const eventFormats: ReadonlySet<EvidenceFormat> = new Set([
  "evtx",
  "event-xml",
  "event-csv",
  "winlogbeat-jsonl",
]);
