/**
 * A source a logon rule rests on: a label (`[Rn]` are licensing-rules.md's, `[Wn]` are listed in
 * docs/audit.md, "Sources of the account rules"), and whether Microsoft says it or only a third party.
 */
export interface LogonRuleSource {
  readonly label: string;
  readonly title: string;
  readonly url: string;
  readonly by: "microsoft" | "third-party";
}

const w = (
  label: string,
  by: LogonRuleSource["by"],
  title: string,
  url: string,
): LogonRuleSource => ({ label, by, title, url });

/** The sources of the account and logon rules (docs/audit.md lists them with what each says). */
export const logonRuleSources = {
  W1: w(
    "W1",
    "microsoft",
    "Microsoft, Security identifiers: well-known security identifiers (special identities), Windows Server 2003",
    "https://learn.microsoft.com/pl-pl/previous-versions/windows/it-pro/windows-server-2003/cc780850(v=ws.10)",
  ),
  W2: w(
    "W2",
    "microsoft",
    "Microsoft, [MS-DTYP] 2.4.2.4 Well-Known SID Structures",
    "https://msdn.microsoft.com/en-gb/library/cc980032.aspx",
  ),
  W3: w(
    "W3",
    "third-party",
    "ComputerBase forum, mehrere DWM User (dwm.exe runs as Window Manager\\DWM-n, one per session)",
    "https://www.computerbase.de/forum/threads/mehrere-dwm-user.1977423",
  ),
  W4: w(
    "W4",
    "third-party",
    "Microsoft Q&A, UMFD-0 user (answer by a volunteer MVP: the User Mode Font Driver Host's account)",
    "https://learn.microsoft.com/en-us/answers/questions/5892837/umfd-0-user",
  ),
  W5: w(
    "W5",
    "third-party",
    "Microsoft Tech Community, Windows 10 - defaultuser purpose? (replies: used only during OOBE)",
    "https://techcommunity.microsoft.com/t5/windows-10/windows-10-defaultuser-purpose/td-p/643996",
  ),
  W6: w(
    "W6",
    "third-party",
    "win10.guru, Windows 10 Defaultuser0 account (the OOBE account; Microsoft publishes nothing on it)",
    "https://win10.guru/windows-10-defaultuser0-account/",
  ),
  W7: w(
    "W7",
    "third-party",
    "pcsupporthub, What Is WDAGUtilityAccount (Windows-managed account inside the Application Guard container)",
    "https://pcsupporthub.com/en/windows/wdagutilityaccount-windows.html",
  ),
  W8: w(
    "W8",
    "microsoft",
    "Microsoft, IIS 6.0 SDK, AnonymousUserName (the local user that is used to authenticate anonymous users)",
    "https://learn.microsoft.com/en-us/previous-versions/iis/6.0-sdk/ms524314(v=vs.90)",
  ),
  W9: w(
    "W9",
    "third-party",
    "Blackbaud KB 38806 (IIS 7 replaced IUSR_<machine> with the IUSR system account)",
    "http://kb.blackbaud.com/articles/Article/38806",
  ),
  W10: w(
    "W10",
    "third-party",
    "ApplicationPoolIdentity understood (IIS AppPool\\<pool> is a virtual account per application pool)",
    "https://blog.lukebriner.net/2014/02/28/applicationpoolidentity-understood.html",
  ),
  W11: w(
    "W11",
    "third-party",
    "Copy of Microsoft's 4624(S) An account was successfully logged on (windows-itpro-docs): generated on the computer accessed; its sample interactive logon names the computer itself as workstation, from 127.0.0.1",
    "https://raw.githubusercontent.com/duckxing/windows-itpro-docs/refs/heads/master/windows/keep-secure/event-4624.md",
  ),
} as const satisfies Record<string, LogonRuleSource>;

/** The named rules that decide whether a logon is counted (docs/audit.md, "Logon rules"). */
export const logonRuleIds = [
  "person-logon",
  "not-a-successful-logon",
  "no-logon-type",
  "logon-type-not-counted",
  "no-account",
  "local-system",
  "local-service",
  "network-service",
  "window-manager",
  "font-driver-host",
  "oobe-setup-account",
  "wdag-utility-account",
  "iis-anonymous-user",
  "iis-app-pool",
  "machine-account",
  "anonymous-logon",
  "server-own-console",
] as const;

