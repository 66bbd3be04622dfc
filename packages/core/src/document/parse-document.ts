import { isMap, isSeq, LineCounter, type Node, parseDocument } from "yaml";
import type { InputProblem } from "../errors/input-problem.ts";
import type { ProblemCode } from "../errors/problem-code.ts";
import { documentLimits } from "./document-limits.ts";
import { findBinaryContent } from "./find-binary-content.ts";
import { findDuplicateJsonKey } from "./find-duplicate-json-key.ts";

/** Parsed YAML or JSON text, with a way back from a field path to its line and column. */
export interface ParsedDocument {
  readonly data: unknown;
  /** 1-based line and column of the value at `path` (or of its nearest existing parent). */
  locate(path: string): { readonly line: number; readonly column: number } | undefined;
}

/**
 * Parses YAML (JSON is YAML) keeping node positions, so a problem at `servers[2].product` can name its line.
 * Syntax errors come back as located problems, never as exceptions.
 */
export function parseDocumentText(
  text: string,
): { document: ParsedDocument } | { problems: InputProblem[] } {
  if (text.length > documentLimits.maxTextBytes)
    return refuse(
      "DOCUMENT_TOO_LARGE",
      `the document is larger than ${mebibytes(documentLimits.maxTextBytes)}`,
      {
        expected: `at most ${mebibytes(documentLimits.maxTextBytes)} of text`,
        received: mebibytes(text.length),
      },
    );
  // JSON (most machine-written deployments) parses far faster and smaller with JSON.parse; YAML positions are
  // only computed when a problem has to be located, so a large file's syntax tree is not kept in memory.
  const trimmed = text.trimStart();
  if (trimmed.startsWith("{") || trimmed.startsWith("[")) {
    let data: unknown;
    let parsed = false;
    try {
      data = JSON.parse(text) as unknown;
      parsed = true;
    } catch {
      // Not valid JSON: YAML (a superset) either reads it or reports where it breaks.
    }
    if (parsed) {
      // Text that JSON.parse reads holds no control character but DEL (between tokens only space, tab, line
      // feed and carriage return; none raw in a string), so the scan for binary content is one search here.
      const binary = text.indexOf("\u007f");
      if (binary !== -1) return refuseBinary(text, binary);
      // JSON.parse keeps the last of two equal keys; YAML refuses them: refuse both the same way.
      const duplicate = findDuplicateJsonKey(text);
      if (duplicate !== undefined)
        return refuse(
          "DUPLICATE_KEY",
          `the key ${JSON.stringify(duplicate.key)} appears twice in one object`,
          {
            expected: "each key once per object",
            received: duplicate.key,
            ...position(text, duplicate.offset),
          },
        );
      return { document: { data, locate: lazyLocator(text) } };
    }
  }
  const binary = findBinaryContent(text);
  if (binary !== undefined) return refuseBinary(text, binary);
  if (text.length > documentLimits.maxYamlBytes)
    return refuse(
      "DOCUMENT_TOO_LARGE",
      `YAML larger than ${mebibytes(documentLimits.maxYamlBytes)} is not read: write it as JSON`,
      {
        expected: `YAML of at most ${mebibytes(documentLimits.maxYamlBytes)}, or JSON of up to ${mebibytes(documentLimits.maxTextBytes)}`,
        received: mebibytes(text.length),
      },
    );
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) {
    return {
      problems: doc.errors.map((e) => {
        const pos = lineCounter.linePos(e.pos[0]);
        return {
          code: e.code === "DUPLICATE_KEY" ? ("DUPLICATE_KEY" as const) : ("YAML_SYNTAX" as const),
          path: "",
          message: e.message.split("\n")[0] ?? e.message,
          expected: "valid YAML or JSON",
          received: e.code,
          line: pos.line,
          column: pos.col,
        };
      }),
    };
  }
  try {
    const data: unknown = doc.toJS({ maxAliasCount: documentLimits.maxAliasCount });
    return { document: { data, locate: lazyLocator(text) } };
  } catch (error) {
    // The yaml package throws a ReferenceError when aliases would expand past the count ("billion laughs").
    const alias = firstAliasOffset(text);
    return refuse("YAML_ALIAS_LIMIT", "YAML aliases expand too far (an alias bomb?)", {
      expected: `aliases that expand to at most ${documentLimits.maxAliasCount} copies`,
      received: error instanceof Error ? error.message : "too many aliases",
      ...(alias !== undefined ? position(text, alias) : {}),
    });
  }
}

function refuse(
  code: ProblemCode,
  message: string,
  detail: Pick<InputProblem, "expected" | "received" | "line" | "column">,
): { problems: InputProblem[] } {
  return { problems: [{ code, path: "", message, line: 1, column: 1, ...detail }] };
}

/** A text with a control character that no text document holds, located at it. */
function refuseBinary(text: string, offset: number): { problems: InputProblem[] } {
  return refuse("NOT_TEXT", "not a text file", {
    expected: "YAML or JSON text",
    received: `control character U+${text.charCodeAt(offset).toString(16).toUpperCase().padStart(4, "0")}`,
    ...position(text, offset),
  });
}

function mebibytes(n: number): string {
  return `${(n / (1024 * 1024)).toFixed(n % (1024 * 1024) === 0 ? 0 : 1)} MiB`;
}

/** 1-based line and column of an offset in the text. */
function position(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf("\n"); i !== -1 && i < offset; i = text.indexOf("\n", i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: offset - lineStart + 1 };
}

/** The offset of the first YAML alias (`*name`) after a space, a comma or a bracket, if any. */
function firstAliasOffset(text: string): number | undefined {
  const m = /(^|[\s,[{:-])\*[^\s,\]}]+/m.exec(text);
  return m ? m.index + (m[1]?.length ?? 0) : undefined;
}

/** A locator that parses the text with positions on its first use, and keeps that tree only from then on. */
function lazyLocator(text: string): ParsedDocument["locate"] {
  let located: { doc: ReturnType<typeof parseDocument>; lineCounter: LineCounter } | undefined;
  return (path) => {
    if (!located) {
      const lineCounter = new LineCounter();
      located = { doc: parseDocument(text, { lineCounter, prettyErrors: false }), lineCounter };
    }
    const { doc, lineCounter } = located;
    let node: unknown = doc.contents;
    let found: unknown = node;
    for (const key of splitPath(path)) {
      if (isMap(node)) node = node.get(key, true);
      else if (isSeq(node) && typeof key === "number") node = node.get(key, true);
      else break;
      if (node === undefined) break;
      found = node;
    }
    const range = (found as Node | null | undefined)?.range;
    if (!range) return undefined;
    const pos = lineCounter.linePos(range[0]);
    return { line: pos.line, column: pos.col };
  };
}

function splitPath(path: string): (string | number)[] {
  const parts: (string | number)[] = [];
  for (const m of path.matchAll(/([^.[\]]+)|\[(\d+)\]/g)) {
    if (m[2] !== undefined) parts.push(Number(m[2]));
    else if (m[1] !== undefined) parts.push(m[1]);
  }
  return parts;
}
