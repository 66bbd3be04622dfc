import type { Customer } from "@calwise/storage";
import { z } from "@hono/zod-openapi";

/** A customer as the API shows it. */
export const customerSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    reference: z.string().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi("Customer");

/** The fields a customer is created or replaced with. */
export const customerFieldsSchema = z
  .object({
    name: z.string().trim().min(1).max(300),
    reference: z.string().max(200).nullable().optional(),
  })
  .openapi("CustomerFields");

/** The `{id}` path parameter of a customer route. */
export const customerIdParams = z.object({ id: z.string().min(1).max(100) });

/** The stored customer without its organisation id (the caller's own). */
export function showCustomer(customer: Customer): z.output<typeof customerSchema> {
  const { orgId: _orgId, ...shown } = customer;
  return shown;
}
