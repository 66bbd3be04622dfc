/** How large and how slow an evidence upload may be (`calwise serve --upload-max-bytes`, …). */
export interface UploadLimits {
  /** The largest file accepted, in bytes; more is 413 PAYLOAD_TOO_LARGE while it streams. */
  readonly maxBytes: number;
  /** An upload that sends nothing for this long is cut (408 REQUEST_TIMEOUT). */
  readonly idleMs: number;
  /** An upload still arriving after this long is cut (408), so a trickle cannot hold a connection forever. */
  readonly totalMs: number;
  /** The most files one request may carry (one audit over several files); more is 413 (default 20). */
  readonly maxFiles?: number;
  /** The most bytes of all the files of one request together (default 4 × maxBytes); more is 413. */
  readonly maxTotalBytes?: number;
}

/** 4 GiB, 30 seconds idle, one hour in all: a year of a busy domain controller's Security log fits. */
export const defaultUploadLimits: UploadLimits = {
  maxBytes: 4 * 1024 ** 3,
  idleMs: 30_000,
  totalMs: 60 * 60_000,
};

/** The most files one audit reads (a request's files, or earlier uploads chosen), unless told otherwise. */
export const defaultMaxAuditFiles = 20;

/** The limits with the several-file ones filled in. */
export function readUploadLimits(limits: UploadLimits): Required<UploadLimits> {
  return {
    ...limits,
    maxFiles: limits.maxFiles ?? defaultMaxAuditFiles,
    maxTotalBytes: limits.maxTotalBytes ?? 4 * limits.maxBytes,
  };
}
