/** scanCsvRecord's answer when the record goes on past the bytes given (and they are not the last). */
export const needMoreBytes = -1;
/** scanCsvRecord's answer for a record it does not read: the full parser must read from its start. */
export const unusualRecord = -2;

/** A field's flag: its quoted text holds `""` (an escaped quote), so its bytes are not its value. */
export const escapedQuote = 1;

/**
 * The fields of one CSV record as byte ranges: where each value starts and ends (inside the quotes
 * of a quoted field), its flags, and the line breaks the record holds.
 */
export class CsvRecordFields {
  count = 0;
  /** Line feeds in the record, its own end included (blank lines before it are not counted). */
  lines = 0;
  starts: Int32Array;
  ends: Int32Array;
  flags: Uint8Array;

  constructor(readonly maxFields: number) {
    this.starts = new Int32Array(64);
    this.ends = new Int32Array(64);
    this.flags = new Uint8Array(64);
  }

  /** Adds a field; false when the record would have more than `maxFields`. */
  push(start: number, end: number, flags: number): boolean {
    const at = this.count;
    if (at === this.maxFields) return false;
    if (at === this.starts.length) {
      const grow = <T extends Int32Array | Uint8Array>(old: T, made: T): T => {
        made.set(old);
        return made;
      };
      this.starts = grow(this.starts, new Int32Array(2 * at));
      this.ends = grow(this.ends, new Int32Array(2 * at));
      this.flags = grow(this.flags, new Uint8Array(2 * at));
    }
    this.starts[at] = start;
    this.ends[at] = end;
    this.flags[at] = flags;
    this.count = at + 1;
    return true;
  }
}

/**
 * Reads the CSV record that starts at bytes[start] (not a blank line) into `fields`, strictly: each
 * field either unquoted, without a quote or a lone CR, or quoted with `""` as its only escape and a
 * comma, LF or CRLF right after its closing quote. On such a record core's CsvParser gives exactly
 * these fields (a quoted field's CRLF read as LF, `""` as `"`). Returns where the next record
 * starts, `needMoreBytes` when the record runs past `end` (and `last` is false), or `unusualRecord`
 * for anything else (a record the parser reads with a problem, a record past the end of the input,
 * more than `fields.maxFields` fields), which the full parser then reads.
 */
export function scanCsvRecord(
  bytes: Buffer,
  start: number,
  end: number,
  last: boolean,
  fields: CsvRecordFields,
): number {
  const cut = last ? unusualRecord : needMoreBytes;
  fields.count = 0;
  let lines = 0;
  let at = start;
  /**
   * The first line feed in the buffer after the current field's opening quote (-1: none): kept
   * from field to field, so a record's line feeds are searched once, not once a quoted field.
   */
  let lf = -2;
  for (;;) {
    if (at >= end) return cut;
    if (bytes[at] === 0x22) {
      let from = at + 1;
      let flags = 0;
      let close: number;
      for (;;) {
        close = bytes.indexOf(0x22, from);
        if (close === -1 || close + 1 >= end) return cut;
        if (bytes[close + 1] !== 0x22) break;
        flags = escapedQuote;
        from = close + 2;
      }
      if (lf !== -1 && lf <= at) lf = bytes.indexOf(0x0a, at + 1);
      while (lf !== -1 && lf < close) {
        lines++;
        lf = bytes.indexOf(0x0a, lf + 1);
      }
      if (!fields.push(at + 1, close, flags)) return unusualRecord;
      at = close + 1;
      const next = bytes[at];
      if (next === 0x2c) {
        at++;
        continue;
      }
      if (next === 0x0a) {
        fields.lines = lines + 1;
        return at + 1;
      }
      if (next !== 0x0d) return unusualRecord;
      if (at + 1 >= end) return cut;
      if (bytes[at + 1] !== 0x0a) return unusualRecord;
      fields.lines = lines + 1;
      return at + 2;
    }
    let index = at;
    for (; index < end; index++) {
      const c = bytes[index];
      if (c === 0x2c || c === 0x0a) break;
      if (c === 0x22) return unusualRecord;
      if (c === 0x0d) {
        if (index + 1 >= end) return cut;
        if (bytes[index + 1] === 0x0a) break;
        return unusualRecord;
      }
    }
    if (index >= end) return cut;
    if (!fields.push(at, index, 0)) return unusualRecord;
    if (bytes[index] === 0x2c) {
      at = index + 1;
      continue;
    }
    fields.lines = lines + 1;
    return index + (bytes[index] === 0x0d ? 2 : 1);
  }
}
