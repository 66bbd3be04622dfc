import { evtxValueType as type } from "../evtx-value-type.ts";
import { BinXmlWriter, binXmlValue, type WrittenValue } from "./binxml-writer.ts";
import { buildEvtxFile } from "./build-evtx-file.ts";
import { firstContentIndex, type TestEventContent, testEventRecord } from "./test-event-record.ts";

// The crafted files of issue 9, each one chunk: a valid event (record 1), the hostile record
// (record 2) and another valid event (record 3), so a test can check that reading goes on.

/** Size of one level of a template chain: fragment header, instance, one value, end of stream. */
const chainLevelSize = 23;

/**
 * Bytes of `levels` nested fragments, each instantiating the template defined at `definition`
 * with the next fragment as its value 0 (the innermost gets a null value). Only references, no
 * inline definitions, so the bytes mean the same wherever they land.
 */
function referenceChain(definition: number, levels: number): Buffer {
  const writer = new BinXmlWriter(0);
  for (let level = 0; level < levels; level++) {
    const inner = chainLevelSize * (levels - level - 1);
    writer.fragmentHeader().u8(0x0c).u8(1).u32(0x1234).u32(definition);
    writer
      .u32(1)
      .u16(inner)
      .u8(inner === 0 ? type.null : type.binXml)
      .u8(0);
  }
  for (let level = 0; level < levels; level++) writer.endOfStream();
  return writer.bytes();
}

/**
 * A BinXML value nesting `depth` instances of one template, each passing the next as its value
 * 0; the outermost instance defines the template inline, the others refer to it.
 */
function templateChain(
  defineTemplate: (template: BinXmlWriter) => void,
  depth: number,
): WrittenValue {
  return binXmlValue((w) => {
    let definition = 0;
    w.fragmentHeader()
      .templateInstance(
        defineTemplate,
        [{ type: type.binXml, write: () => referenceChain(definition, depth - 1) }],
        (at) => {
          definition = at;
        },
      )
      .endOfStream();
  });
}

/** A template <name>text, then value 0 (nested BinXML) `fanOut` times</name>. */
function fanOutTemplate(name: string, fanOut: number, text = ""): (t: BinXmlWriter) => void {
  return (t) => {
    t.fragmentHeader().open(name).closeStart();
    if (text !== "") t.text(text);
    for (let i = 0; i < fanOut; i++) t.substitution(0, type.binXml);
    t.end().endOfStream();
  };
}

function withValidNeighbours(hostile: TestEventContent): Buffer {
  return buildEvtxFile([
    testEventRecord(4624, 101, "alice"),
    testEventRecord(4624, 102, "mallory", hostile),
    testEventRecord(4624, 103, "bob"),
  ]);
}

/**
 * Exponential template expansion: <EventData> holds a chain of `depth` instances of a template
 * whose element repeats its nested value `fanOut` times, so fanOut^(depth-1) leaf elements
 * (16^8 for the defaults) come from a few hundred bytes.
 */
export function buildExpansionBomb(fanOut = 16, depth = 9): Buffer {
  return withValidNeighbours({
    eventData: (t) => t.substitution(firstContentIndex, type.binXml),
    values: [templateChain(fanOutTemplate("Fan", fanOut), depth)],
  });
}

/**
 * Exponential text: <Computer> holds a chain whose every instance adds `textLength` characters
 * and repeats the next one `fanOut` times, about 490 million characters for the defaults (near
 * V8's longest string), which a reader that concatenates them holds several times over.
 */
export function buildTextBomb(fanOut = 16, depth = 5, textLength = 7000): Buffer {
  return withValidNeighbours({
    computer: (t) => t.substitution(firstContentIndex, type.binXml),
    values: [templateChain(fanOutTemplate("Part", fanOut, "A".repeat(textLength)), depth)],
  });
}

/** `levels` elements nested directly inside one another within <EventData>. */
export function buildDeepElements(levels = 4000): Buffer {
  return withValidNeighbours({
    eventData: (t) => {
      const first = t.offset;
      t.open("Deep").closeStart();
      // The name was defined inline after the token (1), dependency id (2), size (4), offset (4).
      for (let level = 1; level < levels; level++) t.openAt(first + 11).closeStart();
      t.text("x");
      for (let level = 0; level < levels; level++) t.end();
    },
  });
}

/** `levels` template instances nested through BinXML values, one inside the next. */
export function buildDeepTemplates(levels = 2000): Buffer {
  return withValidNeighbours({
    eventData: (t) => t.substitution(firstContentIndex, type.binXml),
    values: [templateChain(fanOutTemplate("Nest", 1), levels)],
  });
}

/**
 * One unnamed <Data> element holding an array of `count` bytes, which Windows shows as `count`
 * <Data> elements: the reader names them Data, Data#2 … Data#count.
 */
export function buildManyData(count = 32768): Buffer {
  return withValidNeighbours({
    eventData: (t) =>
      t
        .open("Data")
        .closeStart()
        .substitution(firstContentIndex, type.uint8 | type.arrayFlag)
        .end(),
    values: [{ type: type.uint8 | type.arrayFlag, bytes: Buffer.alloc(count, 7) }],
  });
}

/**
 * An element with a `nameLength`-character name holding an array of `count` bytes: each of the
 * `count` copies carries the long name (as its data key, and in XML twice), about 480 million
 * characters for the defaults from a 64 KB chunk.
 */
export function buildLongNameArray(nameLength = 16000, count = 30000): Buffer {
  return withValidNeighbours({
    eventData: (t) =>
      t
        .open("N".repeat(nameLength))
        .closeStart()
        .substitution(firstContentIndex, type.uint8 | type.arrayFlag)
        .end(),
    values: [{ type: type.uint8 | type.arrayFlag, bytes: Buffer.alloc(count, 1) }],
  });
}
