/**
 * An input read in fixed-size blocks (the 4 KiB file header, then 64 KiB chunks) into one
 * reused buffer, so memory stays the same whatever the file size.
 */
export interface BlockSource {
  /**
   * Reads the next `size` bytes; fewer only at the end of the input, none after it. The returned
   * view is overwritten by the next call.
   */
  read(size: number): Promise<Buffer>;
  close(): Promise<void>;
}
