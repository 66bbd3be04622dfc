import type { WindowsEvent } from "./windows-event.ts";

/** The result of reading one event record (an XML `<Event>`, a JSON line): the event, or what is wrong with it. */
export type EventParse =
  | { readonly ok: true; readonly event: WindowsEvent }
  | {
      readonly ok: false;
      readonly message: string;
      readonly expected?: string;
      readonly received?: string;
    };
