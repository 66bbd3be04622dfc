import type { LogonEvent } from "./logon-event.ts";
import type { LogonRuleId } from "./logon-rules.ts";

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

/** Built-in identities by SID (S-1-5-18/19/20 [W1][W2]; S-1-5-7 ANONYMOUS LOGON [W1][W2]). */
const ruleBySid: ReadonlyMap<string, LogonRuleId> = new Map([
  ["S-1-5-18", "local-system"],
  ["S-1-5-19", "local-service"],
  ["S-1-5-20", "network-service"],
  ["S-1-5-7", "anonymous-logon"],
]);
/** Built-in identities by name, as Windows logs them in English (localised names are caught by SID). */
const ruleByName: ReadonlyMap<string, LogonRuleId> = new Map([
  ["system", "local-system"],
  ["local service", "local-service"],
  ["localservice", "local-service"],
  ["network service", "network-service"],
  ["networkservice", "network-service"],
  ["anonymous logon", "anonymous-logon"],
  ["iusr", "iis-anonymous-user"],
  ["wdagutilityaccount", "wdag-utility-account"],
]);
/** Domains that name a class of virtual accounts [W3][W4][W10]. */
const ruleByDomain: ReadonlyMap<string, LogonRuleId> = new Map([
  ["window manager", "window-manager"],
  ["font driver host", "font-driver-host"],
  ["iis apppool", "iis-app-pool"],
]);
const namePatterns: readonly (readonly [RegExp, LogonRuleId])[] = [
  [/^dwm-\d+$/i, "window-manager"],
  [/^umfd-\d+$/i, "font-driver-host"],
  [/^defaultuser\d+$/i, "oobe-setup-account"],
  [/^iusr_/i, "iis-anonymous-user"],
];

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

/** The verdict on one event: counted as a user's access, or skipped with a reason; and the rule. */
export type LogonVerdict =
  | { readonly counts: true; readonly logonType: number; readonly rule: "person-logon" }
  | { readonly counts: false; readonly reason: LogonSkipReason; readonly rule: LogonRuleId };

/** The well-known account class an event's account belongs to, or undefined for any other account. */
export function classifyLogonAccount(event: LogonEvent): LogonRuleId | undefined {
  const bySid = ruleBySid.get(event.targetUserSid.trim().toUpperCase());
  if (bySid !== undefined) return bySid;
  const account = event.targetUserName.trim();
  const lower = account.toLowerCase();
  const byName = ruleByName.get(lower);
  if (byName !== undefined) return byName;
  const byDomain = ruleByDomain.get(event.targetDomainName.trim().toLowerCase());
  if (byDomain !== undefined) return byDomain;
  for (const [pattern, id] of namePatterns) if (pattern.test(account)) return id;
  if (account.endsWith("$")) return "machine-account";
  return undefined;
}

const skip = (reason: LogonSkipReason, rule: LogonRuleId): LogonVerdict => ({
  counts: false,
  reason,
  rule,
});

/**
 * Decides whether an event is a person's access to the server that logged it, and names the rule
 * that decided (`logonRules` gives each rule's reason and sources): only 4624; never a well-known
 * identity (SYSTEM, LOCAL/NETWORK SERVICE, DWM-n, UMFD-n, defaultuserN, WDAGUtilityAccount, IIS
 * application pools, machine accounts), nor ANONYMOUS LOGON or IUSR (no user identified), whatever
 * the logon type; then only the logon types in `countedLogonTypes`.
 */
export function classifyLogon(event: LogonEvent): LogonVerdict {
  if (event.eventId !== successfulLogonEventId)
    return skip("not-a-successful-logon", "not-a-successful-logon");
  const accountRule = classifyLogonAccount(event);
  if (accountRule === "anonymous-logon" || accountRule === "iis-anonymous-user")
    return skip("anonymous", accountRule);
  if (accountRule === "machine-account") return skip("machine-account", accountRule);
  if (accountRule !== undefined) return skip("system-account", accountRule);
  if (event.logonType === null) return skip("no-logon-type", "no-logon-type");
  if (!countedLogonTypes.has(event.logonType))
    return skip("logon-type-not-counted", "logon-type-not-counted");
  const account = event.targetUserName.trim();
  if (account === "" || account === "-") return skip("no-account", "no-account");
  return { counts: true, logonType: event.logonType, rule: "person-logon" };
}
