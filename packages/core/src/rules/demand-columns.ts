import type { DemandHolderNumbers, DemandItem } from "./derive-cal-demand.ts";

/**
 * A family's demand items as read: by position (`at`) or in order. A plain array of items is one (the
 * planner's tests and scripts build those); `deriveCalDemand` returns `DemandColumns`, which hold the
 * items as typed columns and make each item only when it is read.
 */
export interface DemandList extends Iterable<DemandItem> {
  readonly length: number;
  at(index: number): DemandItem | undefined;
}

/** Bits of `DemandColumns.flags`. */
const DEVICE_ONLY = 1;
const USER_ONLY = 2;
const EXTERNAL = 4;

/** The tables the columns' numbers index: one per deployment, shared by every family's columns. */
export interface DemandTables {
  /** Holder names by the deployment's user and device numbers (the columns' `user` and `device`). */
  readonly userIds: readonly (string | undefined)[];
  readonly deviceIds: readonly (string | undefined)[];
  readonly serverNames: readonly string[];
  /** The rule lists items share, by the columns' `rules` number. */
  readonly ruleLists: readonly (readonly string[] | undefined)[];
  /** How many users and devices the deployment numbers (bounds of `user` and `device`). */
  readonly users: number;
  readonly devices: number;
}

/** The columns by item (`DemandColumns`). */
export interface DemandColumnArrays {
  readonly tier: Int32Array;
  readonly user: Int32Array;
  readonly device: Int32Array;
  readonly server: Int32Array;
  readonly access: Int32Array;
  readonly flags: Uint8Array;
  readonly rules: Uint8Array;
}

/**
 * One family's demand items as columns by item: its holders as the deployment's user and device
 * numbers (-1: none), its server, tier, access, flags and rule list as numbers. A large audit has 1.5
 * million items: as objects they were the evaluation's peak (104 bytes each); here they are 25 bytes,
 * and an item object is made only when one is read, and dropped young.
 */
export class DemandColumns implements DemandList, DemandColumnArrays {
  readonly family: string;
  readonly tier: Int32Array;
  readonly user: Int32Array;
  readonly device: Int32Array;
  readonly server: Int32Array;
  readonly access: Int32Array;
  readonly flags: Uint8Array;
  readonly rules: Uint8Array;
  readonly tables: DemandTables;
  /**
   * The holder numbers (`demandHolderNumbers`) when these are the items as derived; undefined for a
   * part of them (`filterDemand`), as for any other list the planner is given.
   */
  readonly numbers: DemandHolderNumbers | undefined;

  constructor(family: string, columns: DemandColumnArrays, tables: DemandTables, derived: boolean) {
    this.family = family;
    this.tier = columns.tier;
    this.user = columns.user;
    this.device = columns.device;
    this.server = columns.server;
    this.access = columns.access;
    this.flags = columns.flags;
    this.rules = columns.rules;
    this.tables = tables;
    this.numbers = derived
      ? { user: this.user, device: this.device, users: tables.users, devices: tables.devices }
      : undefined;
  }

  get length(): number {
    return this.tier.length;
  }

  at(index: number): DemandItem | undefined {
    const k = index < 0 ? index + this.tier.length : index;
    if (!(k >= 0 && k < this.tier.length)) return undefined;
    const { tables } = this;
    const u = this.user[k] as number;
    const d = this.device[k] as number;
    const flags = this.flags[k] as number;
    return createDemandItem(
      this.family,
      this.tier[k] as number,
      u < 0 ? undefined : tables.userIds[u],
      d < 0 ? undefined : tables.deviceIds[d],
      tables.serverNames[this.server[k] as number] as string,
      (flags & DEVICE_ONLY) !== 0,
      (flags & USER_ONLY) !== 0,
      (flags & EXTERNAL) !== 0,
      this.access[k] as number,
      tables.ruleLists[this.rules[k] as number] as readonly string[],
    );
  }

  [Symbol.iterator](): Iterator<DemandItem> {
    let k = 0;
    return {
      next: (): IteratorResult<DemandItem> =>
        k < this.tier.length
          ? { value: this.at(k++) as DemandItem, done: false }
          : { value: undefined, done: true },
    };
  }

  /** The items at `indexes` (ascending), without holder numbers. */
  pick(indexes: Int32Array): DemandColumns {
    const take = <T extends Int32Array | Uint8Array>(column: T): T => {
      const out = new (column.constructor as new (n: number) => T)(indexes.length);
      for (let j = 0; j < indexes.length; j++) out[j] = column[indexes[j] as number] as number;
      return out;
    };
    return new DemandColumns(
      this.family,
      {
        tier: take(this.tier),
        user: take(this.user),
        device: take(this.device),
        server: take(this.server),
        access: take(this.access),
        flags: take(this.flags),
        rules: take(this.rules),
      },
      this.tables,
      false,
    );
  }
}

/** An item's flags as `DemandColumns.flags` holds them. */
export function demandFlags(deviceOnly: boolean, userOnly: boolean, external: boolean): number {
  return (deviceOnly ? DEVICE_ONLY : 0) | (userOnly ? USER_ONLY : 0) | (external ? EXTERNAL : 0);
}

/**
 * The items `keep` accepts, in order, as the same kind of list: columns give columns (without holder
 * numbers, as a filtered array has none), an array an array.
 */
export function filterDemand(items: DemandList, keep: (item: DemandItem) => boolean): DemandList {
  if (!(items instanceof DemandColumns)) return [...items].filter(keep);
  const picked = new Int32Array(items.length);
  let n = 0;
  for (let k = 0; k < items.length; k++) if (keep(items.at(k) as DemandItem)) picked[n++] = k;
  return items.pick(picked.subarray(0, n));
}

/**
 * One demand item with only the holder fields that are set, in the order of `DemandItem`; built
 * field by field rather than with spreads, which cost a temporary object each on large estates.
 */
export function createDemandItem(
  family: string,
  tier: number,
  user: string | undefined,
  device: string | undefined,
  server: string,
  deviceOnly: boolean,
  userOnly: boolean,
  external: boolean,
  access: number,
  rules: readonly string[],
): DemandItem {
  if (user === undefined) {
    if (device === undefined)
      return { family, tier, server, deviceOnly, userOnly, external, access, rules };
    return { family, tier, device, server, deviceOnly, userOnly, external, access, rules };
  }
  if (device === undefined)
    return { family, tier, user, server, deviceOnly, userOnly, external, access, rules };
  return { family, tier, user, device, server, deviceOnly, userOnly, external, access, rules };
}
