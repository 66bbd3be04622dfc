/**
 * The columns (CSV) or keys (JSON lines) of a pre-aggregated accesses file, as docs/audit-at-scale.md
 * gives the queries that write it: one row per distinct (user, device, address, server, logon type).
 */
export const accessColumns = {
  /** `DOMAIN\account` as logged (TargetDomainName\TargetUserName), or the account alone. */
  user: "user",
  /** The workstation name the logon came from (WorkstationName); may be empty. */
  device: "device",
  /** The client address (IpAddress); may be empty. */
  address: "address",
  /** The computer that logged the logons: the server accessed. */
  server: "server",
  logonType: "logon_type",
  firstSeen: "first_seen",
  lastSeen: "last_seen",
  /** How many 4624 events the row stands for. */
  count: "count",
} as const;

/** The columns every accesses file must have (device and address may be left out). */
export const requiredAccessColumns = [
  accessColumns.user,
  accessColumns.server,
  accessColumns.logonType,
  accessColumns.firstSeen,
  accessColumns.lastSeen,
  accessColumns.count,
] as const;

/**
 * The value of an accesses column in a row: by its name, or as the Azure portal's CSV export names a
 * time column (`first_seen [UTC]`).
 */
export function accessColumnValue(row: Readonly<Record<string, unknown>>, column: string): unknown {
  return Object.hasOwn(row, column) ? row[column] : row[`${column} [UTC]`];
}

/** True when a header or a record's keys give the column (`first_seen` or `first_seen [UTC]`). */
export function hasAccessColumn(names: { has(name: string): boolean }, column: string): boolean {
  return names.has(column) || names.has(`${column} [UTC]`);
}
