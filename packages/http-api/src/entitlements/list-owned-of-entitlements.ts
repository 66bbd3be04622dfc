import type { Entitlement } from "@calwise/storage";

/** What an imported entitlement's `details` hold (written by the CSV import). */
interface EntitlementDetails {
  readonly licence?: "family" | "suite" | "externalConnector";
  readonly version?: string;
  readonly type?: "user" | "device" | "either";
  readonly server?: string;
}

/**
 * Entitlements as the deployment's `owned` entries (docs/deployment.md), which the engine counts as
 * owned CALs: the family, suite or External Connector with its version, CAL type and quantity, and the
 * invoice (or what it came with) as the source. Oldest first, so the same entitlements give the same list.
 */
export function listOwnedOfEntitlements(
  entitlements: readonly Entitlement[],
): Record<string, unknown>[] {
  return entitlements.map((entitlement) => {
    const details = (entitlement.details ?? {}) as EntitlementDetails;
    const licence = details.licence ?? "family";
    return {
      [licence]: entitlement.sku,
      ...(details.version === undefined ? {} : { version: details.version }),
      ...(details.type === undefined ? {} : { type: details.type }),
      ...(details.server === undefined ? {} : { server: details.server }),
      quantity: entitlement.quantity,
      source:
        entitlement.kind === "purchase"
          ? `invoice ${entitlement.invoiceReference ?? "unknown"}`
          : `included${entitlement.invoiceReference ? ` (${entitlement.invoiceReference})` : ""}`,
    };
  });
}
