import { createHash } from "node:crypto";
import { readEntitlementCsv } from "@calwise/app";
import { CalwiseError } from "@calwise/core";
import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import type { ApiEnv } from "../api-env.ts";
import { authorise } from "../auth/authorise.ts";
import { recordChange } from "../auth/record-change.ts";
import { chooseContentKey } from "../choose-content-key.ts";
import { idempotencyKeyHeaders, runOnce } from "../create-once.ts";
import type { ServerDependencies } from "../server-dependencies.ts";
import { entitlementListSchema, showEntitlement } from "./entitlement-schemas.ts";
import { idParams } from "./evidence-job-schemas.ts";
import { problemResponses } from "./problem-responses.ts";
import { readVisibleCustomer } from "./read-visible-customer.ts";
import { editorRoles } from "./route-roles.ts";

/**
 * `POST /v1/customers/{id}/entitlements`: a CSV of purchases and included licences (docs/entitlements.md),
 * read with the app's `readEntitlementCsv` against the catalog. Atomic: one bad row imports nothing and
 * the answer (400) locates every problem by line and column; otherwise every row is written in one
 * transaction with one audit log entry. Idempotent: the same file for the same customer, or the same
 * Idempotency-Key, replays the first import instead of counting the licences twice.
 */
export function registerImportEntitlementsRoute(
  app: OpenAPIHono<ApiEnv>,
  deps: ServerDependencies,
): void {
  const route = createRoute({
    method: "post",
    path: "/v1/customers/{id}/entitlements",
    tags: ["entitlements"],
    summary: "Import a customer's entitlements from CSV (all rows or none)",
    request: {
      params: idParams,
      headers: idempotencyKeyHeaders,
      body: { required: true, content: { "text/csv": { schema: { type: "string" } as never } } },
    },
    responses: {
      201: {
        description: "imported (or the first identical import's rows)",
        content: { "application/json": { schema: entitlementListSchema } },
      },
      ...problemResponses(400, 401, 403, 404, 409, 413),
    },
  });
  app.openapi(route, async (c) => {
    const principal = authorise(c, editorRoles);
    const customerId = c.req.valid("param").id;
    await readVisibleCustomer(deps.store, principal, customerId);
    const text = await c.req.text();
    const { rows, problems } = readEntitlementCsv(text, "entitlements.csv", deps.catalog);
    if (problems.length > 0 || rows.length === 0)
      throw new CalwiseError(
        "INPUT_INVALID",
        problems.length > 0
          ? `the CSV has ${problems.length} problem${problems.length === 1 ? "" : "s"}: nothing was imported`
          : "the CSV has no rows",
        problems,
      );
    const requestHash = createHash("sha256")
      .update(customerId)
      .update("\0")
      .update(text)
      .digest("hex");
    // Once its rows are all deleted (DELETE /v1/entitlements/{id}), the same file imports again.
    const contentKey = await chooseContentKey(
      deps.store,
      principal.orgId,
      `entitlement-import:${requestHash}`,
      async (answer) => {
        for (const id of (answer as { ids: string[] }).ids)
          if ((await deps.store.entitlements.get(principal.orgId, id)) !== undefined) return true;
        return false;
      },
    );
    const { response } = await runOnce(
      c,
      deps.store,
      principal.orgId,
      { contentKey, requestHash },
      async (tx) => {
        const ids: string[] = [];
        for (const row of rows) {
          const created = await tx.entitlements.create(principal.orgId, {
            customerId,
            kind: row.kind,
            sku: row.id,
            quantity: row.quantity,
            invoiceReference: row.invoice ?? null,
            acquiredOn: row.date ?? null,
            amountMinor: row.amountMinor ?? null,
            currency: row.currency ?? null,
            details: {
              licence: row.licence,
              line: row.line,
              ...(row.version === undefined ? {} : { version: row.version }),
              ...(row.type === undefined ? {} : { type: row.type }),
              ...(row.server === undefined ? {} : { server: row.server }),
              ...(row.note === undefined ? {} : { note: row.note }),
            },
          });
          ids.push(created.id);
        }
        await recordChange(tx, c, principal, {
          action: "entitlement.import",
          targetType: "customer",
          targetId: customerId,
          details: { rows: ids.length },
        });
        return { ids };
      },
    );
    const { ids } = response as { ids: string[] };
    const all = await deps.store.entitlements.list(principal.orgId, { customerId });
    const imported = new Set(ids);
    return c.json(
      { entitlements: all.filter((e) => imported.has(e.id)).map(showEntitlement) },
      201,
    );
  });
}
