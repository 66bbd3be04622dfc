import type { WindowsEvent } from "../event/windows-event.ts";
import type { LogonEvent } from "./logon-event.ts";

function field(data: Readonly<Record<string, string>>, name: string): string {
  return (data[name] ?? "").trim();
}

/** Parses a LogonType value ("3", " 10 ") to a number, or null. */
export function parseLogonType(text: string | undefined): number | null {
  const trimmed = (text ?? "").trim();
  if (!/^\d{1,3}$/.test(trimmed)) return null;
  return Number(trimmed);
}

/** Projects a WindowsEvent onto the fields the logon rules use (event data by the names 4624 gives them). */
export function toLogonEvent(event: WindowsEvent): LogonEvent {
  const d = event.data;
  return {
    time: event.time,
    eventId: event.eventId,
    computer: event.computer.trim(),
    channel: event.channel.trim(),
    provider: event.provider.trim(),
    recordId: event.recordId,
    logonType: parseLogonType(d.LogonType),
    targetUserName: field(d, "TargetUserName"),
    targetDomainName: field(d, "TargetDomainName"),
    targetUserSid: field(d, "TargetUserSid"),
    workstationName: field(d, "WorkstationName"),
    ipAddress: field(d, "IpAddress"),
    logonProcessName: field(d, "LogonProcessName"),
    authenticationPackageName: field(d, "AuthenticationPackageName"),
    location: event.location,
  };
}
