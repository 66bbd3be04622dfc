import { join } from "node:path";
import { auditEvidence } from "@calwise/app";
import type { Catalog, MipSolver } from "@calwise/core";
import { openFileByteSource } from "@calwise/node-files";
import type { Job, Store } from "@calwise/storage";
import { readEvidenceJobInput } from "../evidence/evidence-job-input.ts";
import { summariseAuditResult } from "./summarise-audit-result.ts";

/** Bytes the reader gets at a time: a few milliseconds of audit work. */
const sliceBytes = 64 * 1024;

/**
 * The file's pieces in slices, with a turn of the event loop before each: the audit runs in the server's
 * own thread, and without these turns a read-ahead file stream feeds it megabytes in one go while
 * requests wait (seconds, measured by the kill test's polling).
 */
async function* yieldBetween(pieces: AsyncIterable<Uint8Array>): AsyncIterable<Uint8Array> {
  for await (const piece of pieces)
    for (let at = 0; at < piece.length; at += sliceBytes) {
      await new Promise((resolve) => setImmediate(resolve));
      yield piece.subarray(at, at + sliceBytes);
    }
}

/** What a running job reports: bytes read of the total, as often as the reader likes. */
export type ReportProgress = (done: number, total: number) => void;

/**
 * Runs the `auditEvidence` use case on a job's upload (the stored file, named as it was uploaded) with
 * the owned deployment fixed at enqueue time, and returns what to store. A re-run reads the same file
 * with the same input, so it comes to the same result. Bad evidence is a CalwiseError, as in the CLI.
 */
export async function runEvidenceAuditJob(
  job: Job,
  deps: {
    readonly store: Store;
    readonly catalog: Catalog;
    readonly dataDir: string;
    readonly loadSolver?: () => Promise<MipSolver>;
  },
  onProgress: ReportProgress,
): Promise<{ readonly customerId: string; readonly result: unknown; readonly summary: unknown }> {
  const input = readEvidenceJobInput(job.input);
  const upload = await deps.store.evidenceUploads.get(job.orgId, input.uploadId);
  if (upload === undefined) throw new Error(`the job's upload ${input.uploadId} is gone`);
  const file = openFileByteSource(join(deps.dataDir, upload.storedPath));
  const source = { ...file, name: upload.fileName, open: () => yieldBetween(file.open()) };
  const result = await auditEvidence(
    {
      evidence: [source],
      inventory: [],
      ...(input.owned === null ? {} : { owned: input.owned }),
      onProgress,
      ...(deps.loadSolver ? { loadSolver: deps.loadSolver } : {}),
    },
    deps.catalog,
  );
  return { customerId: input.customerId, result, summary: summariseAuditResult(result) };
}
