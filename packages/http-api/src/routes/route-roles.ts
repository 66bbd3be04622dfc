import type { Role } from "@calwise/storage";

/** Every role (routes about one's own account). */
export const allRoles: readonly Role[] = ["owner", "sales", "auditor", "customer"];
/** The roles that work on the organisation's data and read it. */
export const staffRoles: readonly Role[] = ["owner", "sales", "auditor"];
/** The roles that change customers and compute results for them. */
export const editorRoles: readonly Role[] = ["owner", "sales"];
