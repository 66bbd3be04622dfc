import { EvtxLimitError } from "./evtx-limit-error.ts";
import { evtxLimits } from "./evtx-limits.ts";

/**
 * The work budget of the record being read, shared by a chunk's parser, walker and renderer:
 * counts the BinXML nodes parsed or expanded, the characters rendered and the nesting depth,
 * and throws EvtxLimitError the moment one passes its limit, so no record costs more than a
 * fixed multiple of its size.
 */
export class EvtxRecordWork {
  /** Nodes parsed or expanded for the current record so far. */
  nodes = 0;
  /** Characters of text and markup rendered for the current record so far. */
  characters = 0;
  private depth = 0;
  private recordSize = 0;
  private nodeLimit = 0;
  private characterLimit = 0;

  /** Starts the budget of a record of `size` bytes; the counters start again from zero. */
  startRecord(size: number): void {
    this.nodes = 0;
    this.characters = 0;
    this.depth = 0;
    this.recordSize = size;
    this.nodeLimit = Math.min(evtxLimits.maxNodesPerRecord, evtxLimits.nodesPerRecordByte * size);
    this.characterLimit = Math.min(
      evtxLimits.maxCharactersPerRecord,
      evtxLimits.charactersPerRecordByte * size,
    );
  }

  /** Charges `count` nodes about to be parsed or visited; throws EVTX_RECORD_TOO_COMPLEX instead of passing the limit. */
  spendNodes(count: number): void {
    if (this.nodes + count > this.nodeLimit) this.exceed("nodes");
    this.nodes += count;
  }

  /** Charges `count` characters about to be rendered; throws EVTX_RECORD_TOO_COMPLEX instead of passing the limit. */
  spendCharacters(count: number): void {
    if (this.characters + count > this.characterLimit) this.exceed("characters");
    this.characters += count;
  }

  /** One level deeper: into an element's content, a template instance or a nested BinXML value. */
  enter(): void {
    this.depth++;
    if (this.depth > evtxLimits.maxDepth) {
      throw new EvtxLimitError(
        "EVTX_RECORD_TOO_DEEP",
        "BinXML nests deeper than the limit (elements, templates and nested values; real events nest fewer than 10 levels); record skipped",
        `at most ${evtxLimits.maxDepth} levels`,
        `more than ${evtxLimits.maxDepth} levels`,
      );
    }
  }

  leave(): void {
    this.depth--;
  }

  private exceed(counter: "nodes" | "characters"): never {
    const [what, limit, perByte, cap] =
      counter === "nodes"
        ? [
            "BinXML nodes",
            this.nodeLimit,
            evtxLimits.nodesPerRecordByte,
            evtxLimits.maxNodesPerRecord,
          ]
        : [
            "characters",
            this.characterLimit,
            evtxLimits.charactersPerRecordByte,
            evtxLimits.maxCharactersPerRecord,
          ];
    throw new EvtxLimitError(
      "EVTX_RECORD_TOO_COMPLEX",
      `template expansion exceeds the record's budget of ${perByte} ${what} per byte of its ` +
        `${this.recordSize} bytes (never more than ${cap}); record skipped`,
      `at most ${limit} ${what}`,
      `more than ${limit}`,
    );
  }
}
