/**
 * The holders of one side of a cover and the tier of the CAL each gets, over the interned numbering
 * (`internCoverEdges`): a `ReadonlyMap` from name to tier that is an array of tiers by holder number
 * (-1: none) and never a `Map` of 100,000 entries unless a caller looks a name up (`get`, `has`: an index
 * of names is then built once). It iterates as the `Map` it stands for would: the holders numbered in
 * order, then those `withChanges` added (a `Map` appends a new key), in the order they were added.
 * Readers that share its numbering read `names`, `tiers` and `tierAt` straight (the result's holder lines,
 * the free pairs' balance); `deployment` says which deployment numbering `byDeployment` maps from.
 */
export class HolderTiers implements ReadonlyMap<string, number> {
  readonly size: number;
  /** Holders listed after the numbered run (added by `withChanges`), in order; undefined when none. */
  readonly #late: Int32Array | undefined;
  /** Per holder, 1 when it is listed late. */
  readonly #isLate: Uint8Array | undefined;
  #index: Map<string, number> | undefined;
  #order: Int32Array | undefined;

  /**
   * @param names holder names by number (the interned numbering)
   * @param tiers per holder number, its tier, -1 when it gets none
   * @param deployment when the numbering was made from a deployment's own holder numbers: those numbers
   *   (an identity to compare) and, per deployment number, the holder's number here (-1: not a holder)
   */
  constructor(
    readonly names: readonly string[],
    readonly tiers: Int32Array,
    readonly deployment?: { readonly source: object; readonly byDeployment: Int32Array },
    late?: Int32Array,
  ) {
    let size = 0;
    for (let i = 0; i < tiers.length; i++) if ((tiers[i] as number) >= 0) size++;
    this.size = size;
    if (late !== undefined && late.length > 0) {
      this.#late = late;
      const isLate = new Uint8Array(tiers.length);
      for (const h of late) isLate[h] = 1;
      this.#isLate = isLate;
    }
  }

  /** Holder `h`'s tier, -1 when it gets none. */
  tierAt(h: number): number {
    return this.tiers[h] as number;
  }

  /**
   * The same holders with some tiers changed (by number; -1 takes a holder's CAL away), iterating as a
   * `Map` would after the same `set`s and `delete`s: a changed holder keeps its place, one taken away
   * and one added (back) goes last.
   */
  withChanges(changes: ReadonlyMap<number, number>): HolderTiers {
    if (changes.size === 0) return this;
    const tiers = this.tiers.slice();
    const late: number[] = [];
    const moved = new Set<number>();
    for (const [h, tier] of changes) {
      const was = tiers[h] as number;
      tiers[h] = tier;
      if (was < 0 && tier >= 0) moved.add(h);
    }
    if (this.#late !== undefined) for (const h of this.#late) if (!moved.has(h)) late.push(h);
    for (const h of moved) late.push(h);
    return new HolderTiers(this.names, tiers, this.deployment, Int32Array.from(late));
  }

  get(name: string): number | undefined {
    if (this.#index === undefined) {
      const index = new Map<string, number>();
      for (let h = 0; h < this.names.length; h++) index.set(this.names[h] as string, h);
      this.#index = index;
    }
    const h = this.#index.get(name);
    if (h === undefined) return undefined;
    const tier = this.tiers[h] as number;
    return tier >= 0 ? tier : undefined;
  }

  has(name: string): boolean {
    return this.get(name) !== undefined;
  }

  /** Holder numbers in iteration order (the numbered run, then the late ones), made once. */
  order(): Int32Array {
    if (this.#order === undefined) {
      const { tiers } = this;
      const isLate = this.#isLate;
      const order = new Int32Array(this.size);
      let at = 0;
      for (let h = 0; h < tiers.length; h++)
        if ((tiers[h] as number) >= 0 && (isLate === undefined || isLate[h] === 0)) order[at++] = h;
      if (this.#late !== undefined)
        for (const h of this.#late) if ((tiers[h] as number) >= 0) order[at++] = h;
      this.#order = order;
    }
    return this.#order;
  }

  *entries(): MapIterator<[string, number]> {
    const { names, tiers } = this;
    for (const h of this.order()) yield [names[h] as string, tiers[h] as number];
  }

  *keys(): MapIterator<string> {
    const { names } = this;
    for (const h of this.order()) yield names[h] as string;
  }

  *values(): MapIterator<number> {
    const { tiers } = this;
    for (const h of this.order()) yield tiers[h] as number;
  }

  forEach(
    callback: (value: number, key: string, map: ReadonlyMap<string, number>) => void,
    thisArg?: unknown,
  ): void {
    for (const h of this.order())
      callback.call(thisArg, this.tiers[h] as number, this.names[h] as string, this);
  }

  [Symbol.iterator](): MapIterator<[string, number]> {
    return this.entries();
  }
}
