import type { Role, User } from "@calwise/storage";
import { z } from "@hono/zod-openapi";

/** The roles, as the store knows them. */
export const roleSchema = z.enum(["owner", "sales", "auditor", "customer"]).openapi({
  description:
    "owner: everything, users included; sales: customers, price lists, quotes; auditor: reads and evaluates; customer: reads its own customer's records",
});

/** A user as an owner sees it: never the password hash. */
export const userSchema = z
  .object({
    id: z.string(),
    email: z.string(),
    displayName: z.string(),
    role: roleSchema,
    customerId: z.string().nullable(),
    hasPassword: z.boolean(),
    invited: z.boolean().openapi({ description: "an invitation to set a password is open" }),
    createdAt: z.string(),
    disabledAt: z.string().nullable(),
  })
  .openapi("User");

/** The `{id}` path parameter of a user route. */
export const userIdParams = z.object({ id: z.string().min(1).max(100) });

/** The user without its organisation id or password hash. */
export function showUser(user: User): z.output<typeof userSchema> {
  const { orgId: _orgId, passwordHash, ...shown } = user;
  return {
    ...shown,
    hasPassword: passwordHash?.startsWith("scrypt$") ?? false,
    invited: passwordHash?.startsWith("invite$") ?? false,
  };
}

/** Whether a role change or a removal would leave the organisation without an active owner. */
export function leavesNoOwner(users: readonly User[], changed: string, role: Role | null): boolean {
  return !users.some(
    (u) => u.disabledAt === null && (u.id === changed ? role === "owner" : u.role === "owner"),
  );
}
