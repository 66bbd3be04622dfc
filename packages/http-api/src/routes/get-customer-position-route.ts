import type { Evaluation, PriceList as StoredPriceList } from "@calwise/storage";
import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import type { ApiEnv } from "../api-env.ts";
import { authorise } from "../auth/authorise.ts";
import { readRequestToday, todayHeaders } from "../read-request-today.ts";
import type { ServerDependencies } from "../server-dependencies.ts";
import { customerIdParams } from "./customer-schemas.ts";
import { problemResponses } from "./problem-responses.ts";
import { readVisibleCustomer } from "./read-visible-customer.ts";
import { allRoles } from "./route-roles.ts";

/** Why a deployment's newest check is not current, the first that applies. */
const staleReasons = ["unchecked", "revision", "catalog", "price-list"] as const;

const positionSchema = z
  .object({
    customerId: z.string(),
    catalogVersion: z.string().openapi({ description: "the catalog the service runs now" }),
    compliant: z.boolean().nullable().openapi({
      description:
        "every deployment's newest evaluation is compliant; false when one is not; otherwise null when one has none",
    }),
    priceListInForce: z
      .object({ id: z.string(), name: z.string() })
      .nullable()
      .openapi({ description: "the organisation's price list in force today (Calwise-Today)" }),
    deployments: z.array(
      z.object({
        deploymentId: z.string(),
        name: z.string(),
        latestRevision: z.number().int(),
        evaluation: z
          .object({
            id: z.string(),
            revision: z.number().int(),
            catalogVersion: z.string(),
            createdAt: z.string(),
            compliant: z.boolean(),
            priceList: z
              .object({ name: z.string(), version: z.string().nullable() })
              .nullable()
              .openapi({ description: "the list that priced it; null: not priced" }),
            currency: z.string().nullable(),
            purchaseTotal: z.number().int().nullable(),
          })
          .nullable(),
        current: z.boolean().openapi({
          description:
            "the evaluation is of the latest revision with the catalog the service runs now, priced at the list " +
            "in force today (else evaluate again)",
        }),
        staleReason: z
          .enum(staleReasons)
          .nullable()
          .openapi({
            description:
              "why it is not current (the first that applies): never checked, a newer revision, another catalog, " +
              "or priced at a list that is no longer the one in force (none then, or a list added since); null: current",
          }),
      }),
    ),
  })
  .openapi("CompliancePosition");

interface StoredResult {
  readonly compliant: boolean;
  readonly priceList: { readonly name: string; readonly version: string | null } | null;
  readonly currency: string | null;
  readonly purchaseTotal: number | null;
}

/**
 * Whether a check is priced as it would be today: at the deployment's own prices (which no list of the
 * organisation changes), or at the organisation's list in force now, or unpriced while none is. A check stored
 * before migration 0009 has no list id: its list is then told by name and version.
 */
async function isPricedInForce(
  deps: ServerDependencies,
  orgId: string,
  check: Evaluation,
  result: StoredResult,
  inForce: StoredPriceList | undefined,
): Promise<boolean> {
  if (check.priceListId !== null) return check.priceListId === inForce?.id;
  if (result.priceList === null) return inForce === undefined;
  const revision = await deps.store.deployments.getRevision(
    orgId,
    check.deploymentId,
    check.revision,
  );
  const document = revision?.document as Record<string, unknown> | undefined;
  if (document?.prices !== undefined) return true;
  const version = (inForce?.document as { version?: unknown } | undefined)?.version ?? null;
  return inForce?.name === result.priceList.name && version === result.priceList.version;
}

/**
 * `GET /v1/customers/{id}/position`: the customer's current compliance position: each deployment's newest
 * stored evaluation, with the catalog version it was computed with and whether it is still current (latest
 * revision, running catalog, priced at the list in force on the request's today) and if not why. It reads what
 * was stored; `POST /v1/deployments/{id}/evaluations` computes a new one.
 */
export function registerGetCustomerPositionRoute(
  app: OpenAPIHono<ApiEnv>,
  deps: ServerDependencies,
): void {
  const route = createRoute({
    method: "get",
    path: "/v1/customers/{id}/position",
    tags: ["deployments"],
    summary: "A customer's current compliance position",
    request: { headers: todayHeaders, params: customerIdParams },
    responses: {
      200: {
        description: "the position",
        content: { "application/json": { schema: positionSchema } },
      },
      ...problemResponses(401, 403, 404),
    },
  });
  app.openapi(route, async (c) => {
    const principal = authorise(c, allRoles);
    const customer = await readVisibleCustomer(deps.store, principal, c.req.valid("param").id);
    const deployments = await deps.store.deployments.list(principal.orgId, {
      customerId: customer.id,
    });
    const today = readRequestToday(c, deps.now());
    const [inForce] = await deps.store.priceLists.listValidOn(principal.orgId, today);
    const rows = [];
    for (const deployment of deployments) {
      const [newest] = await deps.store.evaluations.listOfDeployment(
        principal.orgId,
        deployment.id,
      );
      const result = newest?.result as StoredResult | undefined;
      const staleReason: (typeof staleReasons)[number] | null =
        newest === undefined || result === undefined
          ? "unchecked"
          : newest.revision !== deployment.latestRevision
            ? "revision"
            : newest.catalogVersion !== deps.catalog.version
              ? "catalog"
              : (await isPricedInForce(deps, principal.orgId, newest, result, inForce))
                ? null
                : "price-list";
      rows.push({
        deploymentId: deployment.id,
        name: deployment.name,
        latestRevision: deployment.latestRevision,
        evaluation:
          newest === undefined || result === undefined
            ? null
            : {
                id: newest.id,
                revision: newest.revision,
                catalogVersion: newest.catalogVersion,
                createdAt: newest.createdAt,
                compliant: result.compliant,
                priceList: result.priceList,
                currency: result.currency,
                purchaseTotal: result.purchaseTotal,
              },
        current: staleReason === null,
        staleReason,
      });
    }
    // One check that found a shortfall settles it: not compliant, whatever an unchecked deployment would show.
    const compliant = rows.some((r) => r.evaluation?.compliant === false)
      ? false
      : rows.some((r) => r.evaluation === null)
        ? null
        : true;
    return c.json(
      {
        customerId: customer.id,
        catalogVersion: deps.catalog.version,
        compliant,
        priceListInForce: inForce === undefined ? null : { id: inForce.id, name: inForce.name },
        deployments: rows,
      },
      200,
    );
  });
}
