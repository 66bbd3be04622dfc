import { join } from "node:path";
import { auditEvidence, isInventoryFormat } from "@calwise/app";
import type { Catalog, MipSolver } from "@calwise/core";
import { accessFormats, type ByteSource, type EvidenceFormat } from "@calwise/evidence";
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
 * Runs the `auditEvidence` use case on a job's uploads (the stored files, named as the customer's files
 * were) with the owned deployment fixed at enqueue time, and returns what to store. The files go where
 * `calwise audit` takes them: AD exports as --inventory, pre-aggregated accesses as --accesses, the rest
 * (event logs, UAL) as --events, each in the order given, so several files give the command line's answer.
 * A re-run reads the same files with the same input, so it comes to the same result. Bad evidence in any
 * file is a CalwiseError naming that file, as in the CLI, and nothing is stored.
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
  const files = {
    evidence: [] as ByteSource[],
    accesses: [] as ByteSource[],
    inventory: [] as ByteSource[],
  };
  const names = new Set<string>();
  for (const uploadId of input.uploadIds) {
    const upload =
      (await deps.store.evidenceUploads.getOfCustomer(job.orgId, input.customerId, uploadId)) ??
      (await deps.store.evidenceUploads.get(job.orgId, uploadId));
    if (upload === undefined) throw new Error(`the job's upload ${uploadId} is gone`);
    const file = openFileByteSource(join(deps.dataDir, upload.storedPath));
    const name = distinctName(upload.fileName, names);
    const source = { ...file, name, open: () => yieldBetween(file.open()) };
    const format = upload.format as EvidenceFormat;
    if (isInventoryFormat(format)) files.inventory.push(source);
    else if (accessFormats.has(format)) files.accesses.push(source);
    else files.evidence.push(source);
  }
  const result = await auditEvidence(
    {
      ...files,
      ...(input.owned === null ? {} : { owned: input.owned }),
      onProgress,
      ...(deps.loadSolver ? { loadSolver: deps.loadSolver } : {}),
    },
    deps.catalog,
  );
  return { customerId: input.customerId, result, summary: summariseAuditResult(result) };
}

/**
 * A file's name, made distinct within the audit (two domain controllers' `Security.evtx`: the second is
 * `Security (2).evtx`), since the audit names files in its sources, problems and trail.
 */
function distinctName(name: string, taken: Set<string>): string {
  let distinct = name;
  for (let n = 2; taken.has(distinct); n++) {
    const dot = name.lastIndexOf(".");
    distinct = dot > 0 ? `${name.slice(0, dot)} (${n})${name.slice(dot)}` : `${name} (${n})`;
  }
  taken.add(distinct);
  return distinct;
}
