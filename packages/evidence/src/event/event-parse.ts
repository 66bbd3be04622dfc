import type { EvidenceProblemCode } from "./evidence-problem.ts";
import type { WindowsEvent } from "./windows-event.ts";

/** The result of reading one event record (an XML `<Event>`, a JSON line): the event, or what is wrong with it. */
export type EventParse =
  | { readonly ok: true; readonly event: WindowsEvent }
  | {
      readonly ok: false;
      /** The problem's code when it is not the reader's generic one (XML_BAD_EVENT, JSON_BAD_LINE). */
      readonly code?: EvidenceProblemCode;
      readonly message: string;
      readonly expected?: string;
      readonly received?: string;
    };
