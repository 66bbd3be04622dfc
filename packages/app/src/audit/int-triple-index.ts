/**
 * Gives each distinct triple of integers (each in the int32 range) the next id (0, 1, 2, …): open
 * addressing over typed arrays, kept at most half full, so a key costs 16 bytes and no object or
 * string; adding a triple already seen allocates nothing.
 */
export class IntTripleIndex {
  private keys: Int32Array = new Int32Array(3 * 1024);
  /** Per slot: id + 1 of the triple there, 0 when empty. */
  private slots: Int32Array = new Int32Array(2048);
  private count = 0;

  /** The number of distinct triples. */
  get size(): number {
    return this.count;
  }

  /** Part `part` (0, 1 or 2: a, b or c) of the triple with this id. */
  partOf(id: number, part: 0 | 1 | 2): number {
    return this.keys[3 * id + part] as number;
  }

  /** The id of (a, b, c), adding it as the next id when new. */
  intern(a: number, b: number, c: number): number {
    const { keys, slots } = this;
    const mask = slots.length - 1;
    for (let slot = hashTriple(a, b, c) & mask; ; slot = (slot + 1) & mask) {
      const entry = slots[slot] as number;
      if (entry === 0) {
        const id = this.count++;
        slots[slot] = id + 1;
        if (3 * id + 3 > keys.length) this.keys = growInt32(keys, keys.length * 2);
        this.keys[3 * id] = a;
        this.keys[3 * id + 1] = b;
        this.keys[3 * id + 2] = c;
        if (2 * this.count > slots.length) this.rehash();
        return id;
      }
      const at = 3 * (entry - 1);
      if (keys[at] === a && keys[at + 1] === b && keys[at + 2] === c) return entry - 1;
    }
  }

  private rehash(): void {
    const slots = new Int32Array(this.slots.length * 2);
    const mask = slots.length - 1;
    const { keys } = this;
    for (let id = 0; id < this.count; id++) {
      let slot =
        hashTriple(keys[3 * id] as number, keys[3 * id + 1] as number, keys[3 * id + 2] as number) &
        mask;
      while (slots[slot] !== 0) slot = (slot + 1) & mask;
      slots[slot] = id + 1;
    }
    this.slots = slots;
  }
}

function hashTriple(a: number, b: number, c: number): number {
  let h = Math.imul(a ^ 0x2545f491, 0x9e3779b1);
  h = Math.imul(h ^ (h >>> 15) ^ b, 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13) ^ c, 0xc2b2ae35);
  return h ^ (h >>> 16);
}

function growInt32(from: Int32Array, length: number): Int32Array {
  const to = new Int32Array(length);
  to.set(from);
  return to;
}
