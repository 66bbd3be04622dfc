import { CalwiseError } from "@calwise/core";
import type { EvidenceUpload, Job, Store } from "@calwise/storage";
import { z } from "@hono/zod-openapi";
import { canSeeCustomer, type Principal } from "../auth/principal.ts";
import { readEvidenceJobInput } from "../evidence/evidence-job-input.ts";

/** An evidence upload as the API shows it (never where it is stored). */
export const evidenceUploadSchema = z
  .object({
    id: z.string(),
    fileName: z.string(),
    sizeBytes: z.number().int(),
    contentHash: z.string().openapi({ description: "SHA-256 of the content, hex" }),
    format: z.string(),
    createdAt: z.string(),
  })
  .openapi("EvidenceUpload");

/** A durable job as the API shows it: state, progress (bytes read of the total), result or error. */
export const jobSchema = z
  .object({
    id: z.string(),
    kind: z.string(),
    customerId: z.string(),
    uploadId: z.string().openapi({ description: "the first file the audit reads" }),
    uploadIds: z
      .array(z.string())
      .openapi({ description: "every file the audit reads together, in the order given" }),
    state: z.enum(["queued", "running", "succeeded", "failed"]),
    progress: z.object({ done: z.number().int(), total: z.number().int().nullable() }),
    attempts: z.number().int(),
    auditId: z
      .string()
      .nullable()
      .openapi({ description: "the stored audit (GET /v1/audits/{id}) once succeeded" }),
    error: z
      .record(z.string(), z.unknown())
      .nullable()
      .openapi({ description: "problem details when the job failed" }),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi("Job");

/** What an upload answers: the uploads, their one job, and whether an earlier identical request made them. */
export const uploadAcceptedSchema = z
  .object({
    upload: evidenceUploadSchema.openapi({ description: "the first file (as before several)" }),
    uploads: z
      .array(evidenceUploadSchema)
      .openapi({ description: "every distinct file sent, in order" }),
    job: jobSchema,
    replayed: z.boolean(),
  })
  .openapi("EvidenceUploadAccepted");

const binary = { type: "string", format: "binary" } as const;

/** The body of an evidence upload: one file raw (`?fileName=`), or multipart parts named `file`. */
export const evidenceFileBody = {
  required: true,
  content: {
    "application/octet-stream": { schema: binary as never },
    "multipart/form-data": {
      schema: {
        type: "object",
        properties: {
          file: {
            description: "one or more parts named file, each an evidence file with its filename",
            oneOf: [binary, { type: "array", items: binary }],
          },
        },
        required: ["file"],
      } as never,
    },
  },
};

/** A stored audit: the AuditResult with its evidence trail, the catalog version, the job. */
export const storedAuditSchema = z
  .object({
    id: z.string(),
    jobId: z.string().nullable(),
    customerId: z.string().nullable(),
    catalogVersion: z.string(),
    createdAt: z.string(),
    result: z
      .record(z.string(), z.unknown())
      .openapi({ description: "the AuditResult (docs/audit-result.schema.json)" }),
  })
  .openapi("StoredAudit");

/** The `{id}` path parameter of a job, audit or customer route. */
export const idParams = z.object({ id: z.string().min(1).max(100) });

/** The stored upload without its organisation id and stored path (a customer's: with its file name). */
export function showUpload(upload: EvidenceUpload): z.output<typeof evidenceUploadSchema> {
  return {
    id: upload.id,
    fileName: upload.fileName,
    sizeBytes: upload.sizeBytes,
    contentHash: upload.contentHash,
    format: upload.format,
    createdAt: upload.createdAt,
  };
}

/** The stored job as the API shows it. */
export function showJob(job: Job): z.output<typeof jobSchema> {
  const input = readEvidenceJobInput(job.input);
  const result = job.result as { auditResultId?: string } | null;
  return {
    id: job.id,
    kind: job.kind,
    customerId: input.customerId,
    uploadId: input.uploadId,
    uploadIds: [...input.uploadIds],
    state: job.state,
    progress: { done: job.progressDone, total: job.progressTotal },
    attempts: job.attempts,
    auditId: result?.auditResultId ?? null,
    error: (job.error as Record<string, unknown> | null) ?? null,
    createdAt: job.createdAt,
    updatedAt: job.updatedAt,
  };
}

/** A job the principal may see (its organisation's; a customer user's own customer's), else NOT_FOUND. */
export async function readVisibleJob(store: Store, principal: Principal, id: string): Promise<Job> {
  const job = await store.jobs.get(principal.orgId, id);
  if (job === undefined || !canSeeCustomer(principal, readEvidenceJobInput(job.input).customerId))
    throw new CalwiseError("NOT_FOUND", "no such job");
  return job;
}
