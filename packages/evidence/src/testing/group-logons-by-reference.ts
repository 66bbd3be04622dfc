import type { EvidenceProblem } from "../event/evidence-problem.ts";
import type { EventFormat } from "../event/read-windows-events.ts";
import { addLogonEvent } from "../logon/add-logon-event.ts";
import { EventDeduplicator } from "../logon/event-deduplicator.ts";
import { LogonGroupStore } from "../logon/logon-group-store.ts";
import { readLogonEvents } from "../logon/read-logon-events.ts";
import type { EventFieldMap } from "../siem/event-field-map.ts";
import type { ByteSource } from "../source/byte-source.ts";

/**
 * The reference a fast grouped reading is held to: the streaming reader's logon events recorded one
 * at a time, with everything the grouping gives (groups, counts, summary, problems in order).
 */
export async function groupLogonsByReference(
  source: ByteSource,
  format: EventFormat,
  eventIds: ReadonlySet<number>,
  splitAtMs: number,
  fieldMap?: EventFieldMap,
) {
  const problems: EvidenceProblem[] = [];
  const store = new LogonGroupStore(source.name, new EventDeduplicator());
  const reader = readLogonEvents(source, format, {
    onProblem: (p) => problems.push(p),
    eventIds,
    ...(fieldMap === undefined ? {} : { fieldMap }),
  });
  let at = 0;
  for (;;) {
    const next = await reader.next();
    if (next.done)
      return {
        summary: next.value,
        logons: store.logons,
        duplicates: store.duplicates,
        groups: [...store.groups()],
        problems,
      };
    addLogonEvent(store, next.value, at++, splitAtMs);
  }
}
