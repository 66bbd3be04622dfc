/** An uploaded evidence file, stored under the data directory. */
export interface EvidenceUpload {
  readonly orgId: string;
  readonly id: string;
  readonly fileName: string;
  /** Path relative to the data directory (never a path a request named). */
  readonly storedPath: string;
  readonly sizeBytes: number;
  /** SHA-256 of the content, hex: the same file uploaded twice is one upload. */
  readonly contentHash: string;
  readonly format: string;
  readonly createdAt: string;
  readonly createdBy: string | null;
}

/** The fields an upload is recorded with. */
export interface NewEvidenceUpload {
  readonly fileName: string;
  readonly storedPath: string;
  readonly sizeBytes: number;
  readonly contentHash: string;
  readonly format: string;
  readonly createdBy?: string | null;
}

/** Evidence uploads of an organisation. */
export interface EvidenceUploadRepository {
  /** Records an upload, or returns the existing one with the same content hash (`created: false`). */
  record(
    orgId: string,
    input: NewEvidenceUpload,
  ): Promise<{ readonly upload: EvidenceUpload; readonly created: boolean }>;
  get(orgId: string, id: string): Promise<EvidenceUpload | undefined>;
  list(orgId: string): Promise<readonly EvidenceUpload[]>;
}
