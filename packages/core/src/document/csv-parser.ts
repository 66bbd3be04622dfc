/** One field of a CSV record with the 1-based line and column where it starts. */
export interface CsvField {
  readonly value: string;
  readonly line: number;
  readonly column: number;
}

/** A CSV record (a row), with the line it starts on. */
export interface CsvRecord {
  readonly line: number;
  readonly fields: readonly CsvField[];
}

/** A CSV syntax problem, located, with the line of the record it is in. */
export interface CsvSyntaxProblem {
  readonly message: string;
  readonly line: number;
  readonly column: number;
  readonly expected: string;
  readonly found: string;
  /** The line the record with the problem starts on. */
  readonly recordLine: number;
}

/** What the parser found, in input order: a record, or a problem (before the record it is in). */
export type CsvParseStep =
  | { readonly kind: "record"; readonly record: CsvRecord }
  | { readonly kind: "problem"; readonly problem: CsvSyntaxProblem };

/** How the parser reads its input. */
export interface CsvParserOptions {
  /** `,`, `;`, or `auto`: `;` when the first record has semicolons and no commas. Default `,`. */
  readonly delimiter?: "," | ";" | "auto";
  /** Skip lines starting with `#` where a record would start (comments). Default false. */
  readonly comments?: boolean;
}

const starved = Symbol("needs more input");

/**
 * The one CSV parser (RFC 4180: quoted fields, "" inside quotes, line breaks inside quotes, CRLF or
 * LF), fed text piece by piece so a file of any size streams through it, keeping the line and column
 * of every field. Blank lines are skipped. A record is returned once its end is seen, so memory holds
 * one record plus one piece. Line breaks inside quotes are given as LF.
 */
export class CsvParser {
  private text = "";
  private at = 0;
  private line = 1;
  private column = 1;
  private delimiter: "," | ";" | undefined;
  private finished = false;

  constructor(private readonly options: CsvParserOptions = {}) {
    this.delimiter = options.delimiter === "auto" ? undefined : (options.delimiter ?? ",");
  }

  /** Parses the next piece of text; returns what it completed. */
  push(piece: string): CsvParseStep[] {
    this.text = this.text.slice(this.at) + piece;
    this.at = 0;
    return this.parse(false);
  }

  /** Ends the input; returns what the rest completed (an unclosed quote is a problem). */
  end(): CsvParseStep[] {
    return this.parse(true);
  }

  private parse(final: boolean): CsvParseStep[] {
    const steps: CsvParseStep[] = [];
    if (this.finished) return steps;
    if (this.delimiter === undefined) {
      this.delimiter = chooseDelimiter(this.text.slice(this.at), final, this.options.comments);
      if (this.delimiter === undefined) return steps;
    }
    while (this.at < this.text.length) {
      const mark = { at: this.at, line: this.line, column: this.column };
      const result = this.readRecord(final);
      if (result === starved) {
        this.at = mark.at;
        this.line = mark.line;
        this.column = mark.column;
        break;
      }
      for (const problem of result.problems) steps.push({ kind: "problem", problem });
      if (result.record) steps.push({ kind: "record", record: result.record });
      if (result.stop) {
        this.finished = true;
        break;
      }
    }
    return steps;
  }

  /** Moves to `to`, counting the lines and columns passed. */
  private advanceTo(to: number): void {
    const text = this.text;
    for (
      let nl = text.indexOf("\n", this.at);
      nl !== -1 && nl < to;
      nl = text.indexOf("\n", nl + 1)
    ) {
      this.line++;
      this.column = 1;
      this.at = nl + 1;
    }
    this.column += to - this.at;
    this.at = to;
  }

  /** Reads one record (or skips a blank or comment line), or says the input ends too soon. */
  private readRecord(
    final: boolean,
  ): typeof starved | { record?: CsvRecord; problems: CsvSyntaxProblem[]; stop?: boolean } {
    const text = this.text;
    const delimiter = this.delimiter as string;
    const problems: CsvSyntaxProblem[] = [];
    const length = text.length;
    const c = text[this.at];
    if (c === "\n" || (c === "\r" && text[this.at + 1] === "\n")) {
      this.advanceTo(this.at + (c === "\r" ? 2 : 1));
      return { problems };
    }
    if (c === "\r" && this.at + 1 === length && !final) return starved;
    if (c === "#" && this.options.comments) {
      const nl = text.indexOf("\n", this.at);
      if (nl === -1 && !final) return starved;
      this.advanceTo(nl === -1 ? length : nl);
      return { problems };
    }
    const fields: CsvField[] = [];
    const recordLine = this.line;
    for (;;) {
      const start = { line: this.line, column: this.column };
      let value = "";
      if (text[this.at] === '"') {
        let from = this.at + 1;
        let closed = false;
        for (;;) {
          const quote = text.indexOf('"', from);
          if (quote === -1) break;
          if (quote + 1 === length && !final) return starved;
          value += text.slice(from, quote);
          if (text[quote + 1] === '"') {
            value += '"';
            from = quote + 2;
            continue;
          }
          from = quote + 1;
          closed = true;
          break;
        }
        if (!closed) {
          if (!final) return starved;
          problems.push({
            message: "a quoted field is never closed",
            ...start,
            expected: 'a closing "',
            found: "the end of the file",
            recordLine,
          });
          return { problems, stop: true };
        }
        value = value.replace(/\r\n/g, "\n");
        this.advanceTo(from);
        const next = text[this.at];
        if (next === undefined && !final) return starved;
        if (next !== undefined && next !== delimiter && next !== "\n" && next !== "\r") {
          problems.push({
            message: "text after a closing quote",
            line: this.line,
            column: this.column,
            expected: `${delimiter === "," ? "a comma" : "a semicolon"} or the end of the line`,
            found: JSON.stringify(next),
            recordLine,
          });
          let end = this.at;
          while (end < length && text[end] !== delimiter && text[end] !== "\n") end++;
          if (end === length && !final) return starved;
          this.advanceTo(end);
        }
      } else {
        let end = this.at;
        for (; end < length; end++) {
          const ch = text[end];
          if (ch === delimiter || ch === "\n") break;
          if (ch === "\r") {
            if (end + 1 === length && !final) return starved;
            if (text[end + 1] === "\n") break;
          }
        }
        if (end === length && !final) return starved;
        value = text.slice(this.at, end);
        this.advanceTo(end);
      }
      fields.push({ value, ...start });
      if (text[this.at] === delimiter) {
        this.advanceTo(this.at + 1);
        continue;
      }
      if (text[this.at] === "\r") this.advanceTo(this.at + 1);
      if (text[this.at] === "\n") this.advanceTo(this.at + 1);
      break;
    }
    return { record: { line: recordLine, fields }, problems };
  }
}

/** `;` when the first record has semicolons and no commas; undefined while that line is incomplete. */
function chooseDelimiter(
  text: string,
  final: boolean,
  comments: boolean | undefined,
): "," | ";" | undefined {
  let from = 0;
  for (;;) {
    const nl = text.indexOf("\n", from);
    if (nl === -1 && !final) return undefined;
    const line = text.slice(from, nl === -1 ? text.length : nl);
    if (line.trim() !== "" && !(comments && line.startsWith("#")))
      return line.includes(";") && !line.includes(",") ? ";" : ",";
    if (nl === -1) return ",";
    from = nl + 1;
  }
}
