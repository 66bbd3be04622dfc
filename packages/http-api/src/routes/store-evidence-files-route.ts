import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import type { ApiEnv } from "../api-env.ts";
import { authorise } from "../auth/authorise.ts";
import { recordChange } from "../auth/record-change.ts";
import { idempotencyKeyHeaders } from "../create-once.ts";
import { receiveEvidenceFiles } from "../evidence/receive-evidence-files.ts";
import { recordEvidenceUpload } from "../evidence/record-evidence-upload.ts";
import type { ServerDependencies } from "../server-dependencies.ts";
import {
  evidenceFileBody,
  evidenceUploadSchema,
  idParams,
  showUpload,
} from "./evidence-job-schemas.ts";
import { problemResponses } from "./problem-responses.ts";
import { readVisibleCustomer } from "./read-visible-customer.ts";
import { staffRoles } from "./route-roles.ts";

/** The customer's uploads: what an audit over several files chooses from. */
export const customerUploadsSchema = z
  .object({ uploads: z.array(evidenceUploadSchema) })
  .openapi("CustomerUploads");

/**
 * `POST /v1/customers/{id}/evidence-files`: stores evidence files for the customer without auditing them
 * (the same body, limits and format check as `POST …/evidence`), so the web can show each file's kind
 * before one audit of several is started with `POST /v1/customers/{id}/audits`. The same content again
 * answers with the stored upload (`replayed`).
 */
export function registerStoreEvidenceFilesRoute(
  app: OpenAPIHono<ApiEnv>,
  deps: ServerDependencies,
): void {
  const route = createRoute({
    method: "post",
    path: "/v1/customers/{id}/evidence-files",
    tags: ["evidence"],
    summary: "Store evidence files for a customer, to audit later (several together)",
    request: {
      params: idParams,
      query: z.object({
        fileName: z.string().max(255).optional().openapi({
          description: "the file's name, for a raw body (multipart parts carry their own)",
        }),
      }),
      headers: idempotencyKeyHeaders,
      body: evidenceFileBody,
    },
    responses: {
      201: {
        description:
          "stored (or the first identical upload's answer), each with its detected format",
        content: {
          "application/json": {
            schema: customerUploadsSchema.extend({ replayed: z.boolean() }),
          },
        },
      },
      ...problemResponses(400, 401, 403, 404, 408, 409, 413),
    },
  });
  app.openapi(route, async (c) => {
    const principal = authorise(c, staffRoles);
    const customerId = c.req.valid("param").id;
    // Before a byte of the body is read: another organisation's id is 404 whatever is sent.
    await readVisibleCustomer(deps.store, principal, customerId);
    const files = await receiveEvidenceFiles(c.req.raw, deps, c.req.valid("query").fileName);
    const recorded = await recordEvidenceUpload(c, deps.store, deps.dataDir, {
      orgId: principal.orgId,
      customerId,
      files,
      input: null,
      createdBy: principal.userId,
      recordChange: (tx, done) =>
        recordChange(tx, c, principal, {
          action: "evidence.store",
          targetType: "evidence-upload",
          targetId: done.uploadIds[0] ?? customerId,
          details: { customerId, uploadIds: done.uploadIds },
        }),
    });
    const uploads = await deps.store.evidenceUploads.listOfCustomer(principal.orgId, customerId);
    const shown = recorded.uploadIds.map((id) => uploads.find((u) => u.id === id));
    if (shown.some((u) => u === undefined)) throw new Error("the recorded upload is gone");
    return c.json(
      {
        uploads: shown.map((u) => showUpload(u as NonNullable<typeof u>)),
        replayed: recorded.replayed,
      },
      201,
    );
  });
}

/** `GET /v1/customers/{id}/evidence-files`: the customer's uploads, newest first (to choose for an audit). */
export function registerListEvidenceFilesRoute(
  app: OpenAPIHono<ApiEnv>,
  deps: ServerDependencies,
): void {
  const route = createRoute({
    method: "get",
    path: "/v1/customers/{id}/evidence-files",
    tags: ["evidence"],
    summary: "List the evidence files uploaded for a customer, newest first",
    request: { params: idParams },
    responses: {
      200: {
        description: "the uploads, each with the customer's file name and its detected format",
        content: { "application/json": { schema: customerUploadsSchema } },
      },
      ...problemResponses(401, 403, 404),
    },
  });
  app.openapi(route, async (c) => {
    const principal = authorise(c, staffRoles);
    const customerId = c.req.valid("param").id;
    await readVisibleCustomer(deps.store, principal, customerId);
    const uploads = await deps.store.evidenceUploads.listOfCustomer(principal.orgId, customerId);
    return c.json({ uploads: uploads.map(showUpload) }, 200);
  });
}
