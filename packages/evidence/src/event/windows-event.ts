import type { EvidenceLocation } from "./evidence-location.ts";

/**
 * One Windows event as every reader yields it, whatever the file format: the System fields an audit
 * uses and the event data by name (`TargetUserName`, `LogonType`, …).
 */
export interface WindowsEvent {
  /** System/EventRecordID, which survives export; null when the format does not carry it. */
  readonly recordId: number | null;
  /** System/TimeCreated, ISO 8601 UTC (`2019-03-19T23:34:25.4652234Z`; precision as the format gives). */
  readonly time: string;
  readonly eventId: number;
  readonly provider: string;
  readonly channel: string;
  /** The computer that logged the event. */
  readonly computer: string;
  /** EventData values by Name (a null-prototype object). */
  readonly data: Readonly<Record<string, string>>;
  readonly location: EvidenceLocation;
}
