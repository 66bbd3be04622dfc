import { evtxValueType as type } from "../evtx-value-type.ts";
import { BinXmlWriter, type WrittenValue } from "./binxml-writer.ts";
import type { RecordPayload } from "./build-evtx-file.ts";

/** Extra content for a test event: markup in <System> or <EventData> and the values it uses. */
export interface TestEventContent {
  /** Written inside <Computer> instead of the host name (substitution indices from 3 on). */
  readonly computer?: (template: BinXmlWriter) => void;
  /** Written inside <EventData> after the TargetUserName item (substitution indices from 3 on). */
  readonly eventData?: (template: BinXmlWriter) => void;
  /** Values 3, 4… for the substitutions the content writes. */
  readonly values?: readonly WrittenValue[];
}

/** The substitution index a test event's own content starts at. */
export const firstContentIndex = 3;

function uint16(value: number): WrittenValue {
  return { type: type.uint16, bytes: Buffer.from([value & 0xff, value >> 8]) };
}

function uint64(value: number): WrittenValue {
  const bytes = Buffer.alloc(8);
  bytes.writeBigUInt64LE(BigInt(value));
  return { type: type.uint64, bytes };
}

function utf16(text: string): WrittenValue {
  return { type: type.string, bytes: Buffer.from(`${text}\0`, "utf16le") };
}

/**
 * A record holding a complete Security event (EventID, EventRecordID, Channel, Computer and a
 * TargetUserName) whose template is defined inline, with room for crafted content.
 */
export function testEventRecord(
  eventId: number,
  eventRecordId: number,
  user: string,
  content: TestEventContent = {},
): RecordPayload {
  return (offset) =>
    new BinXmlWriter(offset)
      .fragmentHeader()
      .templateInstance(
        (t) => {
          t.fragmentHeader().open("Event").closeStart();
          t.open("System").closeStart();
          t.open("Provider", true)
            .attribute("Name")
            .text("Microsoft-Windows-Security-Auditing")
            .closeEmpty();
          t.open("EventID").closeStart().substitution(0, type.uint16).end();
          t.open("EventRecordID").closeStart().substitution(1, type.uint64).end();
          t.open("Channel").closeStart().text("Security").end();
          t.open("Computer").closeStart();
          if (content.computer === undefined) t.text("host.example");
          else content.computer(t);
          t.end();
          t.end();
          t.open("EventData").closeStart();
          t.open("Data", true)
            .attribute("Name")
            .text("TargetUserName")
            .closeStart()
            .substitution(2, type.string)
            .end();
          content.eventData?.(t);
          t.end();
          t.end().endOfStream();
        },
        [uint16(eventId), uint64(eventRecordId), utf16(user), ...(content.values ?? [])],
      )
      .endOfStream()
      .bytes();
}
