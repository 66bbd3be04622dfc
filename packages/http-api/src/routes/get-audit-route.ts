import { CalwiseError } from "@calwise/core";
import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import type { ApiEnv } from "../api-env.ts";
import { authorise } from "../auth/authorise.ts";
import { canSeeCustomer } from "../auth/principal.ts";
import type { ServerDependencies } from "../server-dependencies.ts";
import { idParams, storedAuditSchema } from "./evidence-job-schemas.ts";
import { problemResponses } from "./problem-responses.ts";
import { allRoles } from "./route-roles.ts";

/** `GET /v1/audits/{id}`: a stored audit result with its evidence trail, as computed then. */
export function registerGetAuditRoute(app: OpenAPIHono<ApiEnv>, deps: ServerDependencies): void {
  const route = createRoute({
    method: "get",
    path: "/v1/audits/{id}",
    tags: ["evidence"],
    summary: "Read a stored audit with its evidence trail",
    request: { params: idParams },
    responses: {
      200: {
        description: "the audit",
        content: { "application/json": { schema: storedAuditSchema } },
      },
      ...problemResponses(401, 403, 404),
    },
  });
  app.openapi(route, async (c) => {
    const principal = authorise(c, allRoles);
    const audit = await deps.store.auditResults.getAsJson(principal.orgId, c.req.valid("param").id);
    if (audit === undefined || !canSeeCustomer(principal, audit.customerId))
      throw new CalwiseError("NOT_FOUND", "no such audit");
    // The stored result is sent as the JSON text it is stored as: parsing and serialising a large audit
    // again cost more than reading it. The record's other fields (not its organisation id) come first.
    const { orgId: _o, resultJson, ...shown } = audit;
    const text = `${JSON.stringify(shown).slice(0, -1)},"result":${resultJson}}`;
    return c.body(text, 200, { "content-type": "application/json" }) as never;
  });
}
