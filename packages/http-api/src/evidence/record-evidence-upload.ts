import { createHash } from "node:crypto";
import { mkdir, rename, rm } from "node:fs/promises";
import { join } from "node:path";
import type { Store, TenantRepositories } from "@calwise/storage";
import type { Context } from "hono";
import type { ApiEnv } from "../api-env.ts";
import { runOnce } from "../create-once.ts";
import { type EvidenceJobInput, evidenceAuditJobKind } from "./evidence-job-input.ts";
import type { ReceivedUpload } from "./receive-upload.ts";

/** The folder under the data directory that holds uploads, one folder per organisation. */
export const uploadsDirName = "uploads";

/** What an upload request came to: the uploads, their job (none when only stored), and whether it was a replay. */
export interface RecordedUpload {
  /** Each distinct file's upload, in the order sent (the same content twice is one). */
  readonly uploadIds: readonly string[];
  readonly jobId: string | null;
  readonly replayed: boolean;
}

/** A received file with the format its bytes showed. */
export interface ReceivedEvidence {
  readonly received: ReceivedUpload;
  readonly format: string;
}

/** Uploads to record: the received files, for whom, with what owned data (null: stored, no audit), by whom. */
export interface UploadToRecord {
  readonly orgId: string;
  readonly customerId: string;
  readonly files: readonly ReceivedEvidence[];
  /** The audit job's input but its files; null to store the files for a later audit only. */
  readonly input: Omit<EvidenceJobInput, "uploadId" | "uploadIds" | "customerId"> | null;
  readonly createdBy: string;
  /** Appends the change to the audit log in the same transaction. */
  readonly recordChange: (
    tx: TenantRepositories,
    recorded: { readonly uploadIds: readonly string[]; readonly jobId: string | null },
  ) => Promise<void>;
}

/**
 * Moves received files into place (content-addressed: `uploads/<org>/<sha256>`) and records them
 * atomically with their one job: one transaction writes the upload rows (one per content hash), their
 * links to the customer, the job over all of them, the audit log entry and the idempotency records. The
 * same contents for the same customer and owned data ("the same files twice"), or the same
 * Idempotency-Key again, replays the first answer: one upload each, one job, one audit, never a second
 * count. The same key with other files is 409 CONFLICT. The files are moved into place inside the
 * transaction, before the rows commit, so a row never names a missing file; a crash in between leaves
 * only files that the next upload of that content overwrites.
 */
export async function recordEvidenceUpload(
  c: Context<ApiEnv>,
  store: Store,
  dataDir: string,
  upload: UploadToRecord,
): Promise<RecordedUpload> {
  const { orgId, files } = upload;
  const storedPath = (file: ReceivedEvidence) =>
    join(uploadsDirName, orgId, file.received.contentHash);
  // Moved into place only when new uploads are recorded; a replay or a refusal drops the copies.
  const place = async () => {
    await mkdir(join(dataDir, uploadsDirName, orgId), { recursive: true });
    for (const file of files) await rename(file.received.tempPath, join(dataDir, storedPath(file)));
  };
  const hashes = files.map((file) => file.received.contentHash);
  // One file hashes as it always did, so a file sent before several were possible replays as before.
  const contents = hashes.length === 1 ? hashes[0] : hashes;
  const requestHash = createHash("sha256")
    .update(
      JSON.stringify(
        upload.input === null
          ? ["stored only", upload.customerId, contents]
          : [upload.customerId, contents, upload.input.owned ?? null],
      ),
    )
    .digest("hex");
  const outcome = await runOnce(
    c,
    store,
    orgId,
    {
      contentKey: `${upload.input === null ? "evidence-file" : "evidence-upload"}:${requestHash}`,
      requestHash,
    },
    async (tx) => {
      await place();
      return createUploadsAndJob(tx, upload, storedPath);
    },
  ).finally(() => Promise.all(files.map((file) => rm(file.received.tempPath, { force: true }))));
  // A replay of an upload recorded before several files were possible answers `{ uploadId, jobId }`.
  const response = outcome.response as {
    readonly uploadIds?: readonly string[];
    readonly uploadId?: string;
    readonly jobId: string | null;
  };
  const uploadIds =
    response.uploadIds ?? (response.uploadId === undefined ? [] : [response.uploadId]);
  return { uploadIds, jobId: response.jobId, replayed: outcome.replayed };
}

async function createUploadsAndJob(
  tx: TenantRepositories,
  upload: UploadToRecord,
  storedPath: (file: ReceivedEvidence) => string,
): Promise<{ readonly uploadIds: readonly string[]; readonly jobId: string | null }> {
  const { orgId, customerId } = upload;
  const uploadIds: string[] = [];
  for (const file of upload.files) {
    const { upload: row } = await tx.evidenceUploads.record(orgId, {
      fileName: file.received.fileName,
      storedPath: storedPath(file),
      sizeBytes: file.received.sizeBytes,
      contentHash: file.received.contentHash,
      format: file.format,
      createdBy: upload.createdBy,
    });
    await tx.evidenceUploads.linkToCustomer(orgId, {
      customerId,
      uploadId: row.id,
      fileName: file.received.fileName,
      createdBy: upload.createdBy,
    });
    if (!uploadIds.includes(row.id)) uploadIds.push(row.id);
  }
  const jobId =
    upload.input === null
      ? null
      : await enqueueAudit(tx, orgId, customerId, uploadIds, upload.input);
  const recorded = { uploadIds, jobId };
  await upload.recordChange(tx, recorded);
  return recorded;
}

/** Queues the audit of a customer's uploads (in the order given) with the owned data fixed now. */
export async function enqueueAudit(
  tx: TenantRepositories,
  orgId: string,
  customerId: string,
  uploadIds: readonly string[],
  rest: Omit<EvidenceJobInput, "uploadId" | "uploadIds" | "customerId">,
): Promise<string> {
  const [first] = uploadIds;
  if (first === undefined) throw new Error("an audit of no file");
  const input: EvidenceJobInput = { ...rest, customerId, uploadId: first, uploadIds };
  const job = await tx.jobs.enqueue(orgId, { kind: evidenceAuditJobKind, input });
  return job.id;
}
