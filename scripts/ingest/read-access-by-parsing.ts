/** The fields of one access, decoded. */
export interface WinlogbeatAccessFields {
  readonly server: string;
  readonly user: string;
  readonly domain: string;
  readonly device: string;
}

/**
 * The reference reading of one Winlogbeat line, with JSON.parse: an access when winlog.event_id is
 * 4624 (string or number), winlog.computer_name and winlog.event_data.TargetUserName are strings;
 * TargetDomainName and WorkstationName count as "" when absent or not strings. Returns undefined for
 * any other well-formed line; throws SyntaxError on malformed JSON. findWinlogbeatAccess reads the same.
 */
export function readAccessByParsing(line: string): WinlogbeatAccessFields | undefined {
  const record: unknown = JSON.parse(line);
  const winlog = propertyOf(record, "winlog");
  const eventId = propertyOf(winlog, "event_id");
  if (eventId !== "4624" && eventId !== 4624) return undefined;
  const server = propertyOf(winlog, "computer_name");
  const data = propertyOf(winlog, "event_data");
  const user = propertyOf(data, "TargetUserName");
  if (typeof server !== "string" || typeof user !== "string") return undefined;
  const domain = propertyOf(data, "TargetDomainName");
  const device = propertyOf(data, "WorkstationName");
  return {
    server,
    user,
    domain: typeof domain === "string" ? domain : "",
    device: typeof device === "string" ? device : "",
  };
}

function propertyOf(value: unknown, key: string): unknown {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return undefined;
  return Object.hasOwn(value, key) ? (value as Record<string, unknown>)[key] : undefined;
}
