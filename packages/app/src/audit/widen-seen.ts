/** A span of evidence: first and last seen, as instants and as logged. */
export interface SeenSpan {
  firstMs: number;
  lastMs: number;
  firstSeen: string;
  lastSeen: string;
}

/** Widens `span` to also cover from `first` to `last` (the times as logged, and as instants). */
export function widenSeen(
  span: SeenSpan,
  first: { readonly time: string; readonly ms: number },
  last: { readonly time: string; readonly ms: number },
): void {
  if (first.ms < span.firstMs) {
    span.firstMs = first.ms;
    span.firstSeen = first.time;
  }
  if (last.ms > span.lastMs) {
    span.lastMs = last.ms;
    span.lastSeen = last.time;
  }
}
