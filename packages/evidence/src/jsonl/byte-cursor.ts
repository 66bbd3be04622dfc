const none = Number.MAX_SAFE_INTEGER;

/**
 * Finds the occurrences of one byte pattern in a buffer in increasing order, remembering the next
 * occurrence, so asking line after line costs about one native search over the buffer in total.
 * Calls on one buffer must not go backwards (`from` never below an earlier call's).
 */
export class ByteCursor {
  private buffer: Buffer | undefined;
  private next = -1;

  readonly patternLength: number;

  constructor(readonly pattern: Buffer | number) {
    this.patternLength = typeof pattern === "number" ? 1 : pattern.length;
  }

  /** The first occurrence at or after `from` and before `to`, or -1. */
  find(buffer: Buffer, from: number, to: number): number {
    if (buffer !== this.buffer) {
      this.buffer = buffer;
      this.next = -1;
    }
    if (this.next < from) {
      const found = buffer.indexOf(this.pattern, from);
      this.next = found === -1 ? none : found;
    }
    return this.next < to ? this.next : -1;
  }
}
