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
