import type { EventParse } from "../event/event-parse.ts";
import type { EvidenceLocation } from "../event/evidence-location.ts";
import type { EvidenceProblemCode } from "../event/evidence-problem.ts";
import type { EvidenceProblemLog } from "../event/evidence-problem-log.ts";
import type { WindowsEvent } from "../event/windows-event.ts";
import { checkEventLogonFields } from "../logon/check-logon-fields.ts";

/**
 * What the event readers that parse one record at a time (flat exports, event XML, Winlogbeat JSON)
 * share after a record is parsed: an event passes when it also passes the one logon-field check
 * every reader applies; otherwise the problem is reported with the record's location (a record that
 * did not parse under the parse's own code, else the reader's `badRecordCode`) and the record
 * counted as skipped. Counts events by id for the summary.
 */
export class FlatEventTally {
  readonly eventIds = new Map<number, number>();
  yielded = 0;
  skipped = 0;

  constructor(
    private readonly log: EvidenceProblemLog,
    private readonly badRecordCode: EvidenceProblemCode = "EVENT_BAD_FIELD",
  ) {}

  /** The event to yield, or undefined when the record was reported and skipped. */
  accept(parsed: EventParse, location: EvidenceLocation): WindowsEvent | undefined {
    if (!parsed.ok) {
      this.skipped++;
      const { ok: _, code, ...detail } = parsed;
      this.log.report({ code: code ?? this.badRecordCode, ...location, ...detail });
      return undefined;
    }
    const fieldProblem = checkEventLogonFields(parsed.event);
    if (fieldProblem !== undefined) {
      this.skipped++;
      this.log.report({ ...location, ...fieldProblem });
      return undefined;
    }
    this.count(parsed.event.eventId);
    return parsed.event;
  }

  /** Counts one more event of `eventId` that passed every check. */
  count(eventId: number): void {
    this.eventIds.set(eventId, (this.eventIds.get(eventId) ?? 0) + 1);
    this.yielded++;
  }
}
