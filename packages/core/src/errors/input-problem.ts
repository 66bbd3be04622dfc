/** One thing wrong with an input (a deployment, a catalog, a price list), located precisely. */
export interface InputProblem {
  /** Stable code, e.g. `SCHEMA`, `UNKNOWN_REFERENCE`, `DUPLICATE_ID`, `YAML_SYNTAX`. */
  readonly code: string;
  /** Field path in the document, e.g. `servers[2].product`; empty for the whole document. */
  readonly path: string;
  readonly message: string;
  readonly expected?: string;
  readonly received?: string;
  /** Filled in by the adapter that read the text: file name, 1-based line and column. */
  readonly file?: string;
  readonly line?: number;
  readonly column?: number;
}

/** The result of validating input: the value, or every problem found (not just the first). */
export type Validated<T> =
  | { readonly success: true; readonly value: T }
  | { readonly success: false; readonly problems: readonly InputProblem[] };

/** Formats a path array such as ["servers", 2, "product"] as `servers[2].product`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = "";
  for (const part of path) {
    if (typeof part === "number") out += `[${part}]`;
    else out += out === "" ? String(part) : `.${String(part)}`;
  }
  return out;
}
