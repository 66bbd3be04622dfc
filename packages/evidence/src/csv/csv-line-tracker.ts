/**
 * Maps byte offsets of the CSV input to line numbers while it streams: remembers where each line
 * break is (only those not yet passed by a query), so a record that csv-parse reports by byte offset
 * can be located by line. Queries must not go backwards.
 */
export class CsvLineTracker {
  private breaks: number[] = [];
  private head = 0;
  private linesBefore = 0; // line breaks already passed by queries
  private fed = 0;

  /** Records the line breaks of the next piece of input. */
  feed(piece: Buffer): void {
    for (let i = piece.indexOf(10); i !== -1; i = piece.indexOf(10, i + 1))
      this.breaks.push(this.fed + i);
    this.fed += piece.length;
  }

  /** The 1-based line of the byte at `offset`. */
  lineOf(offset: number): number {
    while (this.head < this.breaks.length && (this.breaks[this.head] as number) < offset) {
      this.head++;
      this.linesBefore++;
    }
    if (this.head > 4096) {
      this.breaks = this.breaks.slice(this.head);
      this.head = 0;
    }
    return this.linesBefore + 1;
  }

  /** True when the byte at `offset` is a line break (fed so far). */
  isBreak(offset: number): boolean {
    this.lineOf(offset);
    return this.breaks[this.head] === offset;
  }
}
