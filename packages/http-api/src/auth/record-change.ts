import type { TenantRepositories } from "@calwise/storage";
import type { Context } from "hono";
import type { ApiEnv } from "../api-env.ts";
import type { Principal } from "./principal.ts";
import { readClientAddress } from "./read-client-address.ts";

/** What changed: the action (`customer.create`), the kind and id of the record, details if any. */
export interface Change {
  readonly action: string;
  readonly targetType: string;
  readonly targetId: string;
  readonly details?: unknown;
}

/** Appends a change to the audit log (who, when, what, from where), in the caller's transaction. */
export async function recordChange(
  tx: TenantRepositories,
  c: Context<ApiEnv>,
  principal: Principal,
  change: Change,
): Promise<void> {
  await tx.auditLog.append(principal.orgId, {
    actorId: principal.userId,
    address: readClientAddress(c),
    ...change,
  });
}
