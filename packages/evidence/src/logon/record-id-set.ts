// 4 KiB of bits per page: a worker's range touches a page or two per log, and sends them to be merged.
const pageBits = 1 << 15;

/** A page of a RecordIdSet sent between threads: its index, its bits, and the bytes [lo, hi] that hold any. */
export interface RecordIdPage {
  readonly index: number;
  readonly bits: Uint8Array;
  readonly lo: number;
  readonly hi: number;
}

/**
 * A set of non-negative integer record ids as a paged bitmap: memory follows the range of ids seen
 * (1 bit per id, pages of 4 KiB allocated on demand), not the number of events, because Windows
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

  /** The pages, each with the span of bytes that holds its ids (a worker sends them; they are given away). */
  exportPages(): RecordIdPage[] {
    const pages: RecordIdPage[] = [];
    for (const [index, bits] of this.pages) {
      let lo = 0;
      while (lo < bits.length && bits[lo] === 0) lo++;
      let hi = bits.length - 1;
      while (hi > lo && bits[hi] === 0) hi--;
      if (lo < bits.length) pages.push({ index, bits, lo, hi });
    }
    return pages;
  }

  /** Whether any id of `pages` is in this set (only each page's span is compared). */
  meets(pages: readonly RecordIdPage[]): boolean {
    for (const { index, bits, lo, hi } of pages) {
      const own = this.pages.get(index);
      if (own === undefined) continue;
      for (let byte = lo; byte <= hi; byte++)
        if (((own[byte] as number) & (bits[byte] as number)) !== 0) return true;
    }
    return false;
  }

  /** Adds every id of `pages` (a page this set lacks is taken as it is, not copied). */
  addPages(pages: readonly RecordIdPage[]): void {
    for (const { index, bits, lo, hi } of pages) {
      const own = this.pages.get(index);
      if (own === undefined) {
        this.pages.set(index, bits);
        continue;
      }
      for (let byte = lo; byte <= hi; byte++)
        own[byte] = (own[byte] as number) | (bits[byte] as number);
    }
  }
}
