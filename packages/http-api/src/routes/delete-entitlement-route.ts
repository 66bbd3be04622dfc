import { CalwiseError } from "@calwise/core";
import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import type { ApiEnv } from "../api-env.ts";
import { authorise } from "../auth/authorise.ts";
import { recordChange } from "../auth/record-change.ts";
import type { ServerDependencies } from "../server-dependencies.ts";
import { idParams } from "./evidence-job-schemas.ts";
import { problemResponses } from "./problem-responses.ts";

const deletionSchema = z
  .object({
    reason: z.string().trim().min(3).max(500).openapi({
      description:
        "why it goes (entered twice, wrong customer, returned…); kept in the audit log with what was deleted",
      example: "entered twice: the same invoice INV-2025-0311",
    }),
  })
  .openapi("EntitlementDeletion");

/**
 * `DELETE /v1/entitlements/{id}`: an owner removes an entitlement entered by mistake. The row goes (audits and
 * compliance checks from now on no longer count it; jobs already queued keep the document they fixed), and the
 * audit log keeps who, when, why and what it was (licence, quantity, invoice), in the same transaction: the
 * count of licences owned changes, so the reason is required.
 */
export function registerDeleteEntitlementRoute(
  app: OpenAPIHono<ApiEnv>,
  deps: ServerDependencies,
): void {
  const route = createRoute({
    method: "delete",
    path: "/v1/entitlements/{id}",
    tags: ["entitlements"],
    summary: "Delete an entitlement entered by mistake, with the reason (owners)",
    request: {
      params: idParams,
      body: { required: true, content: { "application/json": { schema: deletionSchema } } },
    },
    responses: { 204: { description: "deleted" }, ...problemResponses(400, 401, 403, 404) },
  });
  app.openapi(route, async (c) => {
    const principal = authorise(c, ["owner"]);
    const { id } = c.req.valid("param");
    const { reason } = c.req.valid("json");
    await deps.store.transact(principal.orgId, async (tx) => {
      const entitlement = await tx.entitlements.get(principal.orgId, id);
      if (entitlement === undefined || !(await tx.entitlements.delete(principal.orgId, id)))
        throw new CalwiseError("NOT_FOUND", "no such entitlement");
      await recordChange(tx, c, principal, {
        action: "entitlement.delete",
        targetType: "entitlement",
        targetId: id,
        details: {
          reason,
          customerId: entitlement.customerId,
          kind: entitlement.kind,
          sku: entitlement.sku,
          quantity: entitlement.quantity,
          invoiceReference: entitlement.invoiceReference,
          details: entitlement.details,
        },
      });
    });
    return c.body(null, 204);
  });
}
