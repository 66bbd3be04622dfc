import { CalwiseError } from "@calwise/core";
import { isUniqueViolation } from "@calwise/storage";
import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import type { ApiEnv } from "../api-env.ts";
import { authorise } from "../auth/authorise.ts";
import { hashPassword, minimumPasswordLength } from "../auth/hash-password.ts";
import { recordChange } from "../auth/record-change.ts";
import { createOnce, idempotencyKeyHeaders } from "../create-once.ts";
import type { ServerDependencies } from "../server-dependencies.ts";
import { problemResponses } from "./problem-responses.ts";
import { readVisibleCustomer } from "./read-visible-customer.ts";
import { roleSchema, showUser, userSchema } from "./user-schemas.ts";

const newUserSchema = z
  .object({
    email: z.email().max(320),
    displayName: z.string().trim().min(1).max(200).optional(),
    role: roleSchema,
    customerId: z.string().min(1).max(100).optional().openapi({
      description: "the customer a customer user reads; required for that role, refused for others",
    }),
    password: z
      .string()
      .min(minimumPasswordLength)
      .max(1024)
      .optional()
      .openapi({
        description: `a first password (at least ${minimumPasswordLength} characters); without one, invite the user (POST /v1/users/{id}/invitation)`,
      }),
  })
  .refine((u) => (u.role === "customer") === (u.customerId !== undefined), {
    message: "a customer user names its customer; no other role does",
    path: ["customerId"],
  })
  .openapi("NewUser");

/**
 * `POST /v1/users`: an owner adds an account with a role, and a first password (scrypt-hashed) or none: then
 * `POST /v1/users/{id}/invitation` gives the token with which the user sets one.
 */
export function registerAddUserRoute(app: OpenAPIHono<ApiEnv>, deps: ServerDependencies): void {
  const route = createRoute({
    method: "post",
    path: "/v1/users",
    tags: ["users"],
    summary: "Add or invite a user with a role (owners)",
    request: {
      headers: idempotencyKeyHeaders,
      body: { required: true, content: { "application/json": { schema: newUserSchema } } },
    },
    responses: {
      201: { description: "added", content: { "application/json": { schema: userSchema } } },
      ...problemResponses(400, 401, 403, 404, 409),
    },
  });
  app.openapi(route, async (c) => {
    const principal = authorise(c, ["owner"]);
    const { password, ...fields } = c.req.valid("json");
    if (fields.customerId !== undefined)
      await readVisibleCustomer(deps.store, principal, fields.customerId);
    const passwordHash = password === undefined ? null : await hashPassword(password);
    try {
      const user = await createOnce(c, deps.store, principal, fields, async (tx) => {
        const added = await tx.users.create(principal.orgId, {
          email: fields.email,
          displayName: fields.displayName ?? fields.email,
          role: fields.role,
          customerId: fields.customerId ?? null,
          passwordHash,
        });
        await recordChange(tx, c, principal, {
          action: "user.add",
          targetType: "user",
          targetId: added.id,
          details: { role: added.role },
        });
        return showUser(added);
      });
      return c.json(user, 201);
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      throw new CalwiseError("CONFLICT", `${fields.email} already has an account here`);
    }
  });
}
