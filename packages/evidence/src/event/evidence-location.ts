/** Where a record was read, so every figure built on it can point back at the input. */
export interface EvidenceLocation {
  /** The path read, or the label given for a stream. */
  readonly file: string;
  /** 1-based line where the record starts, for text formats. */
  readonly line?: number;
  /**
   * The record's number: for EVTX the record header's (evtxexport's "Event number"), for text
   * formats the 1-based position of the record in the file.
   */
  readonly record?: number;
  /** Absolute byte offset of the record, for EVTX. */
  readonly offset?: number;
}

/** `file:line`, `file#record` or `file@offset`: how problems and reports name a location. */
export function formatEvidenceLocation(location: EvidenceLocation): string {
  if (location.line !== undefined) return `${location.file}:${location.line}`;
  if (location.record !== undefined) return `${location.file}#${location.record}`;
  if (location.offset !== undefined) return `${location.file}@${location.offset}`;
  return location.file;
}
