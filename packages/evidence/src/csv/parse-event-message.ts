/** Labels that name the same event data field in any section of a security event's message. */
const anySection: Readonly<Record<string, string>> = {
  "logon type": "LogonType",
  "restricted admin mode": "RestrictedAdminMode",
  "virtual account": "VirtualAccount",
  "elevated token": "ElevatedToken",
  "impersonation level": "ImpersonationLevel",
};

const account: Readonly<Record<string, string>> = {
  "security id": "UserSid",
  "account name": "UserName",
  "account domain": "DomainName",
  "logon id": "LogonId",
};

/** Section → label → event data name, for the message texts of 4624, 4625, 4634 and 4647 (English). */
const sections: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  "process information": {
    "process id": "ProcessId",
    "caller process id": "ProcessId",
    "process name": "ProcessName",
    "caller process name": "ProcessName",
  },
  "network information": {
    "workstation name": "WorkstationName",
    "source network address": "IpAddress",
    "source port": "IpPort",
  },
  "detailed authentication information": {
    "logon process": "LogonProcessName",
    "authentication package": "AuthenticationPackageName",
    "transited services": "TransmittedServices",
    "package name (ntlm only)": "LmPackageName",
    "key length": "KeyLength",
  },
  "failure information": {
    "failure reason": "FailureReason",
    status: "Status",
    "sub status": "SubStatus",
  },
};

const targetExtras: Readonly<Record<string, string>> = {
  "linked logon id": "TargetLinkedLogonId",
  "network account name": "TargetOutboundUserName",
  "network account domain": "TargetOutboundDomainName",
  "logon guid": "LogonGuid",
};

/** Events whose message "Subject:" is the account logged off, i.e. the event data's Target fields. */
const subjectIsTarget = new Set([4634, 4647]);

function fieldName(eventId: number, section: string, label: string): string | undefined {
  const common = anySection[label];
  if (common) return common;
  const accountField = account[label];
  if (section === "subject" && accountField)
    return `${subjectIsTarget.has(eventId) ? "Target" : "Subject"}${accountField}`;
  if (section === "new logon" || section === "account for which logon failed") {
    if (accountField) return `Target${accountField}`;
    return targetExtras[label];
  }
  return sections[section]?.[label];
}

/**
 * Reads the event data out of a security event's rendered message, as `Get-WinEvent | Export-Csv`
 * writes it: "New Logon:" / "Account Name:" → TargetUserName, "Network Information:" / "Source
 * Network Address:" → IpAddress, and so on (English messages; docs/audit.md lists the labels). Labels
 * it does not know are kept as `Section/Label`.
 */
export function parseEventMessage(eventId: number, message: string): Record<string, string> {
  const data = Object.create(null) as Record<string, string>;
  let section = "";
  const sectionOf = new Map<string, string>();
  for (const rawLine of message.split(/\r?\n/)) {
    if (rawLine.trim() === "") continue;
    const indented = /^\s/.test(rawLine);
    const line = rawLine.trim();
    const colon = line.indexOf(":");
    if (colon === -1) continue;
    const label = line.slice(0, colon).trim();
    const value = line.slice(colon + 1).trim();
    if (!indented && value === "") {
      section = label.toLowerCase();
      continue;
    }
    if (!indented) section = "";
    const key = label.toLowerCase();
    const name =
      fieldName(eventId, indented ? section : "", key) ??
      (section && indented ? `${section}/${label}` : label);
    // A label repeated in its section is the field given twice: kept as `Name#2` (as the XML and
    // EVTX readers name it) so checkLogonFields refuses the record. Two sections that map to one
    // name (4634's Subject is its Target) keep the first, as before.
    const where = `${indented ? section : ""}\u0000${name}`;
    if (data[name] === undefined) {
      data[name] = value;
      sectionOf.set(name, where);
    } else if (sectionOf.get(name) === where && data[`${name}#2`] === undefined)
      data[`${name}#2`] = value;
  }
  return data;
}
