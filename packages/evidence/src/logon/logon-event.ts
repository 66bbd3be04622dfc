import type { EvidenceLocation } from "../event/evidence-location.ts";

/**
 * A logon-related event reduced to what the audit needs, the same whatever format it was read from
 * (EVTX, event XML, event CSV, Winlogbeat JSON lines). Strings are as logged, trimmed; "-" stays "-".
 */
export interface LogonEvent {
  /** ISO 8601 UTC, at the precision the format gives. */
  readonly time: string;
  readonly eventId: number;
  /** The computer that logged the event: the server accessed. */
  readonly computer: string;
  readonly channel: string;
  readonly provider: string;
  /** System/EventRecordID; null when the format does not carry it. */
  readonly recordId: number | null;
  /** LogonType as a number; null when absent or not a number. */
  readonly logonType: number | null;
  readonly targetUserName: string;
  readonly targetDomainName: string;
  readonly targetUserSid: string;
  readonly workstationName: string;
  readonly ipAddress: string;
  readonly logonProcessName: string;
  readonly authenticationPackageName: string;
  readonly location: EvidenceLocation;
}
