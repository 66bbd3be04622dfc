import { resolveDeploymentDocument } from "@calwise/app";
import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import type { ApiEnv } from "../api-env.ts";
import { authorise } from "../auth/authorise.ts";
import { recordChange } from "../auth/record-change.ts";
import { createOnce, idempotencyKeyHeaders } from "../create-once.ts";
import type { ServerDependencies } from "../server-dependencies.ts";
import { customerIdParams } from "./customer-schemas.ts";
import {
  deploymentDocumentSchema,
  deploymentSchema,
  revisionSchema,
  showDeployment,
  showRevision,
} from "./deployment-schemas.ts";
import { problemResponses } from "./problem-responses.ts";
import { readVisibleCustomer } from "./read-visible-customer.ts";
import { editorRoles } from "./route-roles.ts";

/**
 * `POST /v1/customers/{id}/deployments`: a customer's deployment, saved as revision 1. The document is
 * checked against the catalog by the app's `resolveDeploymentDocument` first (400 with the field paths).
 */
export function registerCreateDeploymentRoute(
  app: OpenAPIHono<ApiEnv>,
  deps: ServerDependencies,
): void {
  const route = createRoute({
    method: "post",
    path: "/v1/customers/{id}/deployments",
    tags: ["deployments"],
    summary: "Save a customer's deployment (revision 1)",
    request: {
      headers: idempotencyKeyHeaders,
      params: customerIdParams,
      body: {
        required: true,
        content: {
          "application/json": {
            schema: z
              .object({
                name: z.string().trim().min(1).max(300).optional().openapi({
                  description: "the document's own name when absent",
                }),
                document: deploymentDocumentSchema,
              })
              .openapi("NewDeployment"),
          },
        },
      },
    },
    responses: {
      201: {
        description: "saved",
        content: {
          "application/json": {
            schema: z.object({ deployment: deploymentSchema, revision: revisionSchema }),
          },
        },
      },
      ...problemResponses(400, 401, 403, 404, 409),
    },
  });
  app.openapi(route, async (c) => {
    const principal = authorise(c, editorRoles);
    const customer = await readVisibleCustomer(deps.store, principal, c.req.valid("param").id);
    const body = c.req.valid("json");
    resolveDeploymentDocument({ name: "document", data: body.document }, deps.catalog);
    const named = typeof body.document.name === "string" ? body.document.name : "deployment";
    const saved = await createOnce(c, deps.store, principal, body, async (tx) => {
      const created = await tx.deployments.create(principal.orgId, {
        name: body.name ?? named,
        customerId: customer.id,
        document: body.document,
        createdBy: principal.userId,
      });
      await recordChange(tx, c, principal, {
        action: "deployment.create",
        targetType: "deployment",
        targetId: created.deployment.id,
        details: { customerId: customer.id },
      });
      return {
        deployment: showDeployment(created.deployment),
        revision: showRevision(created.revision),
      };
    });
    return c.json(saved, 201);
  });
}
