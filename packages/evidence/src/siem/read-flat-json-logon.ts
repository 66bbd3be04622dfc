import { readRecordIdDigits } from "../bytes/read-record-id-digits.ts";
import { trimValueInto } from "../bytes/trim-value-into.ts";
import { type LogonBytes, readPlainDigits } from "../event/add-logon-bytes.ts";
import { logonDataFields } from "../logon/check-logon-fields.ts";
import { decodeJsonString } from "./decode-json-string.ts";
import { type EventFieldMap, eventMapFields } from "./event-field-map.ts";
import { readFlatTimeBytes } from "./read-flat-time-bytes.ts";
import { escapedValue, FlatJsonLineScanner, oddValue } from "./scan-flat-json-line.ts";

/** The logon data checkLogonFields refuses a control character in (the computer is checked apart). */
const nameFields: readonly string[] = ["TargetUserName", "TargetDomainName", "WorkstationName"];
const isNameSlot = logonDataFields.map((name) => nameFields.includes(name));
const fieldCount = eventMapFields.length + logonDataFields.length;

/**
 * Reads one line of a flat JSON export (Sentinel, Splunk's `result`, flat JSON lines, a --field-map)
 * into a LogonBytes when every check of the row code (`FlatJsonRecords`) would pass: the line scanned
 * strictly (FlatJsonLineScanner), each field taken from the first of the map's names the record has
 * (eventFromFlatRecord's pick: the scanner gives way on a value pick would pass over), a string with
 * escapes decoded as JSON.parse decodes it into a scratch buffer, the time by readFlatTimeBytes, an
 * event id or record id of plain digits, a non-empty computer, names without control characters.
 * False when the row code must read the line; then nothing it wrote counts.
 */
export class FlatJsonLogonReader {
  private readonly scanner: FlatJsonLineScanner;
  /** Per field (eventMapFields, then logonDataFields): the scanner's name indexes, in the map's order. */
  private readonly choices: Int32Array[];
  /** Per field: where its text lies in the bytes read (start, end), start -1 when absent. */
  private readonly ranges = new Int32Array(2 * fieldCount);
  private scratch = Buffer.alloc(0);
  private readonly recordIdRange = new Int32Array(2);

  constructor(map: EventFieldMap, splunk: boolean) {
    this.scanner = new FlatJsonLineScanner(map, splunk);
    const lists = [
      ...eventMapFields.map((field) => map[field]),
      ...logonDataFields.map((field) => map.data[field]),
    ];
    this.choices = lists.map((names) => Int32Array.from(names, (n) => this.scanner.indexOf(n)));
  }

  /** Reads bytes[from, to) into `logon`; false when the row code must read it. */
  read(bytes: Buffer, from: number, to: number, logon: LogonBytes): boolean {
    const { scanner, ranges } = this;
    if (!scanner.scan(bytes, from, to)) return false;
    let escapes = false;
    let chosenBytes = 0;
    for (let f = 0; f < fieldCount; f++) {
      ranges[2 * f] = -1;
      for (const name of this.choices[f] as Int32Array) {
        if (scanner.seenOn[name] !== scanner.stamp) continue;
        const kind = scanner.kind[name] as number;
        if (kind === oddValue) return false;
        ranges[2 * f] = scanner.start[name] as number;
        ranges[2 * f + 1] = scanner.end[name] as number;
        if (kind === escapedValue) escapes = true;
        chosenBytes += (scanner.end[name] as number) - (scanner.start[name] as number);
        break;
      }
    }
    let source = bytes;
    if (escapes && !this.decodeInto(bytes, chosenBytes)) return false;
    if (escapes) source = this.scratch;
    return this.readFields(source, logon);
  }

  /** Moves every chosen value into the scratch buffer, its escapes decoded; false for a lone surrogate. */
  private decodeInto(bytes: Buffer, length: number): boolean {
    const { ranges } = this;
    if (this.scratch.length < length) this.scratch = Buffer.allocUnsafe(2 * length);
    let at = 0;
    for (let f = 0; f < fieldCount; f++) {
      const start = ranges[2 * f] as number;
      if (start < 0) continue;
      const end = decodeJsonString(bytes, start, ranges[2 * f + 1] as number, this.scratch, at);
      if (end < 0) return false;
      ranges[2 * f] = at;
      ranges[2 * f + 1] = end;
      at = end;
    }
    return true;
  }

  /** The checks and readings of the row code on the fields found in `bytes`. */
  private readFields(bytes: Buffer, logon: LogonBytes): boolean {
    const { ranges } = this;
    const idStart = ranges[0] as number;
    const idEnd = ranges[1] as number;
    if (idStart < 0 || idEnd - idStart > 9) return false;
    const eventId = readPlainDigits(bytes, idStart, idEnd);
    if (eventId < 0) return false;
    if ((ranges[2] as number) < 0) return false;
    if (!readFlatTimeBytes(bytes, ranges[2] as number, ranges[3] as number, logon)) return false;
    const place = logon.system;
    if ((ranges[4] as number) < 0 || !this.trim(bytes, 2, place, 0, true)) return false;
    if (place[0] === place[1]) return false;
    if (!this.trim(bytes, 4, place, 1, false) || !this.trim(bytes, 5, place, 2, false))
      return false;
    const found = logon.data;
    for (let k = 0; k < logonDataFields.length; k++) {
      const f = eventMapFields.length + k;
      if ((ranges[2 * f] as number) < 0) found[2 * k] = -1;
      else if (!this.trim(bytes, f, found, k, isNameSlot[k] === true)) return false;
    }
    const idRange = this.recordIdRange;
    if (!this.trim(bytes, 3, idRange, 0, false)) return false;
    const recordId = readRecordIdDigits(bytes, idRange[0] as number, idRange[1] as number);
    if (recordId === undefined) return false;
    logon.bytes = bytes;
    logon.eventId = eventId;
    logon.recordId = recordId;
    return true;
  }

  /**
   * Trims field `f`'s text into into[2t], into[2t + 1] (an absent field as an empty range); false when
   * its bytes are not the row code's trimmed text or, for a name, hold a character checkLogonFields refuses.
   */
  private trim(bytes: Buffer, f: number, into: Int32Array, t: number, name: boolean): boolean {
    const from = this.ranges[2 * f] as number;
    if (from >= 0)
      return trimValueInto(bytes, from, this.ranges[2 * f + 1] as number, into, t, name);
    into[2 * t] = 0;
    into[2 * t + 1] = 0;
    return true;
  }
}
