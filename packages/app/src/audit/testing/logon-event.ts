import type { LogonEvent } from "@calwise/evidence";

/** A successful network logon (4624, type 3) on `computer`, for the audit steps' tests. */
export function logonEvent(
  fields: Partial<LogonEvent> & { readonly recordId: number },
): LogonEvent {
  return {
    time: "2026-11-20T08:00:00Z",
    eventId: 4624,
    computer: "FS1.example.corp",
    channel: "Security",
    provider: "Microsoft-Windows-Security-Auditing",
    logonType: 3,
    targetUserName: "ann",
    targetDomainName: "EXAMPLE",
    targetUserSid: "",
    workstationName: "PC01",
    ipAddress: "",
    logonProcessName: "NtLmSsp",
    authenticationPackageName: "NTLM",
    location: { file: "security.ndjson", line: fields.recordId, record: fields.recordId },
    ...fields,
  };
}
