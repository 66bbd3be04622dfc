/** A growing column of 32-bit integers: one typed array, doubled when full, never a number per slot. */
export class IntColumn {
  private values: Int32Array;
  private size = 0;

  constructor(capacity: number) {
    this.values = new Int32Array(Math.max(16, capacity));
  }

  /** Appends one value. */
  push(value: number): void {
    if (this.size === this.values.length) {
      const grown = new Int32Array(this.values.length * 2);
      grown.set(this.values);
      this.values = grown;
    }
    this.values[this.size++] = value;
  }

  /** The values pushed, as an array of exactly that length (the same memory when it is full). */
  toArray(): Int32Array {
    return this.size === this.values.length ? this.values : this.values.slice(0, this.size);
  }
}
