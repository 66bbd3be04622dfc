// The child's side of bench-child-process.ts: read the arguments, report one result line.
// Kept apart so a measured child loads nothing but what it measures.

/** The line prefix runChild looks for in a child's standard output. */
export const resultPrefix = "RESULT ";

/** In a child: its arguments, as passed by runChild. */
export function readChildArgs<T>(): T {
  return JSON.parse(process.argv[2] ?? "{}") as T;
}

/** In a child: reports its result (one JSON line) for runChild to pick up. */
export function reportChildResult(result: unknown): void {
  process.stdout.write(`${resultPrefix}${JSON.stringify(result)}\n`);
}
