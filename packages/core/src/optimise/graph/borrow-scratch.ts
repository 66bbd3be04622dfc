/**
 * Zeroed Int32Arrays lent for the length of one solve and given back after it: on large inputs fresh
 * memory is most of a cut's cost (a fresh 8.5 MB array costs 4-13 ms to touch on the benchmark machine
 * under load, the same array zeroed again 0.6 ms), and the Lagrangian search and the benchmarks solve
 * one graph after another of about the same size. At most `kept` arrays wait here between solves,
 * the largest; the rest go to the garbage collector.
 */
const kept = 8;
const waiting: Int32Array<ArrayBuffer>[] = [];

/**
 * An Int32Array of `length` entries, zeroed unless `zeroed` is false (then what a caller that writes
 * before it reads finds there is undefined): a view on a lent buffer, maybe longer. Give it back with
 * `returnScratch`.
 */
export function borrowScratch(length: number, zeroed = true): Int32Array<ArrayBuffer> {
  let best = -1;
  for (let i = 0; i < waiting.length; i++) {
    const candidate = waiting[i] as Int32Array<ArrayBuffer>;
    if (
      candidate.length >= length &&
      (best < 0 || candidate.length < (waiting[best] as Int32Array<ArrayBuffer>).length)
    )
      best = i;
  }
  if (best < 0) return new Int32Array(length);
  const lent = (waiting[best] as Int32Array<ArrayBuffer>).subarray(0, length);
  waiting.splice(best, 1);
  if (zeroed) lent.fill(0);
  return lent;
}

/**
 * Gives back arrays from `borrowScratch` (or any the caller no longer reads): the caller must not
 * read or write them afterwards. Undefined entries are skipped.
 */
export function returnScratch(...arrays: readonly (Int32Array | undefined)[]): void {
  for (const array of arrays) {
    if (array === undefined || array.byteOffset !== 0 || !(array.buffer instanceof ArrayBuffer))
      continue;
    const whole = new Int32Array(array.buffer, 0, array.buffer.byteLength >>> 2);
    if (whole.length < 1024 || waiting.some((w) => w.buffer === whole.buffer)) continue;
    waiting.push(whole);
  }
  if (waiting.length > kept) {
    waiting.sort((a, b) => b.length - a.length);
    waiting.length = kept;
  }
}
