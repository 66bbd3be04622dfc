import type { Role } from "@calwise/storage";

/** Who a request acts as, once authenticated: a user of one organisation, by session cookie or API token. */
export interface Principal {
  readonly orgId: string;
  readonly userId: string;
  readonly role: Role;
  readonly via: "session" | "api-token";
  /** A customer user's own customer record (the only one it may read); null for staff. */
  readonly customerId: string | null;
  /** The session's id when signed in by cookie (sign-out revokes it). */
  readonly sessionId?: string;
}

/** Whether a record of customer `customerId` is visible: staff see all, a customer user only its own. */
export function canSeeCustomer(principal: Principal, customerId: string | null): boolean {
  return (
    principal.role !== "customer" || (customerId !== null && customerId === principal.customerId)
  );
}