/** One of `logonRuleIds`. */
export type LogonRuleId = (typeof logonRuleIds)[number];

/** What a rule decides and why, and the sources it rests on (labels; `logonRuleSources` for W). */
export interface LogonRule {
  readonly id: LogonRuleId;
  readonly summary: string;
  readonly sources: readonly string[];
}

const rule = (id: LogonRuleId, summary: string, sources: readonly string[]): LogonRule => ({
  id,
  summary,
  sources,
});

/**
 * Every logon rule with its reason and sources. A CAL is for a user or a device that accesses the
 * server software [R1][R2]; the identities below are the operating system's or a program's own, not
 * a person's, so no CAL is assigned to them; people behind software still need CALs [R4][R64].
 */
export const logonRules: Readonly<Record<LogonRuleId, LogonRule>> = {
  "person-logon": rule(
    "person-logon",
    "a successful logon (4624) of a counted type by an account that is no built-in identity: a user's access",
    ["R1", "R2", "W11"],
  ),
  "not-a-successful-logon": rule(
    "not-a-successful-logon",
    "not event 4624: no logon session was created on the server",
    ["W11"],
  ),
  "no-logon-type": rule("no-logon-type", "a 4624 without a logon type: cannot be judged", ["W11"]),
  "logon-type-not-counted": rule(
    "logon-type-not-counted",
    "system, batch, service or new-credentials logon: the server's own work, no inbound access (docs/audit.md, logon types)",
    ["W11"],
  ),
  "no-account": rule("no-account", "a 4624 that names no account", ["W11"]),
  "local-system": rule(
    "local-system",
    "SYSTEM (S-1-5-18), the service account used by the operating system: not a user, no CAL",
    ["W1", "W2"],
  ),
  "local-service": rule(
    "local-service",
    "LOCAL SERVICE (S-1-5-19), a built-in service identity: not a user, no CAL",
    ["W2"],
  ),
  "network-service": rule(
    "network-service",
    "NETWORK SERVICE (S-1-5-20), a built-in service identity: not a user, no CAL",
    ["W2"],
  ),
  "window-manager": rule(
    "window-manager",
    "Window Manager\\DWM-n, the Desktop Window Manager's account, one per session (only third parties document it): not a user, no CAL",
    ["W3"],
  ),
  "font-driver-host": rule(
    "font-driver-host",
    "Font Driver Host\\UMFD-n, the user-mode font driver host's account (only third parties document it): not a user, no CAL",
    ["W4"],
  ),
  "oobe-setup-account": rule(
    "oobe-setup-account",
    "defaultuserN, the account Windows setup's out-of-box experience runs as until the first real account exists (only third parties document it): not a user, no CAL",
    ["W5", "W6"],
  ),
  "wdag-utility-account": rule(
    "wdag-utility-account",
    "WDAGUtilityAccount, Windows-managed for the Application Guard container (only third parties document it): not a user, no CAL",
    ["W7"],
  ),
  "iis-anonymous-user": rule(
    "iis-anonymous-user",
    "IUSR (IUSR_<computer> before IIS 7), the identity IIS gives anonymous web requests: the visitor is not authenticated; no CAL for this identity",
    ["W8", "W9", "R1", "R2", "R13"],
  ),
  "iis-app-pool": rule(
    "iis-app-pool",
    "IIS APPPOOL\\<pool>, an IIS application pool's virtual account: software, not a user; the people using the site still need CALs when it authenticates them",
    ["W10", "R4", "R64"],
  ),
  "machine-account": rule(
    "machine-account",
    "a computer account (name ending in $): server-to-server communication, no CAL",
    ["R13", "R64"],
  ),
  "anonymous-logon": rule(
    "anonymous-logon",
    "ANONYMOUS LOGON (S-1-5-7): a session opened without a user name and password, so no user is identified and no CAL is assigned to this identity; the device it came from may still need one if it also accesses the server authenticated",
    ["W1", "W2"],
  ),
  "server-own-console": rule(
    "server-own-console",
    "a logon at the server itself (its console, loopback, or its own name as workstation): the server is a licensed server, not a client device, so no device CAL for it; the user still needs a CAL unless one of the two admin-only exemptions applies",
    ["R2", "R13", "W11"],
  ),
};
