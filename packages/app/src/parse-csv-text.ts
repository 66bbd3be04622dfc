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

/** A CSV syntax problem, located. */
export interface CsvSyntaxProblem {
  readonly message: string;
  readonly line: number;
  readonly column: number;
  readonly expected: string;
  readonly found: string;
}

/**
 * Parses CSV text (RFC 4180: quoted fields, "" inside quotes, line breaks inside quotes, CRLF or LF) keeping the
 * line and column of every field, so a bad price can be named by its cell. The delimiter is `,`, or `;` when
 * the first record has semicolons and no commas (spreadsheets in many European locales). Blank lines and lines
 * starting with `#` are skipped (comments, e.g. "prices are examples").
 */
export function parseCsvText(text: string): { records: CsvRecord[]; problems: CsvSyntaxProblem[] } {
  const delimiter = chooseDelimiter(text);
  const records: CsvRecord[] = [];
  const problems: CsvSyntaxProblem[] = [];
  let i = 0;
  let line = 1;
  let column = 1;
  const advance = (n = 1) => {
    for (let k = 0; k < n; k++) {
      if (text[i] === "\n") {
        line++;
        column = 1;
      } else column++;
      i++;
    }
  };
  while (i < text.length) {
    // Start of a record: skip blank and comment lines.
    if (text[i] === "\n" || (text[i] === "\r" && text[i + 1] === "\n")) {
      advance(text[i] === "\r" ? 2 : 1);
      continue;
    }
    if (text[i] === "#") {
      while (i < text.length && text[i] !== "\n") advance();
      continue;
    }
    const fields: CsvField[] = [];
    const recordLine = line;
    for (;;) {
      const start = { line, column };
      let value = "";
      if (text[i] === '"') {
        advance();
        let closed = false;
        while (i < text.length) {
          if (text[i] === '"') {
            if (text[i + 1] === '"') {
              value += '"';
              advance(2);
              continue;
            }
            advance();
            closed = true;
            break;
          }
          value += text[i] === "\r" && text[i + 1] === "\n" ? "" : text[i];
          advance();
        }
        if (!closed) {
          problems.push({
            message: "a quoted field is never closed",
            ...start,
            expected: 'a closing "',
            found: "the end of the file",
          });
          return { records, problems };
        }
        if (i < text.length && text[i] !== delimiter && text[i] !== "\n" && text[i] !== "\r") {
          problems.push({
            message: "text after a closing quote",
            line,
            column,
            expected: `${delimiter === "," ? "a comma" : "a semicolon"} or the end of the line`,
            found: JSON.stringify(text[i]),
          });
          while (i < text.length && text[i] !== delimiter && text[i] !== "\n") advance();
        }
      } else {
        while (
          i < text.length &&
          text[i] !== delimiter &&
          text[i] !== "\n" &&
          !(text[i] === "\r" && text[i + 1] === "\n")
        ) {
          value += text[i];
          advance();
        }
      }
      fields.push({ value, ...start });
      if (text[i] === delimiter) {
        advance();
        continue;
      }
      if (text[i] === "\r") advance();
      if (text[i] === "\n") advance();
      break;
    }
    records.push({ line: recordLine, fields });
  }
  return { records, problems };
}

function chooseDelimiter(text: string): "," | ";" {
  const first = text.split("\n").find((l) => l.trim() !== "" && !l.startsWith("#")) ?? "";
  return first.includes(";") && !first.includes(",") ? ";" : ",";
}
