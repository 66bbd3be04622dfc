import type { EvidenceProblemLog } from "../event/evidence-problem-log.ts";
import type { ByteSource } from "../source/byte-source.ts";
import { isJsonArraySource } from "../source/is-json-array-source.ts";
import { readSourceBytes } from "../source/read-source-bytes.ts";
import { BlockLines } from "./block-lines.ts";
import { decodeTextStream } from "./decode-text-stream.ts";
import { describeReadError } from "./describe-read-error.ts";
import { lineTooLongProblem } from "./line-too-long-problem.ts";
import { maxLineBytes, readLineBlocks } from "./read-line-blocks.ts";

/** The text of one JSON record (a line, or an element of a top-level array) and where it starts. */
export interface JsonRecordText {
  readonly text: string;
  readonly line: number;
  /** 1-based position of the record in the file. */
  readonly record: number;
}

/** Records read and skipped by a pass of readJsonRecords (the caller adds the ones it skips). */
export interface JsonRecordCounts {
  records: number;
  skipped: number;
}

/** The longest element of a top-level JSON array read, in characters; docs/limits.md. */
export const maxJsonElementChars = maxLineBytes;

/** The first character of the text that is not white space, or "" (reads only the file's start). */
const isSpace = (c: number) => c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;

/**
 * Streams the records of a JSON export, whichever shape it has: one JSON value per line (JSON lines,
 * Splunk's export) or one top-level array (`az monitor log-analytics query`, pretty or on one
 * line), split element by element without parsing the whole file. The caller parses each record's
 * text. A line or element over the cap (`maxLineBytes`) is skipped and reported, and so is text
 * after the array's end or an array cut short; memory holds one record and one read piece.
 * `jsonArray` says which shape it is when the caller already knows (detection read the first character).
 */
export async function* readJsonRecords(
  source: ByteSource,
  log: EvidenceProblemLog,
  counts: JsonRecordCounts,
  onBytes?: (bytes: number) => void,
  jsonArray?: boolean,
): AsyncGenerator<JsonRecordText> {
  const file = source.name;
  try {
    if (jsonArray ?? (await isJsonArraySource(source)))
      yield* readArrayElements(source, log, counts, onBytes);
    else yield* readLines(source, log, counts, onBytes);
  } catch (error) {
    log.report({ code: "EVIDENCE_UNREADABLE", file, message: describeReadError(error) });
  }
}

async function* readLines(
  source: ByteSource,
  log: EvidenceProblemLog,
  counts: JsonRecordCounts,
  onBytes?: (bytes: number) => void,
): AsyncGenerator<JsonRecordText> {
  const tooLong = (line: number) => {
    counts.records++;
    counts.skipped++;
    log.report(lineTooLongProblem(source.name, line));
  };
  for await (const block of readLineBlocks(source, onBytes, tooLong)) {
    for (const lines = new BlockLines(block); lines.next(); ) {
      const { start, end, line } = lines;
      if (end - start > maxLineBytes) {
        tooLong(line);
        continue;
      }
      const text = block.bytes.toString("utf8", start, end).trim();
      if (text === "") continue;
      counts.records++;
      yield { text, line, record: counts.records };
    }
  }
}

/** Splits a top-level array into its elements' texts, following strings and nesting only. */
async function* readArrayElements(
  source: ByteSource,
  log: EvidenceProblemLog,
  counts: JsonRecordCounts,
  onBytes?: (bytes: number) => void,
): AsyncGenerator<JsonRecordText> {
  const file = source.name;
  let line = 1;
  let opened = false;
  let closed = false;
  let junkReported = false;
  let depth = 0;
  let inString = false;
  let escaped = false;
  /** The element being read: its pieces (none once it is over the cap), length and first line. */
  let inElement = false;
  let parts: string[] = [];
  let length = 0;
  let tooLong = false;
  let elementLine = 0;
  const finish = (): JsonRecordText | undefined => {
    inElement = false;
    counts.records++;
    if (tooLong) {
      counts.skipped++;
      log.report({
        code: "EVIDENCE_RECORD_TOO_LONG",
        file,
        line: elementLine,
        message: `an array element longer than ${maxJsonElementChars} characters was skipped (real records are a few KB); reading resumes at the next element`,
        expected: `at most ${maxJsonElementChars} characters per element`,
      });
      return undefined;
    }
    const text = parts.join("").trim();
    parts = [];
    return { text, line: elementLine, record: counts.records };
  };
  const keep = (text: string) => {
    if (tooLong) return;
    length += text.length;
    if (length > maxJsonElementChars) {
      tooLong = true;
      parts = [];
    } else parts.push(text);
  };
  for await (const piece of decodeTextStream(readSourceBytes(source, onBytes))) {
    let from = 0;
    for (let i = 0; i < piece.length; i++) {
      const c = piece.charCodeAt(i);
      if (c === 0x0a) line++;
      if (inElement) {
        if (inString) {
          if (escaped) escaped = false;
          else if (c === 0x5c) escaped = true;
          else if (c === 0x22) inString = false;
          continue;
        }
        if (c === 0x22) inString = true;
        else if (c === 0x7b || c === 0x5b) depth++;
        else if ((c === 0x7d || c === 0x5d) && depth > 1) depth--;
        else if (depth === 1 && (c === 0x2c || c === 0x5d)) {
          keep(piece.slice(from, i));
          const done = finish();
          if (done !== undefined) yield done;
          if (c === 0x5d) closed = true;
        }
        continue;
      }
      if (isSpace(c)) continue;
      if (!opened && c === 0x5b) {
        opened = true;
        depth = 1;
      } else if (closed || !opened) {
        if (!junkReported) {
          junkReported = true;
          log.report({
            code: "JSON_BAD_LINE",
            file,
            line,
            message: "text after the end of the top-level JSON array was ignored",
            expected: "one JSON array, or one JSON object per line",
          });
        }
      } else if (c === 0x5d) closed = true;
      else if (c !== 0x2c) {
        inElement = true;
        tooLong = false;
        length = 0;
        elementLine = line;
        from = i;
        i--; // the element's first character is read again, as part of it
      }
    }
    if (inElement) keep(piece.slice(from));
  }
  if (inElement || (opened && !closed)) {
    counts.records += inElement ? 1 : 0;
    counts.skipped += inElement ? 1 : 0;
    log.report({
      code: "JSON_BAD_LINE",
      file,
      line,
      message: inElement
        ? "the file ends inside an array element (cut short?); that element was skipped"
        : "the top-level JSON array is not closed (the file may be cut short)",
      expected: "a JSON array closed by ]",
    });
  }
}
