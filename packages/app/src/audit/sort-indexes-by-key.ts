/**
 * `order` (indexes) sorted by `key[index]`, a whole number below `keys`, keeping the order of equal
 * keys (a counting sort: two passes, no comparisons, no object per entry).
 */
export function sortIndexesByKey(order: Int32Array, key: Int32Array, keys: number): Int32Array {
  const starts = new Int32Array(keys + 1);
  for (const index of order) (starts[(key[index] as number) + 1] as number)++;
  for (let k = 0; k < keys; k++) starts[k + 1] = (starts[k + 1] as number) + (starts[k] as number);
  const sorted = new Int32Array(order.length);
  for (const index of order) sorted[(starts[key[index] as number] as number)++] = index;
  return sorted;
}
