/**
 * Thrown inside the BinXML parser when the bytes contradict the format, to unwind a deeply
 * nested parse in one step. It never leaves this folder: readEvtx turns it into an
 * EVTX_BAD_RECORD problem for the record being read.
 */
export class EvtxFormatError extends Error {
  override readonly name = "EvtxFormatError";
}
