import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import type { ApiEnv } from "../api-env.ts";
import { authorise } from "../auth/authorise.ts";
import { readEvidenceJobInput } from "../evidence/evidence-job-input.ts";
import type { AuditListSummary } from "../jobs/summarise-audit-result.ts";
import type { ServerDependencies } from "../server-dependencies.ts";
import { customerIdParams } from "./customer-schemas.ts";
import { problemResponses } from "./problem-responses.ts";
import { readVisibleCustomer } from "./read-visible-customer.ts";
import { allRoles } from "./route-roles.ts";

/** One stored audit as the customer's list shows it: when, which files, against what, and the position. */
export const customerAuditSchema = z
  .object({
    id: z.string().openapi({ description: "the stored audit (GET /v1/audits/{id})" }),
    createdAt: z.string(),
    catalogVersion: z.string(),
    files: z.array(z.string()).openapi({ description: "the evidence files' names, as uploaded" }),
    deployment: z
      .object({
        id: z.string().nullable(),
        name: z.string(),
        revision: z.number().int().nullable(),
      })
      .nullable()
      .openapi({
        description:
          "the deployment revision the evidence was held against (id null for audits stored before it was kept); null: the customer's entitlements alone",
      }),
    compliant: z.boolean().openapi({ description: "the audit's evaluation had no error finding" }),
    calsShort: z
      .number()
      .int()
      .openapi({ description: "CALs short over every family and version (0 when compliant)" }),
  })
  .openapi("CustomerAudit");

/** "deployment Front office revision 2" (the owned name of jobs stored before the revision was kept). */
const ownedName = /^deployment (.+) revision (\d+)$/;

/**
 * `GET /v1/customers/{id}/audits`: the customer's stored audits, newest first, each with its files, the
 * deployment revision it was held against and its position, so an audit can be found again without its job
 * link (a customer user reads its own customer's).
 */
export function registerListCustomerAuditsRoute(
  app: OpenAPIHono<ApiEnv>,
  deps: ServerDependencies,
): void {
  const route = createRoute({
    method: "get",
    path: "/v1/customers/{id}/audits",
    tags: ["evidence"],
    summary: "List a customer's stored audits, newest first",
    request: { params: customerIdParams },
    responses: {
      200: {
        description: "the audits",
        content: {
          "application/json": { schema: z.object({ audits: z.array(customerAuditSchema) }) },
        },
      },
      ...problemResponses(401, 403, 404),
    },
  });
  app.openapi(route, async (c) => {
    const principal = authorise(c, allRoles);
    const customer = await readVisibleCustomer(deps.store, principal, c.req.valid("param").id);
    const audits = await deps.store.auditResults.list(principal.orgId, {
      customerId: customer.id,
    });
    const shown = [];
    for (const audit of audits) {
      // Stored beside the result by the job worker (or migration 0010): the result itself is never read here.
      const summary = audit.summary as AuditListSummary;
      const job =
        audit.jobId === null ? undefined : await deps.store.jobs.get(principal.orgId, audit.jobId);
      const input = job === undefined ? undefined : readEvidenceJobInput(job.input);
      const legacy = input?.deployment == null ? ownedName.exec(input?.owned?.name ?? "") : null;
      shown.push({
        id: audit.id,
        createdAt: audit.createdAt,
        catalogVersion: audit.catalogVersion,
        files: [...summary.files],
        deployment:
          input?.deployment != null
            ? input.deployment
            : legacy !== null
              ? { id: null, name: legacy[1] ?? "", revision: Number(legacy[2]) }
              : null,
        compliant: summary.compliant,
        calsShort: summary.calsShort,
      });
    }
    return c.json({ audits: shown }, 200);
  });
}
