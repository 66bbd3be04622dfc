import type { Entitlement } from "@calwise/storage";
import { z } from "@hono/zod-openapi";

/** An entitlement as the API shows it: a purchase (with its invoice) or CALs included with a product. */
export const entitlementSchema = z
  .object({
    id: z.string(),
    customerId: z.string().nullable(),
    kind: z.enum(["purchase", "included"]),
    licence: z.enum(["family", "suite", "externalConnector"]),
    sku: z
      .string()
      .openapi({ description: "the catalog id of the CAL family, suite or connector" }),
    version: z.string().nullable(),
    type: z.enum(["user", "device", "either"]).nullable(),
    quantity: z.number().int(),
    invoiceReference: z.string().nullable(),
    acquiredOn: z.string().nullable(),
    amountMinor: z.number().int().nullable(),
    currency: z.string().nullable(),
    createdAt: z.string(),
  })
  .openapi("Entitlement");

/** A customer's entitlements, oldest first. */
export const entitlementListSchema = z
  .object({ entitlements: z.array(entitlementSchema) })
  .openapi("EntitlementList");

/** The stored entitlement without its organisation id, its details spelt out. */
export function showEntitlement(entitlement: Entitlement): z.output<typeof entitlementSchema> {
  const details = (entitlement.details ?? {}) as {
    licence?: "family" | "suite" | "externalConnector";
    version?: string;
    type?: "user" | "device" | "either";
  };
  return {
    id: entitlement.id,
    customerId: entitlement.customerId,
    kind: entitlement.kind,
    licence: details.licence ?? "family",
    sku: entitlement.sku,
    version: details.version ?? null,
    type: details.type ?? null,
    quantity: entitlement.quantity,
    invoiceReference: entitlement.invoiceReference,
    acquiredOn: entitlement.acquiredOn,
    amountMinor: entitlement.amountMinor,
    currency: entitlement.currency,
    createdAt: entitlement.createdAt,
  };
}
