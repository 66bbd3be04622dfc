import type { Finding } from "../findings/finding.ts";
import type { CalMix } from "../optimise/choose-cal-mix.ts";
import type { ServerLicenceLine } from "../rules/count-server-licences.ts";
import type { Exemption } from "../rules/derive-cal-demand.ts";

/** Version of the `--json` result; bumped on any incompatible change (see docs/evaluation-result.schema.json). */
export const RESULT_SCHEMA_VERSION = 1;

/** A user or device given a CAL, with the accesses that made it necessary. */
export interface HolderLine {
  readonly id: string;
  readonly type: "user" | "device";
  /** The oldest CAL version that covers every access of this holder (a newer CAL also does). */
  readonly version: string;
  readonly servers: readonly string[];
  readonly accesses: readonly number[];
}

/** One CAL family's answer: who gets which CAL, how owned CALs cover it, what is short, and the proof. */
export interface FamilyResult {
  readonly family: string;
  readonly name: string;
  readonly additiveTo?: string;
  readonly holders: readonly HolderLine[];
  readonly required: readonly {
    readonly version: string;
    readonly type: "user" | "device";
    readonly count: number;
    readonly coveredByOwned: number;
    readonly shortfall: number;
  }[];
  readonly owned: readonly {
    readonly version: string;
    readonly type: "user" | "device" | "either";
    readonly quantity: number;
    readonly used: number;
    readonly surplus: number;
    readonly source: string;
  }[];
  readonly externalConnectors: readonly {
    readonly server: string;
    readonly connector: string;
    readonly version: string;
    readonly owned: boolean;
    readonly chosen: boolean;
    readonly price: number;
    readonly externalUsers: number;
  }[];
  readonly optimisation: {
    readonly exactness: "optimal" | "best-found";
    readonly method: string;
    /** Money paid for this family's CALs and External Connectors in minor units (CALs to buy, when unpriced). */
    readonly cost: number;
    /** Proven: no cover and purchase costs less. Equal to `cost` when `exactness` is optimal. */
    readonly lowerBound: number;
    /** cost − lowerBound: the most that a better answer could save. */
    readonly gap: number;
    /** The gap as a percentage of cost, to two decimals. */
    readonly gapPercent: number;
    readonly tieBreak: string;
    /** The minimum cut's certificate (see `CalMix`). */
    readonly certificate: CalMix["certificate"];
  };
  readonly rules: readonly string[];
  readonly sources: readonly string[];
}

/** A purchase line: packs of one SKU to close a shortfall, or an External Connector. */
export interface PurchaseLine {
  readonly kind: "cal" | "external-connector";
  readonly family: string;
  readonly version: string;
  readonly type?: "user" | "device";
  readonly connector?: string;
  readonly server?: string;
  readonly units: number;
  readonly packs: readonly {
    readonly sku: string;
    readonly size: number;
    readonly count: number;
    readonly price: number;
  }[];
  /** Total in minor units, or null when the price list does not price it. */
  readonly cost: number | null;
  readonly overbuy: number;
  readonly reason: string;
  readonly rule: string;
  readonly sources: readonly string[];
}

/** The full answer of `evaluateDeployment`: stable, documented by a JSON Schema with `schemaVersion`. */
export interface EvaluationResult {
  readonly schemaVersion: typeof RESULT_SCHEMA_VERSION;
  readonly catalogVersion: string;
  readonly deployment: string;
  readonly compliant: boolean;
  readonly currency: string | null;
  readonly priceList: { readonly name: string; readonly version: string | null } | null;
  readonly serverLicences: readonly ServerLicenceLine[];
  readonly families: readonly FamilyResult[];
  readonly purchases: readonly PurchaseLine[];
  /** Sum of purchase lines in minor units, or null when unpriced. */
  readonly purchaseTotal: number | null;
  readonly exemptions: readonly Exemption[];
  readonly findings: readonly Finding[];
  readonly assumptions: readonly {
    readonly id: string;
    readonly value: string | number | boolean;
    readonly default: string | number | boolean;
    readonly overridden: boolean;
    readonly text: string;
    readonly sources: readonly string[];
  }[];
}
