const pageBits = 1 << 19; // 64 KiB of bits per page

/**
 * A set of non-negative integer record ids as a paged bitmap: memory follows the range of ids seen
 * (1 bit per id, pages of 64 KiB allocated on demand), not the number of events, because Windows
 * numbers a log's records consecutively.
 */
export class RecordIdSet {
  private readonly pages = new Map<number, Uint8Array>();

  /** Adds `id`; true when it was not in the set. */
  add(id: number): boolean {
    const pageIndex = Math.floor(id / pageBits);
    const bit = id - pageIndex * pageBits;
    let page = this.pages.get(pageIndex);
    if (page === undefined) {
      page = new Uint8Array(pageBits >> 3);
      this.pages.set(pageIndex, page);
    }
    const byte = bit >> 3;
    const mask = 1 << (bit & 7);
    const old = page[byte] as number;
    if ((old & mask) !== 0) return false;
    page[byte] = old | mask;
    return true;
  }

  /** Bytes held by the pages. */
  get bytes(): number {
    return this.pages.size * (pageBits >> 3);
  }
}
