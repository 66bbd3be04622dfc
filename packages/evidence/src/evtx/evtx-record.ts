/** Where a record was found, so a finding built on it can point back at the bytes. */
export interface EvtxRecordLocation {
  readonly file: string;
  /** Zero-based chunk index. */
  readonly chunk: number;
  /** Absolute byte offset of the record in the file. */
  readonly offset: number;
}

/** One Windows event read from an EVTX file, with the System fields audits use and its data. */
export interface EvtxRecord {
  /** The record header's identifier (evtxexport's "Event number"). */
  readonly recordId: number;
  /** When the record was written, ISO 8601 UTC with 100-ns precision: 2019-03-19T23:34:25.4652234Z. */
  readonly writtenTime: string;
  /** System/EventID, without the classic-event qualifiers. */
  readonly eventId: number;
  /** System/EventID@Qualifiers, present on events from classic (pre-Vista) sources. */
  readonly qualifiers?: number;
  /** System/Level: 0 LogAlways, 1 Critical, 2 Error, 3 Warning, 4 Information, 5 Verbose. */
  readonly level: number;
  /** System/Provider@Name. */
  readonly provider: string;
  /** System/Provider@EventSourceName, the classic source name, when the event has one. */
  readonly eventSourceName?: string;
  readonly channel: string;
  readonly computer: string;
  /** System/TimeCreated@SystemTime in the same format as writtenTime. */
  readonly timeCreated: string;
  /** System/EventRecordID, which survives export (the record identifier may be renumbered). */
  readonly eventRecordId: number;
  /** System/Security@UserID, the SID of the account the event was logged for, when present. */
  readonly userSid?: string;
  /**
   * EventData children by their Name attribute (unnamed ones by element name, repeats as
   * `Data#2`, `Data#3`), or the children of UserData's single element by element name.
   */
  readonly data: Readonly<Record<string, string>>;
  /** The same values in document order, as evtxexport lists them ("String: 1", …). */
  readonly strings: readonly string[];
  /** The whole event rendered as XML, only when `includeXml` was asked for. */
  readonly xml?: string;
  readonly location: EvtxRecordLocation;
}
