import { deploymentLimits } from "./deployment-limits.ts";

/** A declared range such as `PC-{08..10}x`: the names prefix + number (padded to width) + suffix. */
interface NameRange {
  readonly prefix: string;
  readonly suffix: string;
  readonly from: number;
  readonly to: number;
  readonly width: number;
  /** The principal index of the range's first name. */
  readonly start: number;
}

/** Ranges whose numbers stay exact integers and whose names `expandRange` writes in plain digits. */
const largestRangeNumber = 2 ** 31;

/**
 * A range's value of `name`, or -1 when `name` is none of its names: the digits between prefix and
 * suffix, written as `expandRange` writes them (no leading zero past the padding width).
 */
function valueInRange(range: NameRange, name: string): number {
  const { prefix, suffix } = range;
  const end = name.length - suffix.length;
  if (end <= prefix.length || !name.startsWith(prefix) || !name.endsWith(suffix)) return -1;
  let value = 0;
  let zeros = 0;
  for (let c = prefix.length; c < end; c++) {
    const digit = name.charCodeAt(c) - 48;
    if (digit < 0 || digit > 9) return -1;
    if (value === 0 && digit === 0 && c < end - 1) zeros++;
    value = value * 10 + digit;
    if (value > range.to) return -1;
  }
  const digits = end - prefix.length;
  if (digits !== Math.max(range.width, digits - zeros)) return -1;
  return value < range.from ? -1 : value;
}

/** Whether some name could be in both ranges (a conservative test: the same shape is enough). */
function mayOverlap(a: NameRange, b: NameRange): boolean {
  const prefixes = a.prefix.startsWith(b.prefix) || b.prefix.startsWith(a.prefix);
  const suffixes = a.suffix.endsWith(b.suffix) || b.suffix.endsWith(a.suffix);
  if (!prefixes || !suffixes) return false;
  // The common case decided exactly: one shape, no padding, numbers apart.
  if (a.prefix === b.prefix && a.suffix === b.suffix && a.width === 0 && b.width === 0)
    return a.from <= b.to && b.from <= a.to;
  return true;
}

/** A principal's own fields made from its table (kind or unattended flag). */
type MakePrincipal<T> = (id: string, index: number, flag: boolean) => T;

/**
 * Declared users or devices as columns: the ranges kept as ranges (a name's index is worked out from
 * its digits, never hashed), the plain names in one map of indexes, a flag byte per index (external
 * user, unattended device), and the ids by index written only when asked for, from the names the
 * accesses already hold where they name the principal. It is the resolved deployment's `users` or
 * `devices` map: a principal's object is made when it is read, not for each of a large estate's
 * hundreds of thousands.
 */
export class PrincipalTable<T extends { readonly index: number }>
  implements ReadonlyMap<string, T>
{
  readonly #ranges: NameRange[] = [];
  readonly #plain = new Map<string, number>();
  readonly #make: MakePrincipal<T>;
  #flags = new Uint8Array(16);
  #ids: (string | undefined)[] = [];
  #size = 0;
  #complete = true;
  #made: (T | undefined)[] = [];

  constructor(make: MakePrincipal<T>) {
    this.#make = make;
  }

  /** The number of principals. */
  get size(): number {
    return this.#size;
  }

  /** Per index, 1 where the principal is flagged (an external user, an unattended device). */
  get flags(): Uint8Array {
    return this.#flags.slice(0, this.#size);
  }

  /** The plain names added one by one (not by a range), in the order of their indexes. */
  plainNames(): IterableIterator<string> {
    return this.#plain.keys();
  }

  /** Whether some name may be both in this table and in `other` (ranges compared by shape). */
  mayShareRangeWith(other: PrincipalTable<{ readonly index: number }>): boolean {
    for (const a of this.#ranges) for (const b of other.#ranges) if (mayOverlap(a, b)) return true;
    return false;
  }

  /**
   * Declares a range's names after those declared so far; false (nothing declared) when the range
   * is past what this table takes exactly (large numbers, braces around it) or may meet a declared
   * name: the caller then declares by names and reports.
   */
  addRange(
    prefix: string,
    fromText: string,
    toText: string,
    suffix: string,
    flag: boolean,
  ): boolean {
    const from = Number(fromText);
    const to = Number(toText);
    if (to < from || to - from >= deploymentLimits.maxRangeNames || to >= largestRangeNumber)
      return false;
    if (/[{}]/.test(prefix) || /[{}]/.test(suffix)) return false;
    const width = fromText.length > 1 && fromText.startsWith("0") ? fromText.length : 0;
    const range: NameRange = { prefix, suffix, from, to, width, start: this.#size };
    for (const r of this.#ranges) if (mayOverlap(r, range)) return false;
    for (const name of this.#plain.keys()) if (valueInRange(range, name) >= 0) return false;
    this.#ranges.push(range);
    this.#grow(to - from + 1, flag);
    this.#complete = false;
    return true;
  }

  /** Declares one name after those declared so far; false when it is declared already. */
  addName(name: string, flag: boolean): boolean {
    if (this.indexOf(name) >= 0) return false;
    const index = this.#size;
    this.#plain.set(name, index);
    this.#grow(1, flag);
    this.#ids[index] = name;
    return true;
  }

  /** A name's index, or -1 when it is not declared here. */
  indexOf(name: string): number {
    if (this.#plain.size > 0) {
      const index = this.#plain.get(name);
      if (index !== undefined) return index;
    }
    for (const range of this.#ranges) {
      const value = valueInRange(range, name);
      if (value >= 0) {
        const index = range.start + value - range.from;
        // The access's own string becomes the id: no second string for the same name.
        this.#ids[index] ??= name;
        return index;
      }
    }
    return -1;
  }

  /** The ids by index (the ranges' names not met in an access written now, once). */
  get ids(): readonly string[] {
    if (!this.#complete) {
      for (const r of this.#ranges)
        for (let value = r.from; value <= r.to; value++) {
          const index = r.start + value - r.from;
          this.#ids[index] ??= `${r.prefix}${String(value).padStart(r.width, "0")}${r.suffix}`;
        }
      this.#complete = true;
    }
    return this.#ids as string[];
  }

  get(name: string): T | undefined {
    const index = this.indexOf(name);
    return index < 0 ? undefined : this.#at(index);
  }

  has(name: string): boolean {
    return this.indexOf(name) >= 0;
  }

  forEach(callback: (value: T, key: string, map: ReadonlyMap<string, T>) => void): void {
    for (const [key, value] of this) callback(value, key, this);
  }

  *keys(): MapIterator<string> {
    yield* this.ids;
  }

  *values(): MapIterator<T> {
    for (let index = 0; index < this.#size; index++) yield this.#at(index);
  }

  *entries(): MapIterator<[string, T]> {
    const ids = this.ids;
    for (let index = 0; index < this.#size; index++) yield [ids[index] as string, this.#at(index)];
  }

  [Symbol.iterator](): MapIterator<[string, T]> {
    return this.entries();
  }

  #at(index: number): T {
    let made = this.#made[index];
    if (made === undefined) {
      made = this.#make(this.ids[index] as string, index, this.#flags[index] === 1);
      this.#made[index] = made;
    }
    return made;
  }

  #grow(count: number, flag: boolean): void {
    const size = this.#size + count;
    if (size > this.#flags.length) {
      const flags = new Uint8Array(Math.max(size, this.#flags.length * 2));
      flags.set(this.#flags);
      this.#flags = flags;
    }
    if (flag) this.#flags.fill(1, this.#size, size);
    if (this.#ids.length < size) this.#ids.length = size;
    this.#size = size;
  }
}
