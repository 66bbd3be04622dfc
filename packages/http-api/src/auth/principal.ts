import type { Role } from "@calwise/storage";

/** Who a request acts as, once authenticated: a user of one organisation, by session cookie or API token. */
export interface Principal {
  readonly orgId: string;
  readonly userId: string;
  readonly role: Role;
  readonly via: "session" | "api-token";
  /** The session's id when signed in by cookie (sign-out revokes it). */
  readonly sessionId?: string;
}
