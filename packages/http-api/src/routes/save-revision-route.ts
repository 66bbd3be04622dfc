import { resolveDeploymentDocument } from "@calwise/app";
import { CalwiseError } from "@calwise/core";
import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import type { ApiEnv } from "../api-env.ts";
import { authorise } from "../auth/authorise.ts";
import { recordChange } from "../auth/record-change.ts";
import { createOnce, idempotencyKeyHeaders } from "../create-once.ts";
import type { ServerDependencies } from "../server-dependencies.ts";
import {
  deploymentIdParams,
  newRevisionSchema,
  revisionSchema,
  showRevision,
} from "./deployment-schemas.ts";
import { problemResponses } from "./problem-responses.ts";
import { readVisibleDeployment } from "./read-visible-deployment.ts";
import { editorRoles } from "./route-roles.ts";

/** `POST /v1/deployments/{id}/revisions`: saves the document as the next revision; the older ones stay readable. */
export function registerSaveRevisionRoute(
  app: OpenAPIHono<ApiEnv>,
  deps: ServerDependencies,
): void {
  const route = createRoute({
    method: "post",
    path: "/v1/deployments/{id}/revisions",
    tags: ["deployments"],
    summary: "Save a new revision of a deployment",
    request: {
      headers: idempotencyKeyHeaders,
      params: deploymentIdParams,
      body: { required: true, content: { "application/json": { schema: newRevisionSchema } } },
    },
    responses: {
      201: { description: "saved", content: { "application/json": { schema: revisionSchema } } },
      ...problemResponses(400, 401, 403, 404, 409),
    },
  });
  app.openapi(route, async (c) => {
    const principal = authorise(c, editorRoles);
    const deployment = await readVisibleDeployment(deps.store, principal, c.req.valid("param").id);
    const { document } = c.req.valid("json");
    resolveDeploymentDocument({ name: "document", data: document }, deps.catalog);
    const saved = await createOnce(c, deps.store, principal, { document }, async (tx) => {
      const revision = await tx.deployments.saveRevision(principal.orgId, deployment.id, {
        document,
        createdBy: principal.userId,
      });
      if (revision === undefined) throw new CalwiseError("NOT_FOUND", "no such deployment");
      await recordChange(tx, c, principal, {
        action: "deployment.revise",
        targetType: "deployment",
        targetId: deployment.id,
        details: { revision: revision.revision },
      });
      return showRevision(revision);
    });
    return c.json(saved, 201);
  });
}
