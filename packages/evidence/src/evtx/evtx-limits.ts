/**
 * How much work one EVTX record may cause, so that a crafted record cannot make reading slow or
 * large: templates can repeat nested BinXML exponentially, and names and texts defined once in
 * a chunk can be shown by every record. docs/limits.md states these limits for users.
 */
export const evtxLimits = {
  /**
   * Elements, template instances and nested BinXML values one inside another. Real events nest
   * fewer than 10 levels (the corpus: at most 9); anything deeper is crafted or corrupt.
   */
  maxDepth: 64,
  /**
   * BinXML nodes a record may parse and expand, per byte of the record. The corpus needs at most
   * 0.85 (with XML); an array of 32k bytes shown as 32k <Data> elements needs 4.9.
   */
  nodesPerRecordByte: 16,
  /**
   * Characters a record may decode and render (names, texts, values, data keys and, with
   * includeXml, markup) per byte of the record. The corpus needs at most 6.5 (with XML); the
   * 32k-element array above 33.3 (16.6 without XML).
   */
  charactersPerRecordByte: 64,
  /** Whatever the record's size, no record expands more nodes than this (16 per byte of a 64 KiB record)… */
  maxNodesPerRecord: 1 << 20,
  /** …or renders more characters than this (8 MiB of UTF-16). */
  maxCharactersPerRecord: 1 << 22,
} as const;
