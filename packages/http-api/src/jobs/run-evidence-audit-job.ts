import { join } from "node:path";
import { auditEvidence } from "@calwise/app";
import type { Catalog } from "@calwise/core";
import { openFileByteSource } from "@calwise/node-files";
import type { Job, Store } from "@calwise/storage";
import { readEvidenceJobInput } from "../evidence/evidence-job-input.ts";

/** What a running job reports: bytes read of the total, as often as the reader likes. */
export type ReportProgress = (done: number, total: number) => void;

/**
 * Runs the `auditEvidence` use case on a job's upload (the stored file, named as it was uploaded) with
 * the owned deployment fixed at enqueue time, and returns what to store. A re-run reads the same file
 * with the same input, so it comes to the same result. Bad evidence is a CalwiseError, as in the CLI.
 */
export async function runEvidenceAuditJob(
  job: Job,
  deps: { readonly store: Store; readonly catalog: Catalog; readonly dataDir: string },
  onProgress: ReportProgress,
): Promise<{ readonly customerId: string; readonly result: unknown }> {
  const input = readEvidenceJobInput(job.input);
  const upload = await deps.store.evidenceUploads.get(job.orgId, input.uploadId);
  if (upload === undefined) throw new Error(`the job's upload ${input.uploadId} is gone`);
  const source = {
    ...openFileByteSource(join(deps.dataDir, upload.storedPath)),
    name: upload.fileName,
  };
  const result = await auditEvidence(
    {
      evidence: [source],
      inventory: [],
      ...(input.owned === null ? {} : { owned: input.owned }),
      onProgress,
    },
    deps.catalog,
  );
  return { customerId: input.customerId, result };
}
