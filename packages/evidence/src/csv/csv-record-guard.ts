/** The characters the guard looks at: LF, the quote and the comma. */
const special = /[\n",]/g;

/** A run of text to parse, the start of a record over the caps, or where parsing resumes after one. */
export type CsvGuardPart =
  | { readonly kind: "text"; readonly text: string }
  | { readonly kind: "too-long"; readonly line: number; readonly reason: string }
  | { readonly kind: "resume"; readonly line: number };

/**
 * Watches CSV text before it reaches the parser and cuts off a record that grows past `maxChars`
 * characters or `maxFields` fields (an unclosed quote, a line without end, a million commas): what
 * the parser holds is then dropped, the rest of that physical line skipped, and parsing resumes on
 * the next line with a new parser. Memory and the parser's work stay bounded by the caps, whatever
 * the line's length. Quotes are followed so that a quoted line break stays inside its record.
 */
export class CsvRecordGuard {
  private inQuotes = false;
  private recordChars = 0;
  private commas = 0;
  /** The 1-based line of the text being scanned, and of the current record's start. */
  private line: number;
  private recordLine: number;
  private skipping = false;

  /** `line`: the line the text begins on (1, or where a reading resumes at a record's start). */
  constructor(
    readonly maxChars: number,
    readonly maxFields: number,
    line = 1,
  ) {
    this.line = line;
    this.recordLine = line;
  }

  /**
   * Splits the next piece of text into parts to parse and the records cut off. Runs of characters
   * that are neither LF, quote nor comma are stepped over whole (only their length counts).
   */
  split(piece: string): CsvGuardPart[] {
    const parts: CsvGuardPart[] = [];
    let from = 0; // start of the text not yet handed on
    let recordStart = 0; // where the current record starts in this piece (0: in an earlier one)
    const cutOff = (tooLong: boolean) => {
      if (recordStart > from) parts.push({ kind: "text", text: piece.slice(from, recordStart) });
      parts.push({
        kind: "too-long",
        line: this.recordLine,
        reason: tooLong
          ? `longer than ${this.maxChars} characters`
          : `more than ${this.maxFields} fields`,
      });
      this.skipping = true;
      from = piece.length;
    };
    let i = 0;
    while (i < piece.length) {
      if (this.skipping) {
        const end = piece.indexOf("\n", i);
        if (end === -1) break;
        this.line++;
        this.skipping = false;
        this.startRecord();
        from = end + 1;
        recordStart = end + 1;
        parts.push({ kind: "resume", line: this.line });
        i = end + 1;
        continue;
      }
      special.lastIndex = i;
      const next = special.exec(piece);
      const at = next === null ? piece.length : next.index;
      // The ordinary run [i, at): only its length counts; past the cap, the record is cut off there
      // (the rest of its line is skipped from the next LF, which lies at or after `at`).
      this.recordChars += at - i;
      i = at;
      if (this.recordChars > this.maxChars) {
        cutOff(true);
        continue;
      }
      if (at === piece.length) break;
      const c = piece.charCodeAt(at);
      i = at + 1;
      if (c === 10) {
        this.line++;
        if (!this.inQuotes) {
          this.startRecord();
          recordStart = at + 1;
          continue;
        }
      } else if (c === 34) this.inQuotes = !this.inQuotes;
      else if (!this.inQuotes) this.commas++;
      this.recordChars++;
      const tooLong = this.recordChars > this.maxChars;
      if (tooLong || this.commas + 1 > this.maxFields) cutOff(tooLong);
    }
    if (from < piece.length) parts.push({ kind: "text", text: piece.slice(from) });
    return parts;
  }

  private startRecord(): void {
    this.inQuotes = false;
    this.recordChars = 0;
    this.commas = 0;
    this.recordLine = this.line;
  }
}
