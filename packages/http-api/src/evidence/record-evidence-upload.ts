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

/** What an upload request came to: the upload and its job, and whether an earlier request made them. */
export interface RecordedUpload {
  readonly uploadId: string;
  readonly jobId: string;
  readonly replayed: boolean;
}

/** An upload to record: the received file, for whom, with what owned data, by whom. */
export interface UploadToRecord {
  readonly orgId: string;
  readonly received: ReceivedUpload;
  readonly format: string;
  readonly input: Omit<EvidenceJobInput, "uploadId">;
  readonly createdBy: string;
  /** Appends the change to the audit log in the same transaction. */
  readonly recordChange: (
    tx: TenantRepositories,
    recorded: { readonly uploadId: string; readonly jobId: string },
  ) => Promise<void>;
}

/**
 * Moves a received file into place (content-addressed: `uploads/<org>/<sha256>`) and records it
 * atomically with its job: one transaction writes the upload row (one per content hash), the job, the
 * audit log entry and the idempotency records. The same content for the same customer and owned data
 * ("the same file twice"), or the same Idempotency-Key again, replays the first answer: one upload,
 * one job, one audit, never a second count. The same key with another file is 409 CONFLICT.
 * The file is moved into place inside the transaction, before the row commits, so a row never names a
 * missing file; a crash in between leaves only a file that the next upload of that content overwrites.
 */
export async function recordEvidenceUpload(
  c: Context<ApiEnv>,
  store: Store,
  dataDir: string,
  upload: UploadToRecord,
): Promise<RecordedUpload> {
  const { orgId, received } = upload;
  const storedPath = join(uploadsDirName, orgId, received.contentHash);
  // Moved into place only when a new upload is recorded; a replay or a refusal drops the copy.
  const place = async () => {
    await mkdir(join(dataDir, uploadsDirName, orgId), { recursive: true });
    await rename(received.tempPath, join(dataDir, storedPath));
  };
  const requestHash = createHash("sha256")
    .update(
      JSON.stringify([upload.input.customerId, received.contentHash, upload.input.owned ?? null]),
    )
    .digest("hex");
  const outcome = await runOnce(
    c,
    store,
    orgId,
    { contentKey: `evidence-upload:${requestHash}`, requestHash },
    async (tx) => {
      await place();
      return createUploadAndJob(tx, upload, storedPath);
    },
  ).finally(() => rm(received.tempPath, { force: true }));
  return { ...outcome.response, replayed: outcome.replayed };
}

async function createUploadAndJob(
  tx: TenantRepositories,
  upload: UploadToRecord,
  storedPath: string,
): Promise<{ readonly uploadId: string; readonly jobId: string }> {
  const { orgId, received } = upload;
  const { upload: row } = await tx.evidenceUploads.record(orgId, {
    fileName: received.fileName,
    storedPath,
    sizeBytes: received.sizeBytes,
    contentHash: received.contentHash,
    format: upload.format,
    createdBy: upload.createdBy,
  });
  const input: EvidenceJobInput = { ...upload.input, uploadId: row.id };
  const job = await tx.jobs.enqueue(orgId, { kind: evidenceAuditJobKind, input });
  const recorded = { uploadId: row.id, jobId: job.id };
  await upload.recordChange(tx, recorded);
  return recorded;
}
