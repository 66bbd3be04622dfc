import type { LogonEvent } from "./logon-event.ts";

/** The Security event that records a successful logon: the only one that counts as access. */
export const successfulLogonEventId = 4624;

/** Logon-related events that are recognised, counted in the report, and not taken as access. */
export const recognisedEventIds: ReadonlyMap<number, string> = new Map([
  [4624, "an account was successfully logged on"],
  [4625, "an account failed to log on (no access happened)"],
  [4634, "an account was logged off (its logon is the 4624)"],
  [4647, "user initiated logoff"],
  [4648, "a logon was attempted using explicit credentials (the 4624 on the target counts)"],
  [4672, "special privileges assigned to new logon (accompanies a 4624)"],
  [4768, "a Kerberos TGT was requested (domain controller)"],
  [4769, "a Kerberos service ticket was requested (domain controller)"],
  [4771, "Kerberos pre-authentication failed"],
  [4776, "the computer attempted to validate the credentials of an account (NTLM)"],
  [4778, "a session was reconnected to a Window Station"],
  [4779, "a session was disconnected from a Window Station"],
]);

/** Logon types (4624 LogonType) that are a person's access to the server, with their names. */
export const countedLogonTypes: ReadonlyMap<number, string> = new Map([
  [2, "interactive"],
  [3, "network"],
  [7, "unlock"],
  [8, "network cleartext"],
  [10, "remote interactive"],
  [11, "cached interactive"],
  [12, "cached remote interactive"],
  [13, "cached unlock"],
]);

/** Logon types that are not access by a user or device, and why. */
export const ignoredLogonTypes: ReadonlyMap<number, string> = new Map([
  [0, "system (the computer's own start-up)"],
  [4, "batch (scheduled task run by the server itself)"],
  [5, "service (a service started by the server itself)"],
  [9, "new credentials (RunAs /netonly: a local process's outbound identity, no inbound access)"],
]);

/** Built-in identities of the server itself, not users: never counted. */
const systemAccounts = new Set([
  "system",
  "local service",
  "network service",
  "localservice",
  "networkservice",
]);
const systemAccountPattern = /^(?:dwm|umfd)-\d+$/i;
const systemSids = new Set(["S-1-5-18", "S-1-5-19", "S-1-5-20"]);
/** ANONYMOUS LOGON (S-1-5-7) and IIS's anonymous identity IUSR: the anonymous exemption [R1][R2]. */
const anonymousAccounts = new Set(["anonymous logon", "iusr"]);

/** Why a logon event is not counted as access. */
export const logonSkipReasons = [
  "not-a-successful-logon",
  "logon-type-not-counted",
  "no-logon-type",
  "no-account",
  "system-account",
  "machine-account",
  "anonymous",
] as const;

/** One of `logonSkipReasons`. */
export type LogonSkipReason = (typeof logonSkipReasons)[number];

/** The verdict on one event: counted as a user's access, or skipped with a reason. */
export type LogonVerdict =
  | { readonly counts: true; readonly logonType: number }
  | { readonly counts: false; readonly reason: LogonSkipReason };

/**
 * Decides whether an event is a person's access to the server that logged it (docs/audit.md gives
 * every rule and its source): only 4624, only logon types in `countedLogonTypes`, and not the
 * server's own identities (SYSTEM, LOCAL/NETWORK SERVICE, DWM-n, UMFD-n), machine accounts (`…$`) or
 * ANONYMOUS LOGON (the anonymous exemption).
 */
export function classifyLogon(event: LogonEvent): LogonVerdict {
  if (event.eventId !== successfulLogonEventId)
    return { counts: false, reason: "not-a-successful-logon" };
  const account = event.targetUserName.trim();
  const lower = account.toLowerCase();
  if (anonymousAccounts.has(lower) || event.targetUserSid === "S-1-5-7")
    return { counts: false, reason: "anonymous" };
  if (event.logonType === null) return { counts: false, reason: "no-logon-type" };
  if (!countedLogonTypes.has(event.logonType))
    return { counts: false, reason: "logon-type-not-counted" };
  if (account === "" || account === "-") return { counts: false, reason: "no-account" };
  if (
    systemAccounts.has(lower) ||
    systemAccountPattern.test(account) ||
    systemSids.has(event.targetUserSid)
  )
    return { counts: false, reason: "system-account" };
  if (account.endsWith("$")) return { counts: false, reason: "machine-account" };
  return { counts: true, logonType: event.logonType };
}
