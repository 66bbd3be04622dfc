import type { WindowsEvent } from "../event/windows-event.ts";

/** The event data fields the logon rules read (`toLogonEvent`): each must be given at most once. */
export const logonDataFields = [
  "LogonType",
  "TargetUserName",
  "TargetDomainName",
  "TargetUserSid",
  "WorkstationName",
  "IpAddress",
  "LogonProcessName",
  "AuthenticationPackageName",
] as const;

/** The names that must not hold a control character: user, domain and computer names. */
const nameFields = ["TargetUserName", "TargetDomainName", "WorkstationName"] as const;

/** True for a C0 control, DEL or a C1 control. */
export function isControlCharacter(code: number): boolean {
  return code < 0x20 || (code >= 0x7f && code <= 0x9f);
}

/** The index of the first control character in `text` (tab, LF and CR too unless `allowLineBreaks`), or -1. */
export function findControlCharacter(text: string, allowLineBreaks = false): number {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (!isControlCharacter(code)) continue;
    if (allowLineBreaks && (code === 0x09 || code === 0x0a || code === 0x0d)) continue;
    return i;
  }
  return -1;
}

/** `text` as a JSON string with DEL and C1 escaped too, so a message never carries a control character. */
export function escapeControlCharacters(text: string): string {
  return JSON.stringify(text).replace(
    /[\u007f-\u009f]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`,
  );
}

/** What is wrong with a record's logon fields: reported as a problem, the record skipped. */
export interface LogonFieldProblem {
  readonly code: "EVENT_REPEATED_FIELD" | "EVENT_CONTROL_CHARACTER";
  readonly message: string;
  readonly expected: string;
  readonly received: string;
}

/** A name as a short JSON string with its control characters escaped (`"a\u0000b"`). */
function quoteName(text: string): string {
  return escapeControlCharacters(text.length > 40 ? `${text.slice(0, 40)}…` : text);
}

/**
 * The one check every event reader applies, so that a logon means the same in every format: a logon
 * field given twice (readers name the repeat `Field#2`) is refused rather than resolved (XML and EVTX
 * would keep the first value, JSON the last), and a user, domain or computer name holding a control
 * character is not a name. Undefined when the record is fine.
 */
export function checkLogonFields(
  computer: string,
  data: Readonly<Record<string, string>>,
): LogonFieldProblem | undefined {
  for (const name of logonDataFields) {
    const repeat = data[`${name}#2`];
    if (repeat !== undefined)
      return {
        code: "EVENT_REPEATED_FIELD",
        message: `event data ${name} is given more than once; the record is skipped because formats disagree on which value counts`,
        expected: `one ${name}`,
        received: `${quoteName(data[name] ?? "")} and ${quoteName(repeat)}`,
      };
  }
  const names: [string, string][] = [["computer", computer]];
  for (const name of nameFields) names.push([name, data[name] ?? ""]);
  // Trimmed first, as toLogonEvent trims: only a control character inside a name refuses it.
  for (const [name, value] of names)
    if (findControlCharacter(value.trim()) !== -1)
      return {
        code: "EVENT_CONTROL_CHARACTER",
        message: `${name} holds a control character, so it is not a name; the record is skipped`,
        expected: "a name without control characters (NUL, C0, DEL, C1)",
        received: quoteName(value),
      };
  return undefined;
}

/** `checkLogonFields` of a WindowsEvent. */
export function checkEventLogonFields(event: WindowsEvent): LogonFieldProblem | undefined {
  return checkLogonFields(event.computer, event.data);
}
