import { CalwiseError } from "@calwise/core";
import type { Role } from "@calwise/storage";
import type { Context } from "hono";
import type { ApiEnv } from "../api-env.ts";
import type { Principal } from "./principal.ts";

/** The request's principal if its role is one of `roles`; FORBIDDEN (403) otherwise. Every route calls it. */
export function authorise(c: Context<ApiEnv>, roles: readonly Role[]): Principal {
  const principal = c.get("principal");
  if (principal === undefined) throw new CalwiseError("UNAUTHENTICATED", "sign in first");
  if (!roles.includes(principal.role))
    throw new CalwiseError("FORBIDDEN", `the ${principal.role} role may not do this`);
  return principal;
}
