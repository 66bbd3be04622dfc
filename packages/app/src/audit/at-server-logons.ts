import { IntTripleIndex } from "./int-triple-index.ts";

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
