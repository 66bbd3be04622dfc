import type { AssumptionValue, Product } from "../catalog/catalog-schema.ts";
import type { PriceList } from "../price-list/price-list-schema.ts";
import type { AccessSpec, AssignmentSpec, OwnedSpec, ServerSpec } from "./deployment-schema.ts";

/** A server with its catalog products resolved. */
export interface ResolvedServer {
  readonly spec: ServerSpec;
  readonly name: string;
  readonly product: Product;
  readonly applications: readonly Product[];
  /** Guests (servers whose `runsOn` names this one). */
  readonly guests: readonly string[];
}

/** One access after range expansion: at most one user, one device and one server. */
export interface ResolvedAccess {
  /** Index of the access record in the file, for traces. */
  readonly source: number;
  readonly user?: string;
  readonly device?: string;
  readonly server: string;
  readonly service?: string;
  readonly via?: string;
  readonly fromServer?: string;
}

/** A declared (or implied) user; `index` is its position in `ResolvedDeployment.users`. */
export interface ResolvedUser {
  readonly id: string;
  readonly kind: "internal" | "external";
  readonly index: number;
}

/** A declared (or implied) device; `index` is its position in `ResolvedDeployment.devices`. */
export interface ResolvedDevice {
  readonly id: string;
  readonly unattended: boolean;
  readonly index: number;
}

/**
 * The accesses' principals as integers, a column per field beside `accesses`: resolution looked each
 * name up once, so nothing downstream hashes it again (large estates have hundreds of thousands).
 */
export interface AccessPrincipals {
  readonly userCount: number;
  readonly deviceCount: number;
  /** Per user index, 1 when the user is external; per device index, 1 when the device is unattended. */
  readonly userExternal: Uint8Array;
  readonly deviceUnattended: Uint8Array;
  /** Per access (same position as in `accesses`), its user's and device's index, -1 when it names none. */
  readonly accessUser: Int32Array;
  readonly accessDevice: Int32Array;
}

/**
 * The accesses as columns, one entry per access in the order of `accesses`: what resolution builds
 * (a large estate's hundreds of thousands of accesses as three integers each, not as objects), and
 * what the evaluation reads. `accesses` is made from it when something asks for the objects.
 */
export interface ResolvedAccessColumns {
  readonly count: number;
  /** Per access, the index of its record in the file (`ResolvedAccess.source`). */
  readonly source: Int32Array;
  /** Per access, its record's position in `records` (resolution's: the same array as `source`). */
  readonly record: Int32Array;
  /** Per access, its server's position in `serverNames`. */
  readonly server: Int32Array;
  readonly serverNames: readonly string[];
  /** The records (by `record`): an access's service, via and fromServer are its record's. */
  readonly records: readonly Pick<AccessSpec, "service" | "via" | "fromServer">[];
  /** User and device ids by index (`AccessPrincipals.accessUser`/`accessDevice` point here). */
  readonly userIds: readonly string[];
  readonly deviceIds: readonly string[];
}

/** A deployment whose references all resolve: the engine's input. */
export interface ResolvedDeployment {
  readonly name: string;
  readonly servers: ReadonlyMap<string, ResolvedServer>;
  readonly users: ReadonlyMap<string, ResolvedUser>;
  readonly devices: ReadonlyMap<string, ResolvedDevice>;
  readonly accesses: readonly ResolvedAccess[];
  /** The accesses' users and devices by index. */
  readonly principals: AccessPrincipals;
  /**
   * The accesses' records and servers as columns (resolution gives them; a deployment built another way
   * may leave them out, and `readAccessColumns` then makes them from `accesses`).
   */
  readonly accessColumns?: ResolvedAccessColumns;
  readonly anonymous: readonly {
    readonly server: string;
    readonly description?: string;
    readonly visitors?: number;
  }[];
  readonly owned: readonly OwnedSpec[];
  readonly prices?: PriceList;
  readonly assignments: readonly AssignmentSpec[];
  /** Every catalog assumption with the value in force (the file's override or the default). */
  readonly assumptions: ReadonlyMap<string, AssumptionValue>;
  /** Assumption ids the file overrode. */
  readonly overriddenAssumptions: ReadonlySet<string>;
  readonly asOf?: string;
}
