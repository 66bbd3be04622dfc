import type { BinXmlNode } from "./binxml-node.ts";
import type { BinXmlParser } from "./binxml-parser.ts";
import { evtxValueType } from "./evtx-value-type.ts";
import { renderEvtxArray, renderEvtxValue } from "./render-evtx-value.ts";

/**
 * The substitution values of one template instance. Values stay as byte ranges of the chunk
 * until asked for, so fields nobody reads (Keywords, Task, ThreadID…) are never decoded.
 */
export class SubstitutionValues {
  private rendered: (string | undefined)[] | undefined;
  private items: (readonly string[] | undefined)[] | undefined;
  private nestedNodes: (readonly BinXmlNode[] | undefined)[] | undefined;

  constructor(
    private readonly parser: BinXmlParser,
    readonly types: readonly number[],
    readonly offsets: readonly number[],
    readonly sizes: readonly number[],
  ) {}

  /** True for a missing, null or zero-length value: an optional substitution then vanishes. */
  isEmpty(index: number): boolean {
    return index >= this.types.length || this.types[index] === 0 || this.sizes[index] === 0;
  }

  isArray(index: number): boolean {
    return ((this.types[index] as number) & evtxValueType.arrayFlag) !== 0;
  }

  /** The items of an array value, each rendered like a single value of the base type. */
  arrayItems(index: number): readonly string[] {
    this.items ??= [];
    let items = this.items[index];
    if (items === undefined) {
      items = renderEvtxArray(
        this.parser.bytes,
        this.types[index] as number,
        this.offsets[index] as number,
        this.sizes[index] as number,
      );
      this.items[index] = items;
    }
    return items;
  }

  isBinXml(index: number): boolean {
    return this.types[index] === evtxValueType.binXml;
  }

  /** The value rendered as evtxexport renders it; "" for a missing index. */
  text(index: number): string {
    if (index >= this.types.length) return "";
    this.rendered ??= [];
    let text = this.rendered[index];
    if (text === undefined) {
      text = renderEvtxValue(
        this.parser.bytes,
        this.types[index] as number,
        this.offsets[index] as number,
        this.sizes[index] as number,
      );
      this.rendered[index] = text;
    }
    return text;
  }

  /** A value of type BinXml parsed into nodes (usually one more template instance). */
  nested(index: number): readonly BinXmlNode[] {
    this.nestedNodes ??= [];
    let nodes = this.nestedNodes[index];
    if (nodes === undefined) {
      const offset = this.offsets[index] as number;
      nodes = this.parser.parseFragment(offset, offset + (this.sizes[index] as number));
      this.nestedNodes[index] = nodes;
    }
    return nodes;
  }

  /** The raw bytes of a value, for typed access (FILETIME) without going through text. */
  bytesOf(index: number): {
    readonly bytes: Buffer;
    readonly offset: number;
    readonly size: number;
  } {
    return {
      bytes: this.parser.bytes,
      offset: this.offsets[index] as number,
      size: this.sizes[index] as number,
    };
  }
}
