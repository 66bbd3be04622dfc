import type { CustomerProfile } from "./customer-profile.ts";

/** Version of the advice JSON; bumped on any incompatible change. */
export const ADVICE_SCHEMA_VERSION = 1;

/** Why an edition cannot serve a profile: a finding of the engine or a capability the catalog lacks. */
export interface RuleOutReason {
  readonly code: string;
  readonly message: string;
  /** The catalog rule behind it, or null for a capability the catalog does not list. */
  readonly rule: string | null;
  readonly sources: readonly string[];
}

/** A licence to buy for a legal option: what the engine counted and the cheapest SKUs, when priced. */
export interface OptionLicence {
  readonly server: string;
  readonly product: string;
  readonly productName: string;
  readonly quantity: number;
  readonly unit: string;
  readonly explanation: string;
  readonly skus: readonly {
    readonly sku: string;
    readonly count: number;
    readonly price: number;
  }[];
  readonly cost: number | null;
}

/** CALs to buy for a legal option, by family, version and type (after included CALs). */
export interface OptionCals {
  readonly family: string;
  readonly name: string;
  readonly version: string;
  readonly type: string;
  readonly units: number;
  readonly skus: readonly {
    readonly sku: string;
    readonly count: number;
    readonly price: number;
  }[];
  readonly cost: number | null;
}

/** An edition (configuration) that can legally serve the profile, with its cost. */
export interface EditionOption {
  readonly product: string;
  readonly name: string;
  /** How it is set up, e.g. "SQL Server 2012 Standard on the server". */
  readonly configuration: string;
  readonly licences: readonly OptionLicence[];
  readonly cals: readonly OptionCals[];
  readonly includedCals: readonly {
    readonly family: string;
    readonly version: string;
    readonly quantity: number;
    readonly used: number;
  }[];
  /** CAL units to buy (the ranking key without prices). */
  readonly calUnits: number;
  readonly licenceCost: number | null;
  readonly calCost: number | null;
  /** Server licences + CALs and connectors to buy, in minor units; null when something is not priced. */
  readonly total: number | null;
  readonly unpriced: readonly string[];
  readonly notes: readonly string[];
}

/** An edition that cannot serve the profile, with every reason. */
export interface RuledOutEdition {
  readonly product: string;
  readonly name: string;
  readonly reasons: readonly RuleOutReason[];
}

/** A point on the growth path where the advice changes. */
export interface GrowthChange {
  readonly users: number;
  readonly devices: number;
  readonly from: string | null;
  readonly to: string | null;
  /** Why: the rule-out of the edition that was best, or a cheaper option. */
  readonly because: string;
}

/** The advisor's answer: options ranked by cost, editions ruled out and why, and where growth changes it. */
export interface EditionAdvice {
  readonly schemaVersion: typeof ADVICE_SCHEMA_VERSION;
  readonly catalogVersion: string;
  readonly profile: CustomerProfile;
  readonly representativeDeployment: readonly string[];
  readonly currency: string | null;
  readonly priceList: { readonly name: string; readonly version: string | null } | null;
  /** `total` when priced, else `cal-units` (CALs to buy, then licences). */
  readonly rankedBy: "total" | "cal-units";
  readonly ranked: readonly EditionOption[];
  readonly ruledOut: readonly RuledOutEdition[];
  readonly growth: {
    readonly fromUsers: number;
    readonly toUsers: number;
    readonly changes: readonly GrowthChange[];
    /** Per edition legal today: the last user count on the path it still serves (null: all of it). */
    readonly editionsUntil: readonly {
      readonly product: string;
      readonly lastUsers: number | null;
      readonly reason: string | null;
    }[];
  } | null;
  readonly assumptions: readonly {
    readonly id: string;
    readonly value: string | number | boolean;
    readonly text: string;
    readonly sources: readonly string[];
  }[];
}
