/**
 * The work a readEvtx pass did parsing and expanding BinXML, summed over every record (read or
 * skipped): it grows with the input's size, never with what its templates would expand to.
 */
export interface EvtxWorkTotals {
  /** BinXML nodes parsed or expanded. */
  nodes: number;
  /** Characters of text and markup rendered. */
  characters: number;
  /** The most nodes any one record took. */
  maxRecordNodes: number;
  /** The most characters any one record took. */
  maxRecordCharacters: number;
}
