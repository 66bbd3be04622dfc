/** Which limit a record reached: its expansion budget or the nesting depth. */
export type EvtxLimitCode = "EVTX_RECORD_TOO_COMPLEX" | "EVTX_RECORD_TOO_DEEP";

/**
 * Thrown while a record is parsed or expanded when it reaches one of `evtxLimits`, to abandon
 * it in one step. It never leaves this folder: readChunkRecords reports it under its own code
 * and goes on with the next record.
 */
export class EvtxLimitError extends Error {
  override readonly name = "EvtxLimitError";

  constructor(
    readonly code: EvtxLimitCode,
    message: string,
    readonly expected: string,
    readonly received: string,
  ) {
    super(message);
  }
}
