import { rm } from "node:fs/promises";
import { join } from "node:path";
import { CalwiseError } from "@calwise/core";
import { detectEvidenceFormat } from "@calwise/evidence";
import { openFileByteSource } from "@calwise/node-files";
import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import type { ApiEnv } from "../api-env.ts";
import { authorise } from "../auth/authorise.ts";
import { recordChange } from "../auth/record-change.ts";
import { idempotencyKeyHeaders } from "../create-once.ts";
import { readOwnedForAudit } from "../evidence/read-owned-for-audit.ts";
import { receiveUpload } from "../evidence/receive-upload.ts";
import { recordEvidenceUpload, uploadsDirName } from "../evidence/record-evidence-upload.ts";
import { defaultUploadLimits } from "../evidence/upload-limits.ts";
import type { ServerDependencies } from "../server-dependencies.ts";
import { idParams, showJob, showUpload, uploadAcceptedSchema } from "./evidence-job-schemas.ts";
import { problemResponses } from "./problem-responses.ts";
import { readVisibleCustomer } from "./read-visible-customer.ts";
import { staffRoles } from "./route-roles.ts";

const uploadQuery = z.object({
  fileName: z
    .string()
    .max(255)
    .optional()
    .openapi({ description: "the file's name, for a raw body (multipart parts carry their own)" }),
  deploymentId: z.string().min(1).max(100).optional().openapi({
    description:
      "the customer's deployment whose newest revision is the owned estate (servers, owned CALs, prices)",
  }),
});

const binary = { type: "string", format: "binary" } as const;

/**
 * `POST /v1/customers/{id}/evidence`: an evidence file (every format `calwise audit` reads: EVTX, event
 * XML/CSV, Winlogbeat JSON lines, UAL and AD exports), as the raw body with `?fileName=` or as
 * multipart/form-data with a `file` part. It is streamed to disk under the data directory (never held
 * whole; size and time limits), its format checked, and recorded with a queued audit job (202); the
 * audit runs in the server's job worker with the customer's deployment and entitlements as owned.
 * The same file again, or the same Idempotency-Key, answers with the first upload and job.
 */
export function registerUploadEvidenceRoute(
  app: OpenAPIHono<ApiEnv>,
  deps: ServerDependencies,
): void {
  const route = createRoute({
    method: "post",
    path: "/v1/customers/{id}/evidence",
    tags: ["evidence"],
    summary: "Upload an evidence file for a customer and queue its audit",
    request: {
      params: idParams,
      query: uploadQuery,
      headers: idempotencyKeyHeaders,
      body: {
        required: true,
        content: {
          "application/octet-stream": { schema: binary as never },
          "multipart/form-data": {
            schema: {
              type: "object",
              properties: { file: binary },
              required: ["file"],
            } as never,
          },
        },
      },
    },
    responses: {
      202: {
        description: "stored; the audit job is queued (or the first identical upload's answer)",
        content: { "application/json": { schema: uploadAcceptedSchema } },
      },
      ...problemResponses(400, 401, 403, 404, 408, 409, 413),
    },
  });
  app.openapi(route, async (c) => {
    const principal = authorise(c, staffRoles);
    const customerId = c.req.valid("param").id;
    const query = c.req.valid("query");
    // Before a byte of the body is read: another organisation's id is 404 whatever is sent.
    await readVisibleCustomer(deps.store, principal, customerId);
    const { owned, deployment } = await readOwnedForAudit(
      deps.store,
      principal.orgId,
      customerId,
      query.deploymentId,
    );
    const received = await receiveUpload(
      c.req.raw,
      join(deps.dataDir, uploadsDirName),
      deps.uploadLimits ?? defaultUploadLimits,
      query.fileName,
    );
    const detected = await detectEvidenceFormat({
      ...openFileByteSource(received.tempPath),
      name: received.fileName,
    });
    if (!detected.ok) {
      await rm(received.tempPath, { force: true });
      throw new CalwiseError("INPUT_UNREADABLE", `${received.fileName} is not evidence`, [
        { code: "FORMAT", path: "file", file: received.fileName, message: detected.message },
      ]);
    }
    const recorded = await recordEvidenceUpload(c, deps.store, deps.dataDir, {
      orgId: principal.orgId,
      received,
      format: detected.format,
      input: { customerId, owned, deployment },
      createdBy: principal.userId,
      recordChange: (tx, done) =>
        recordChange(tx, c, principal, {
          action: "evidence.upload",
          targetType: "evidence-upload",
          targetId: done.uploadId,
          details: { jobId: done.jobId, customerId, sizeBytes: received.sizeBytes },
        }),
    });
    if (!recorded.replayed) deps.jobs?.wake(principal.orgId);
    const [upload, job] = await Promise.all([
      deps.store.evidenceUploads.get(principal.orgId, recorded.uploadId),
      deps.store.jobs.get(principal.orgId, recorded.jobId),
    ]);
    if (upload === undefined || job === undefined) throw new Error("the recorded upload is gone");
    c.header("Location", `/v1/jobs/${job.id}`);
    return c.json(
      { upload: showUpload(upload), job: showJob(job), replayed: recorded.replayed },
      202,
    );
  });
}
