import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import type { ApiEnv } from "../api-env.ts";
import { authorise } from "../auth/authorise.ts";
import { recordChange } from "../auth/record-change.ts";
import { idempotencyKeyHeaders } from "../create-once.ts";
import { readOwnedForAudit } from "../evidence/read-owned-for-audit.ts";
import { receiveEvidenceFiles } from "../evidence/receive-evidence-files.ts";
import { recordEvidenceUpload } from "../evidence/record-evidence-upload.ts";
import type { ServerDependencies } from "../server-dependencies.ts";
import {
  evidenceFileBody,
  idParams,
  showJob,
  showUpload,
  uploadAcceptedSchema,
} from "./evidence-job-schemas.ts";
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

/**
 * `POST /v1/customers/{id}/evidence`: evidence files (every format `calwise audit` reads: EVTX, event
 * XML/CSV, Winlogbeat JSON lines, pre-aggregated accesses, UAL and AD exports), one as the raw body with
 * `?fileName=`, or one or more as multipart/form-data parts named `file`. They are streamed to disk under
 * the data directory (never held whole; limits per file, in all and on the count), their formats checked
 * (one unreadable file refuses them all), and recorded with one queued audit job over all of them (202),
 * which reads them together as `calwise audit` does (logons with the AD inventory), with the customer's
 * deployment and entitlements as owned. The same files again, or the same Idempotency-Key, answer with the
 * first uploads and job.
 */
export function registerUploadEvidenceRoute(
  app: OpenAPIHono<ApiEnv>,
  deps: ServerDependencies,
): void {
  const route = createRoute({
    method: "post",
    path: "/v1/customers/{id}/evidence",
    tags: ["evidence"],
    summary: "Upload evidence files for a customer and queue one audit of them all",
    request: {
      params: idParams,
      query: uploadQuery,
      headers: idempotencyKeyHeaders,
      body: evidenceFileBody,
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
    const files = await receiveEvidenceFiles(c.req.raw, deps, query.fileName);
    const recorded = await recordEvidenceUpload(c, deps.store, deps.dataDir, {
      orgId: principal.orgId,
      customerId,
      files,
      input: { owned, deployment },
      createdBy: principal.userId,
      recordChange: (tx, done) =>
        recordChange(tx, c, principal, {
          action: "evidence.upload",
          targetType: "evidence-upload",
          targetId: done.uploadIds[0] ?? customerId,
          details: {
            jobId: done.jobId,
            customerId,
            uploadIds: done.uploadIds,
            sizeBytes: files.reduce((sum, file) => sum + file.received.sizeBytes, 0),
          },
        }),
    });
    if (!recorded.replayed) deps.jobs?.wake(principal.orgId);
    const [uploads, job] = await Promise.all([
      Promise.all(
        // Under the customer's name for it; a replay of an upload made before 0011 linked none.
        recorded.uploadIds.map(
          async (id) =>
            (await deps.store.evidenceUploads.getOfCustomer(principal.orgId, customerId, id)) ??
            (await deps.store.evidenceUploads.get(principal.orgId, id)),
        ),
      ),
      deps.store.jobs.get(principal.orgId, recorded.jobId ?? ""),
    ]);
    const [upload] = uploads;
    if (upload === undefined || job === undefined || uploads.some((u) => u === undefined))
      throw new Error("the recorded upload is gone");
    c.header("Location", `/v1/jobs/${job.id}`);
    return c.json(
      {
        upload: showUpload(upload),
        uploads: uploads.map((u) => showUpload(u as NonNullable<typeof u>)),
        job: showJob(job),
        replayed: recorded.replayed,
      },
      202,
    );
  });
}
