/**
 * A list of the audit's evidence trail that is built as it is read: its length is known, each entry is
 * made when the report writer reaches it and dropped after, so a large estate's counted lists (one
 * summary per distinct access) are never held whole. `toJSON` makes it whole for `JSON.stringify`.
 */
export class TrailList<T> implements Iterable<T> {
  readonly length: number;
  readonly #entries: () => Iterator<T>;

  constructor(length: number, entries: () => Iterator<T>) {
    this.length = length;
    this.#entries = entries;
  }

  [Symbol.iterator](): Iterator<T> {
    return this.#entries();
  }

  toJSON(): T[] {
    return [...this];
  }
}
