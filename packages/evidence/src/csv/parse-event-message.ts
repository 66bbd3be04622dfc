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

/** The event data name of a label in a section of event `eventId`'s message, if it is known. */
export function fieldName(eventId: number, section: string, label: string): string | undefined {
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

/** What a line's text before its colon says, whatever its value: worked out once per distinct text. */
interface LabelPart {
  readonly indented: boolean;
  readonly label: string;
  /** The label in lower case, as the tables above hold it. */
  readonly key: string;
}

/** Label parts seen, by their text (a message has a few dozen distinct ones; bounded all the same). */
const labelParts = new Map<string, LabelPart>();
const maxLabelParts = 4096;

function readLabelPart(text: string): LabelPart {
  let part = labelParts.get(text);
  if (part === undefined) {
    const label = text.trim();
    part = { indented: /^\s/.test(text), label, key: label.toLowerCase() };
    if (labelParts.size < maxLabelParts) labelParts.set(text, part);
  }
  return part;
}

/**
 * Reads the event data out of a security event's rendered message, as `Get-WinEvent | Export-Csv`
 * writes it: "New Logon:" / "Account Name:" → TargetUserName, "Network Information:" / "Source
 * Network Address:" → IpAddress, and so on (English messages; docs/audit.md lists the labels). Labels
 * it does not know are kept as `Section/Label`. Lines end at LF (a CR before it dropped); the text
 * before a line's first colon is its label part, read once per distinct text.
 */
export function parseEventMessage(eventId: number, message: string): Record<string, string> {
  const data = Object.create(null) as Record<string, string>;
  let section = "";
  const sectionOf = new Map<string, string>();
  // The next colon at or after the line's start, found once for many lines (no quadratic search).
  let nextColon = -2;
  for (let start = 0; start <= message.length; ) {
    let end = message.indexOf("\n", start);
    if (end === -1) end = message.length;
    const lineEnd = end > start && message.charCodeAt(end - 1) === 13 ? end - 1 : end;
    const from = start;
    start = end + 1;
    // A line without a colon (blank ones included) says nothing.
    if (nextColon !== -1 && nextColon < from) nextColon = message.indexOf(":", from);
    const colon = nextColon;
    if (colon === -1 || colon >= lineEnd) continue;
    const { indented, label, key } = readLabelPart(message.slice(from, colon));
    const value = message.slice(colon + 1, lineEnd).trim();
    if (!indented && value === "") {
      section = key;
      continue;
    }
    if (!indented) section = "";
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
