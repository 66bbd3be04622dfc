/** The formats that hold Windows events (as opposed to UAL records, inventories or accesses). */
export const eventFormatNames = [
  "evtx",
  "event-xml",
  "event-csv",
  "winlogbeat-jsonl",
  "sentinel-csv",
  "sentinel-json",
  "splunk-json",
  "flat-json",
  "mapped-csv",
  "mapped-json",
] as const;

/** The evidence file formats calwise reads (docs/audit.md and docs/audit-at-scale.md describe each). */
export const evidenceFormats = [
  ...eventFormatNames,
  "ual-user-csv",
  "ual-device-csv",
  "ad-user-csv",
  "ad-computer-csv",
  "accesses-csv",
  "accesses-jsonl",
] as const;

export type EvidenceFormat = (typeof evidenceFormats)[number];

/** Formats that hold Windows events (as opposed to UAL records or inventories). */
export const eventFormats: ReadonlySet<EvidenceFormat> = new Set(eventFormatNames);

/** Formats of pre-aggregated accesses (`calwise audit --accesses`, docs/audit-at-scale.md). */
export const accessFormats: ReadonlySet<EvidenceFormat> = new Set([
  "accesses-csv",
  "accesses-jsonl",
]);
