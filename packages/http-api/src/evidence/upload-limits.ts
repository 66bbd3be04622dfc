/** How large and how slow an evidence upload may be (`calwise serve --upload-max-bytes`, …). */
export interface UploadLimits {
  /** The largest upload accepted, in bytes; more is 413 PAYLOAD_TOO_LARGE while it streams. */
  readonly maxBytes: number;
  /** An upload that sends nothing for this long is cut (408 REQUEST_TIMEOUT). */
  readonly idleMs: number;
  /** An upload still arriving after this long is cut (408), so a trickle cannot hold a connection forever. */
  readonly totalMs: number;
}

/** 4 GiB, 30 seconds idle, one hour in all: a year of a busy domain controller's Security log fits. */
export const defaultUploadLimits: UploadLimits = {
  maxBytes: 4 * 1024 ** 3,
  idleMs: 30_000,
  totalMs: 60 * 60_000,
};
