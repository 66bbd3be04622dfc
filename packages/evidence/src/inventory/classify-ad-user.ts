import type { AdUser } from "./ad-user.ts";

/** Groups whose members are taken as admin-only accounts unless configured otherwise. */
export const defaultAdminGroups: readonly string[] = [
  "Domain Admins",
  "Enterprise Admins",
  "Administrators",
];

/** How an AD account counts for CALs, and why. */
export interface AccountClass {
  /** A service account: software, not a person, logs on with it. */
  readonly service: boolean;
  /** An account used only to administer servers (member of an admin group). */
  readonly adminOnly: boolean;
  readonly disabled: boolean;
  /** The rule that made it a service or admin account, in words. */
  readonly reasons: readonly string[];
}

const serviceNamePattern = /^(?:svc|srv|sa|service)[-_.]|[-_.](?:svc|service)$|^svc[A-Z0-9]/;
const serviceDescriptionPattern = /\bservice account\b/i;

/**
 * Classifies an AD account: service account when it has a servicePrincipalName, a service-style name
 * (`svc-…`, `srv_…`, `sa.…`, `…-svc`, `svcSql`) or "service account" in its description; admin-only when
 * it is a member of one of `adminGroups` (default Domain Admins, Enterprise Admins, Administrators).
 */
export function classifyAdUser(
  user: AdUser,
  adminGroups: readonly string[] = defaultAdminGroups,
): AccountClass {
  const reasons: string[] = [];
  let service = false;
  if (user.servicePrincipalNames.length > 0) {
    service = true;
    reasons.push(`has servicePrincipalName ${user.servicePrincipalNames[0]}`);
  } else if (serviceNamePattern.test(user.samAccountName)) {
    service = true;
    reasons.push(`service account name "${user.samAccountName}"`);
  } else if (serviceDescriptionPattern.test(user.description)) {
    service = true;
    reasons.push(`description "${user.description}"`);
  }
  const groups = new Set(adminGroups.map((g) => g.toLowerCase()));
  const adminGroup = user.memberOf.find((g) => groups.has(g.toLowerCase()));
  if (adminGroup !== undefined) reasons.push(`member of ${adminGroup}`);
  return { service, adminOnly: adminGroup !== undefined, disabled: !user.enabled, reasons };
}
