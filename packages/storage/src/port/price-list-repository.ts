/** A price list of an organisation, valid between two calendar dates. */
export interface PriceList {
  readonly orgId: string;
  readonly id: string;
  readonly name: string;
  readonly currency: string;
  /** `YYYY-MM-DD`, inclusive. */
  readonly validFrom: string;
  /** `YYYY-MM-DD`, inclusive; null while open-ended. */
  readonly validTo: string | null;
  /** The price list document as the core reads it (amounts in integer minor units). */
  readonly document: unknown;
  readonly createdAt: string;
}

/** The fields a price list is created with. */
export interface NewPriceList {
  readonly name: string;
  readonly currency: string;
  readonly validFrom: string;
  readonly validTo?: string | null;
  readonly document: unknown;
}

/** Price lists of an organisation (several at once). */
export interface PriceListRepository {
  create(orgId: string, input: NewPriceList): Promise<PriceList>;
  get(orgId: string, id: string): Promise<PriceList | undefined>;
  list(orgId: string): Promise<readonly PriceList[]>;
  /** The lists valid on a date (`YYYY-MM-DD`), the latest start first. */
  listValidOn(orgId: string, date: string): Promise<readonly PriceList[]>;
  /** Ends a list's validity on `validTo` (kept for the quotes that used it); undefined when it is missing. */
  retire(orgId: string, id: string, validTo: string): Promise<PriceList | undefined>;
  delete(orgId: string, id: string): Promise<boolean>;
}
