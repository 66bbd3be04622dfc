import type { PriceListReference } from "../price-list/dated-price-list.ts";
import type { AppliedDiscount } from "./apply-discounts.ts";
import type { OmittedCalsReason, Party } from "./quote-request-schema.ts";
import type { RoundingMode } from "./rounding-mode.ts";

/** Version of the quote JSON; bumped on any incompatible change. */
export const QUOTE_SCHEMA_VERSION = 1;

/**
 * What a line is: a licence to buy (`server-licence`, `application-licence`, `cal`, `external-connector`), or
 * information at no price (`included-cals` with a server, CALs the customer `owned-cals` already, a guest
 * `covered-by-host`).
 */
export type QuoteLineKind =
  | "server-licence"
  | "application-licence"
  | "cal"
  | "external-connector"
  | "included-cals"
  | "owned-cals"
  | "covered-by-host";

/** One line of a quote. Amounts are integer minor units of the quote's currency. */
export interface QuoteLine {
  /** 1-based number of a priced line; null for an informational line. */
  readonly position: number | null;
  readonly kind: QuoteLineKind;
  readonly sku: string | null;
  readonly description: string;
  /** Why this line and how many: the rule's arithmetic, the CALs it covers. */
  readonly detail: string;
  /** Packs or licences bought; for an informational line, the licences it stands for. */
  readonly quantity: number;
  /** Units in one pack (CALs, 2-processor licences, 2-core packs). */
  readonly packSize: number;
  readonly unitPrice: number;
  /** quantity × unitPrice. */
  readonly amount: number;
  /** This line's share of every discount. */
  readonly discount: number;
  /** amount − discount. */
  readonly net: number;
  readonly informational: boolean;
  readonly subject: {
    readonly server?: string;
    readonly product?: string;
    readonly family?: string;
    readonly version?: string;
    readonly type?: string;
  };
  readonly rule: string;
  readonly sources: readonly string[];
}

/** A recorded reason for leaving CALs out, as the quote states it. */
export interface StatedReason {
  readonly reason: OmittedCalsReason["reason"];
  readonly server: string | null;
  readonly statement: string;
  readonly rule: string;
  readonly sources: readonly string[];
}

/**
 * A quote: parties, dates, the price list used, line items, discounts and totals (total = subtotal − discounts
 * = sum of line nets, always), the reasons recorded for CALs left out, and the assumptions it rests on.
 */
export interface Quote {
  readonly schemaVersion: typeof QUOTE_SCHEMA_VERSION;
  readonly number: string | null;
  readonly date: string;
  readonly validUntil: string;
  readonly locale: string;
  readonly currency: string;
  readonly seller: Party | null;
  readonly customer: Party;
  readonly deployment: string;
  readonly catalogVersion: string;
  readonly priceList: PriceListReference;
  readonly lines: readonly QuoteLine[];
  readonly subtotal: number;
  readonly discounts: readonly AppliedDiscount[];
  readonly discountTotal: number;
  readonly total: number;
  readonly rounding: RoundingMode;
  readonly omittedCals: readonly StatedReason[];
  readonly assumptions: readonly {
    readonly id: string;
    readonly value: string | number | boolean;
    readonly text: string;
    readonly sources: readonly string[];
  }[];
  readonly notes: readonly string[];
}
