import { createHash } from "node:crypto";
import { CalwiseError } from "@calwise/core";
import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import type { ApiEnv } from "../api-env.ts";
import { authorise } from "../auth/authorise.ts";
import { recordChange } from "../auth/record-change.ts";
import { idempotencyKeyHeaders, runOnce } from "../create-once.ts";
import { readOwnedForAudit } from "../evidence/read-owned-for-audit.ts";
import { enqueueAudit } from "../evidence/record-evidence-upload.ts";
import { defaultUploadLimits, readUploadLimits } from "../evidence/upload-limits.ts";
import type { ServerDependencies } from "../server-dependencies.ts";
import { idParams, showJob, showUpload, uploadAcceptedSchema } from "./evidence-job-schemas.ts";
import { problemResponses } from "./problem-responses.ts";
import { readVisibleCustomer } from "./read-visible-customer.ts";
import { staffRoles } from "./route-roles.ts";

const auditUploadsBody = z
  .object({
    uploadIds: z.array(z.string().min(1).max(100)).min(1).openapi({
      description:
        "the customer's uploads (GET /v1/customers/{id}/evidence-files) to read together, in order",
    }),
    deploymentId: z.string().min(1).max(100).optional().openapi({
      description:
        "the customer's deployment whose newest revision is the owned estate (servers, owned CALs, prices)",
    }),
  })
  .openapi("AuditUploadsRequest");

/**
 * `POST /v1/customers/{id}/audits`: one audit job over several of the customer's earlier uploads (logon
 * logs with the AD inventory, as `calwise audit --events … --inventory …`), with the customer's deployment
 * and entitlements as owned (202). An upload not given for this customer is 404, as is another
 * organisation's; more files or bytes than one audit reads (the upload limits) is 400. The same files and
 * owned data again, or the same Idempotency-Key, answer with the first job.
 */
export function registerAuditUploadsRoute(
  app: OpenAPIHono<ApiEnv>,
  deps: ServerDependencies,
): void {
  const route = createRoute({
    method: "post",
    path: "/v1/customers/{id}/audits",
    tags: ["evidence"],
    summary: "Queue one audit over several of the customer's uploaded files",
    request: {
      params: idParams,
      headers: idempotencyKeyHeaders,
      body: { required: true, content: { "application/json": { schema: auditUploadsBody } } },
    },
    responses: {
      202: {
        description: "the audit job is queued (or the first identical request's answer)",
        content: { "application/json": { schema: uploadAcceptedSchema } },
      },
      ...problemResponses(400, 401, 403, 404, 409),
    },
  });
  app.openapi(route, async (c) => {
    const principal = authorise(c, staffRoles);
    const customerId = c.req.valid("param").id;
    const body = c.req.valid("json");
    await readVisibleCustomer(deps.store, principal, customerId);
    const limits = readUploadLimits(deps.uploadLimits ?? defaultUploadLimits);
    // The same file named twice is read once (an accesses file read twice would count twice).
    const uploadIds = [...new Set(body.uploadIds)];
    if (uploadIds.length > limits.maxFiles)
      throw new CalwiseError(
        "INPUT_INVALID",
        `${uploadIds.length} files chosen: one audit reads at most ${limits.maxFiles}`,
        [{ code: "SCHEMA", path: "uploadIds", message: `at most ${limits.maxFiles} files` }],
      );
    const uploads = await Promise.all(
      uploadIds.map((id) =>
        deps.store.evidenceUploads.getOfCustomer(principal.orgId, customerId, id),
      ),
    );
    if (uploads.some((u) => u === undefined))
      throw new CalwiseError("NOT_FOUND", "no such upload of this customer");
    const chosen = uploads as NonNullable<(typeof uploads)[number]>[];
    const total = chosen.reduce((sum, u) => sum + u.sizeBytes, 0);
    if (total > limits.maxTotalBytes)
      throw new CalwiseError(
        "INPUT_INVALID",
        `the files chosen are ${total} bytes together, more than the ${limits.maxTotalBytes} one audit reads`,
        [
          {
            code: "SCHEMA",
            path: "uploadIds",
            message: `at most ${limits.maxTotalBytes} bytes in all`,
          },
        ],
      );
    const { owned, deployment } = await readOwnedForAudit(
      deps.store,
      principal.orgId,
      customerId,
      body.deploymentId,
    );
    const requestHash = createHash("sha256")
      .update(JSON.stringify(["audit of uploads", customerId, uploadIds, owned ?? null]))
      .digest("hex");
    const outcome = await runOnce(
      c,
      deps.store,
      principal.orgId,
      { contentKey: `evidence-audit:${requestHash}`, requestHash },
      async (tx) => {
        const jobId = await enqueueAudit(tx, principal.orgId, customerId, uploadIds, {
          owned,
          deployment,
        });
        await recordChange(tx, c, principal, {
          action: "evidence.audit",
          targetType: "job",
          targetId: jobId,
          details: { customerId, uploadIds },
        });
        return { jobId };
      },
    );
    if (!outcome.replayed) deps.jobs?.wake(principal.orgId);
    const job = await deps.store.jobs.get(principal.orgId, outcome.response.jobId);
    const [first] = chosen;
    if (job === undefined || first === undefined) throw new Error("the queued job is gone");
    c.header("Location", `/v1/jobs/${job.id}`);
    return c.json(
      {
        upload: showUpload(first),
        uploads: chosen.map(showUpload),
        job: showJob(job),
        replayed: outcome.replayed,
      },
      202,
    );
  });
}
