/** What each evidence format the server detects is, in a reseller's words (the format name stays beside it). */
const kinds: Readonly<Record<string, string>> = {
  evtx: "Windows event log",
  "event-xml": "Windows events (XML)",
  "event-csv": "Windows events (CSV)",
  "winlogbeat-jsonl": "Winlogbeat events",
  "sentinel-csv": "Sentinel sign-in events",
  "sentinel-json": "Sentinel sign-in events",
  "splunk-json": "Splunk events",
  "flat-json": "Windows events (JSON)",
  "mapped-csv": "events (CSV)",
  "mapped-json": "events (JSON)",
  "ual-user-csv": "User Access Logging (users)",
  "ual-device-csv": "User Access Logging (devices)",
  "ad-user-csv": "Active Directory users",
  "ad-computer-csv": "Active Directory computers",
  "accesses-csv": "accesses, already counted (CSV)",
  "accesses-jsonl": "accesses, already counted (JSON lines)",
};

/** "Active Directory users": the kind of file a detected format is (the code itself when unknown). */
export function describeEvidenceKind(format: string): string {
  return kinds[format] ?? format;
}

/** True for an Active Directory export: it gives rows of the inventory, not events. */
export function isInventoryKind(format: string): boolean {
  return format === "ad-user-csv" || format === "ad-computer-csv";
}

/** Bytes as a person reads them: 812 bytes, 3.7 KB, 41.2 MB, 1.6 GB. */
export function formatBytes(bytes: number): string {
  if (bytes < 1000) return `${bytes} bytes`;
  const units = ["KB", "MB", "GB", "TB"];
  let value = bytes / 1000;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit++;
  }
  return `${value.toFixed(1)} ${units[unit]}`;
}
