import { IntTripleIndex } from "./int-triple-index.ts";
import { rankTexts } from "./rank-texts.ts";
import { sortIndexesByKey } from "./sort-indexes-by-key.ts";

/**
 * The counted logons made at a server itself (console or loopback), per server and user, in the
 * order each pair was first seen: names interned once, pairs in an IntTripleIndex, counts in a typed
 * array. No key string and no object per pair while the evidence is read (a large log has one pair
 * for nearly every access at a console: 36,000 in a 46 MB file), only when they are listed.
 */
export class AtServerLogons {
  private readonly pairs = new IntTripleIndex();
  private readonly names: string[] = [];
  private readonly nameIds = new Map<string, number>();
  private events = new Float64Array(1024);

  /** The number of distinct (server, user) pairs. */
  get size(): number {
    return this.pairs.size;
  }

  /** Counts `events` logons of `user` at `server` itself. */
  add(server: string, user: string, events: number): void {
    const id = this.pairs.intern(this.nameId(server), this.nameId(user), 0);
    if (id === this.events.length) {
      const bigger = new Float64Array(2 * id);
      bigger.set(this.events);
      this.events = bigger;
    }
    this.events[id] = (this.events[id] as number) + events;
  }

  /** An entry made by `make` for each pair with its count, in the order first seen. */
  map<T>(make: (server: string, user: string, events: number) => T): T[] {
    return Array.from({ length: this.pairs.size }, (_, id) =>
      make(
        this.names[this.pairs.partOf(id, 0)] as string,
        this.names[this.pairs.partOf(id, 1)] as string,
        this.events[id] as number,
      ),
    );
  }

  /** Every server and user name of the pairs, each once. */
  get nameTexts(): readonly string[] {
    return this.names;
  }

  /**
   * `map`'s entries sorted by server, then user, in `compareText` order (a stable sort: pairs that
   * compare equal keep the order first seen), as `sortByTexts` would sort them. Each distinct name
   * is ranked once and the pairs put in order by two counting sorts over their names' ranks: no text
   * per pair ranked or looked up, no entry made before its place is known. `rank` is `nameTexts`'
   * ranks when the caller has them (`rankTexts` of them).
   */
  sortedMap<T>(
    make: (server: string, user: string, events: number) => T,
    rank: ReadonlyMap<string, number> = rankTexts(this.names),
  ): T[] {
    const rankOfName = Int32Array.from(this.names, (name) => rank.get(name) as number);
    const count = this.pairs.size;
    const serverKey = new Int32Array(count);
    const userKey = new Int32Array(count);
    for (let id = 0; id < count; id++) {
      serverKey[id] = rankOfName[this.pairs.partOf(id, 0)] as number;
      userKey[id] = rankOfName[this.pairs.partOf(id, 1)] as number;
    }
    const order = sortIndexesByKey(
      sortIndexesByKey(
        Int32Array.from({ length: count }, (_, id) => id),
        userKey,
        this.names.length,
      ),
      serverKey,
      this.names.length,
    );
    return Array.from(order, (id) =>
      make(
        this.names[this.pairs.partOf(id, 0)] as string,
        this.names[this.pairs.partOf(id, 1)] as string,
        this.events[id] as number,
      ),
    );
  }

  private nameId(name: string): number {
    let id = this.nameIds.get(name);
    if (id === undefined) {
      id = this.names.length;
      this.names.push(name);
      this.nameIds.set(name, id);
    }
    return id;
  }
}
