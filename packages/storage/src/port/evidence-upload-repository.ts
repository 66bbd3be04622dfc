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

/** An upload as one customer gave it: the upload with the name that customer's file had, and when. */
export interface CustomerUpload extends EvidenceUpload {
  readonly customerId: string;
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
  /**
   * Links an upload to the customer it was given for, under that customer's file name (kept from the first
   * link: the same content given again is the same upload). An audit takes earlier uploads only through it.
   */
  linkToCustomer(
    orgId: string,
    link: {
      readonly customerId: string;
      readonly uploadId: string;
      readonly fileName: string;
      readonly createdBy?: string | null;
    },
  ): Promise<CustomerUpload>;
  /** The uploads given for a customer, newest first, each with that customer's file name. */
  listOfCustomer(orgId: string, customerId: string): Promise<readonly CustomerUpload[]>;
  /** One upload if it was given for this customer (else undefined: another customer's is not found). */
  getOfCustomer(
    orgId: string,
    customerId: string,
    uploadId: string,
  ): Promise<CustomerUpload | undefined>;
}
