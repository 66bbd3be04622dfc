/** Stable codes for the ways part of an EVTX input can be unusable; callers may switch on them. */
export const evtxProblemCodes = [
  /** The input does not start with the EVTX file signature: nothing was read. */
  "EVTX_NOT_EVTX",
  /** The input could not be opened or read at all (missing file, permissions, stream error). */
  "EVTX_UNREADABLE",
  /** The file header is damaged (checksum, version, sizes); chunks are still read. */
  "EVTX_BAD_FILE_HEADER",
  /** A chunk failed its signature, checksums or offsets and was skipped whole. */
  "EVTX_BAD_CHUNK",
  /** One event record could not be read and was skipped; its neighbours were kept. */
  "EVTX_BAD_RECORD",
  /** One record's templates expand past its work budget (docs/limits.md); skipped, its neighbours kept. */
  "EVTX_RECORD_TOO_COMPLEX",
  /** One record's BinXML nests deeper than the depth limit (docs/limits.md); skipped, its neighbours kept. */
  "EVTX_RECORD_TOO_DEEP",
  /** The input ends inside the file header or a chunk. */
  "EVTX_TRUNCATED",
] as const;

/** One of `evtxProblemCodes`. */
export type EvtxProblemCode = (typeof evtxProblemCodes)[number];

/** One part of an EVTX input that was skipped, located precisely: reported as data, never thrown. */
export interface EvtxProblem {
  readonly code: EvtxProblemCode;
  /** The path read, or the label given for a stream. */
  readonly file: string;
  /** Absolute byte offset in the file where the unusable part starts. */
  readonly offset: number;
  /** Zero-based chunk index, or null when the problem is in the file header or the whole input. */
  readonly chunk: number | null;
  readonly message: string;
  readonly expected?: string;
  readonly received?: string;
}
