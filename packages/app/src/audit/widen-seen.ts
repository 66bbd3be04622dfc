/** A span of evidence: first and last seen, as instants and as logged. */
export interface SeenSpan {
  firstMs: number;
  lastMs: number;
  firstSeen: string;
  lastSeen: string;
}

/** A span that also knows where its first and last events were read (the reading order). */
export interface PlacedSpan extends SeenSpan {
  firstAt: number;
  lastAt: number;
}

/** A time as logged, as an instant, and (for placed spans) its position in the reading order. */
export interface SeenTime {
  readonly time: string;
  readonly ms: number;
  readonly at?: number;
}

/**
 * Widens `span` to also cover from `first` to `last` (the times as logged, and as instants). Of equal
 * instants, the one read first wins: for a placed span by position, else by the order of the calls.
 */
export function widenSeen(span: SeenSpan | PlacedSpan, first: SeenTime, last: SeenTime): void {
  const placed = "firstAt" in span;
  if (
    first.ms < span.firstMs ||
    (placed && first.ms === span.firstMs && (first.at ?? 0) < span.firstAt)
  ) {
    span.firstMs = first.ms;
    span.firstSeen = first.time;
    if (placed) span.firstAt = first.at ?? 0;
  }
  if (
    last.ms > span.lastMs ||
    (placed && last.ms === span.lastMs && (last.at ?? 0) < span.lastAt)
  ) {
    span.lastMs = last.ms;
    span.lastSeen = last.time;
    if (placed) span.lastAt = last.at ?? 0;
  }
}
