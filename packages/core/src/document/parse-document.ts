import { isMap, isSeq, LineCounter, type Node, parseDocument } from "yaml";
import type { InputProblem } from "../errors/input-problem.ts";

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
  // JSON (most machine-written deployments) parses far faster and smaller with JSON.parse; YAML positions are
  // only computed when a problem has to be located, so a large file's syntax tree is not kept in memory.
  const trimmed = text.trimStart();
  if (trimmed.startsWith("{") || trimmed.startsWith("[")) {
    try {
      return { document: { data: JSON.parse(text) as unknown, locate: lazyLocator(text) } };
    } catch {
      // Not valid JSON: YAML (a superset) either reads it or reports where it breaks.
    }
  }
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) {
    return {
      problems: doc.errors.map((e) => {
        const pos = lineCounter.linePos(e.pos[0]);
        return {
          code: "YAML_SYNTAX",
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
  const data: unknown = doc.toJS({ maxAliasCount: 1000 });
  return { document: { data, locate: lazyLocator(text) } };
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
