import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const dir = mkdtempSync(join(tmpdir(), "calwise-evidence-"));

/** Writes a test input to a fresh temporary directory and returns its path. */
export function writeTempFile(name: string, content: string | Uint8Array): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

/** Drains a reader into its records and its summary. */
export async function drainReader<T, S>(
  reader: AsyncGenerator<T, S, undefined>,
): Promise<{ records: T[]; summary: S }> {
  const records: T[] = [];
  for (;;) {
    const next = await reader.next();
    if (next.done) return { records, summary: next.value };
    records.push(next.value);
  }
}
