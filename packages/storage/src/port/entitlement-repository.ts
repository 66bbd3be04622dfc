/** How a licence was obtained: bought (with an invoice) or included with another product. */
export type EntitlementKind = "purchase" | "included";

/** Licences an organisation (or one of its customers) owns. */
export interface Entitlement {
  readonly orgId: string;
  readonly id: string;
  readonly customerId: string | null;
  readonly kind: EntitlementKind;
  /** The catalog's product, CAL family or SKU id. */
  readonly sku: string;
  readonly quantity: number;
  readonly invoiceReference: string | null;
  /** Calendar date, `YYYY-MM-DD`. */
  readonly acquiredOn: string | null;
  /** Price paid in integer minor units of `currency`. */
  readonly amountMinor: number | null;
  readonly currency: string | null;
  /** The rest of the imported record (version, CAL type, …) as the importer read it. */
  readonly details: unknown;
  readonly createdAt: string;
}

/** The fields an entitlement is created with. */
export interface NewEntitlement {
  readonly customerId?: string | null;
  readonly kind: EntitlementKind;
  readonly sku: string;
  readonly quantity: number;
  readonly invoiceReference?: string | null;
  readonly acquiredOn?: string | null;
  readonly amountMinor?: number | null;
  readonly currency?: string | null;
  readonly details?: unknown;
}

/** Entitlements of an organisation. An import is atomic: all rows or none (`Store.transact`). */
export interface EntitlementRepository {
  create(orgId: string, input: NewEntitlement): Promise<Entitlement>;
  get(orgId: string, id: string): Promise<Entitlement | undefined>;
  list(orgId: string, filter?: { readonly customerId?: string }): Promise<readonly Entitlement[]>;
  delete(orgId: string, id: string): Promise<boolean>;
}
