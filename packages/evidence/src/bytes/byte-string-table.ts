/** A table's keys in transferable form (see ByteStringTable.export). */
export interface ExportedByteStrings {
  readonly arena: Uint8Array;
  readonly keyStart: Int32Array;
  readonly keyHash: Int32Array;
}

/**
 * Interns byte strings: each distinct one gets the next id (0, 1, 2, …). Keys are copied into chunks
 * (16 KiB doubling up to 1 MiB) that are never moved, with an open-addressing index beside them, so memory grows with the
 * distinct keys only, each byte is written once, and adding a key already seen allocates nothing.
 * Keys are compared byte for byte: exact, whatever the hash.
 */
export class ByteStringTable {
  private chunks: Uint8Array[] = [];
  private chunk: Uint8Array = new Uint8Array(0);
  private chunkUsed = 0;
  /** Per id: where its bytes start (chunk index * chunkBytes + offset) and its length. */
  private keyStart: Int32Array = new Int32Array(1 << 8);
  private keyLength: Int32Array = new Int32Array(1 << 8);
  private count = 0;
  /**
   * Open addressing, linear probing, kept at most half full: slot s is the pair (hash, id + 1) at
   * 2s and 2s+1, id + 1 = 0 for an empty slot. The hash beside the id spares most key comparisons.
   */
  private slots: Int32Array = new Int32Array(2 << 8);

  /** The number of distinct keys. */
  get size(): number {
    return this.count;
  }

  /** The id of bytes[start, end), adding it when new. */
  intern(bytes: Uint8Array, start: number, end: number): number {
    return this.internHashed(bytes, start, end, hashBytes(bytes, start, end));
  }

  /** As intern, with hashBytes(bytes, start, end) already known (computed while the key was built). */
  internHashed(bytes: Uint8Array, start: number, end: number, hash: number): number {
    const { slots, chunks, keyStart, keyLength } = this;
    const mask = (slots.length >> 1) - 1;
    const length = end - start;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const entry = slots[2 * slot + 1] as number;
      if (entry === 0) break;
      if (slots[2 * slot] !== hash) continue;
      const id = entry - 1;
      if (keyLength[id] !== length) continue;
      const at = keyStart[id] as number;
      const chunk = chunks[at >>> chunkBits] as Uint8Array;
      const from = at & chunkMask;
      let offset = 0;
      while (offset < length && chunk[from + offset] === bytes[start + offset]) offset++;
      if (offset === length) return id;
    }
    return this.addNew(bytes, start, end, hash);
  }

  /** The bytes of key `id` (a view: do not modify). */
  bytesOf(id: number): Uint8Array {
    const at = this.keyStart[id] as number;
    const from = at & chunkMask;
    return (this.chunks[at >>> chunkBits] as Uint8Array).subarray(
      from,
      from + (this.keyLength[id] as number),
    );
  }

  /** A table holding exactly the keys of `exported` (distinct, as export gives them), with the same ids. */
  static fromExport(exported: ExportedByteStrings): ByteStringTable {
    const table = new ByteStringTable();
    const { arena, keyStart, keyHash } = exported;
    for (let id = 0; id < keyStart.length; id++) {
      const end = id + 1 < keyStart.length ? (keyStart[id + 1] as number) : arena.length;
      table.addNew(arena, keyStart[id] as number, end, keyHash[id] as number);
    }
    return table;
  }

  /** A compact copy to send to another thread: every key's bytes back to back, where each starts, its hash. */
  export(): ExportedByteStrings {
    let total = 0;
    for (let id = 0; id < this.count; id++) total += this.keyLength[id] as number;
    const arena = new Uint8Array(total);
    const keyStart = new Int32Array(this.count);
    let at = 0;
    for (let id = 0; id < this.count; id++) {
      keyStart[id] = at;
      arena.set(this.bytesOf(id), at);
      at += this.keyLength[id] as number;
    }
    const keyHash = new Int32Array(this.count);
    for (let slot = 0; 2 * slot < this.slots.length; slot++) {
      const entry = this.slots[2 * slot + 1] as number;
      if (entry !== 0) keyHash[entry - 1] = this.slots[2 * slot] as number;
    }
    return { arena, keyStart, keyHash };
  }

  private addNew(bytes: Uint8Array, start: number, end: number, hash: number): number {
    const length = end - start;
    if (this.chunks.length === 0 || this.chunkUsed + length > this.chunk.length) {
      if (this.chunks.length === maxChunks) {
        throw new RangeError("ByteStringTable holds at most 2 GiB of keys");
      }
      if (length > chunkBytes) throw new RangeError(`a key of ${length} bytes exceeds 1 MiB`);
      // Chunks start small and double up to 1 MiB, so many small tables stay small.
      this.chunk = new Uint8Array(
        Math.min(chunkBytes, Math.max(firstChunkBytes, 2 * this.chunk.length)),
      );
      this.chunks.push(this.chunk);
      this.chunkUsed = 0;
    }
    const chunk = this.chunk;
    const to = this.chunkUsed;
    for (let offset = 0; offset < length; offset++) {
      chunk[to + offset] = bytes[start + offset] as number;
    }
    const id = this.count++;
    if (id === this.keyStart.length) {
      this.keyStart = grow(this.keyStart);
      this.keyLength = grow(this.keyLength);
    }
    this.keyStart[id] = ((this.chunks.length - 1) << chunkBits) | to;
    this.keyLength[id] = length;
    this.chunkUsed += length;
    if (4 * this.count > this.slots.length) this.rehash();
    this.place(this.slots, hash, id);
    return id;
  }

  private place(slots: Int32Array, hash: number, id: number): void {
    const mask = (slots.length >> 1) - 1;
    let slot = hash & mask;
    while (slots[2 * slot + 1] !== 0) slot = (slot + 1) & mask;
    slots[2 * slot] = hash;
    slots[2 * slot + 1] = id + 1;
  }

  /** Doubles the index, moving each (hash, id) pair over: no key is read again. */
  private rehash(): void {
    const old = this.slots;
    const slots = new Int32Array(old.length * 2);
    for (let slot = 0; 2 * slot < old.length; slot++) {
      const entry = old[2 * slot + 1] as number;
      if (entry !== 0) this.place(slots, old[2 * slot] as number, entry - 1);
    }
    this.slots = slots;
  }
}

const chunkBits = 20;
const chunkBytes = 1 << chunkBits;
const chunkMask = chunkBytes - 1;
const firstChunkBytes = 1 << 14;
/** keyStart is an Int32: 2^31 / 2^20 chunks. */
const maxChunks = 2048;

/** The start of an FNV-1a hash; fold bytes in with hashStep and finish with hashFinish. */
export const hashStart = 0x811c9dc5 | 0;

/** Folds one byte into an FNV-1a hash. */
export function hashStep(hash: number, byte: number): number {
  return Math.imul(hash ^ byte, 0x01000193);
}

/** Mixes the high bits into the low ones, which the index uses. */
export function hashFinish(hash: number): number {
  const mixed = hash ^ (hash >>> 15);
  return Math.imul(mixed, 0x2c1b3c6d) ^ (mixed >>> 12);
}

/** The table's hash of bytes[start, end): FNV-1a with a final mix, as a signed 32-bit integer. */
export function hashBytes(bytes: Uint8Array, start: number, end: number): number {
  let hash = hashStart;
  for (let index = start; index < end; index++) hash = hashStep(hash, bytes[index] as number);
  return hashFinish(hash);
}

function grow(array: Int32Array): Int32Array {
  const bigger = new Int32Array(array.length * 2);
  bigger.set(array);
  return bigger;
}
