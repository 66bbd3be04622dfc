import type { EvidenceLocation } from "../event/evidence-location.ts";
import type { EvidenceProblemCode } from "../event/evidence-problem.ts";
import { normaliseEventTime } from "../event/normalise-event-time.ts";
import { checkLogonFields } from "../logon/check-logon-fields.ts";
import { parseLogonType } from "../logon/to-logon-event.ts";
import { flatValueText } from "../siem/event-from-flat-record.ts";
import { accessColumns, accessColumnValue } from "./access-columns.ts";
import type { AggregatedLogon } from "./aggregated-logon.ts";

/** One accesses row read, or what is wrong with it. */
export type AggregatedLogonParse =
  | { readonly ok: true; readonly access: AggregatedLogon }
  | {
      readonly ok: false;
      readonly code: EvidenceProblemCode;
      readonly message: string;
      readonly expected: string;
      readonly received: string;
    };

const bad = (column: string, expected: string, received: string): AggregatedLogonParse => ({
  ok: false,
  code: "EVENT_BAD_FIELD",
  message: `column ${column} is not usable`,
  expected,
  received: JSON.stringify(received.length > 60 ? `${received.slice(0, 60)}…` : received),
});

/**
 * Reads one row of an accesses file (a CSV row or a JSON line's members): the user (`DOMAIN\name`),
 * device, address, server, logon type, first and last seen and the count, each checked; the names
 * pass the one logon-field check every reader applies.
 */
export function aggregatedLogonFromRow(
  row: Readonly<Record<string, unknown>>,
  location: EvidenceLocation,
): AggregatedLogonParse {
  const text = (column: string) => (flatValueText(accessColumnValue(row, column)) ?? "").trim();
  const user = text(accessColumns.user);
  const slash = user.indexOf("\\");
  const domain = slash === -1 ? "" : user.slice(0, slash);
  const account = slash === -1 ? user : user.slice(slash + 1);
  if (account === "") return bad(accessColumns.user, "DOMAIN\\account or an account", user);
  const server = text(accessColumns.server);
  if (server === "") return bad(accessColumns.server, "the name of the computer accessed", server);
  const typeText = text(accessColumns.logonType);
  const logonType = parseLogonType(typeText);
  if (logonType === null) return bad(accessColumns.logonType, "a logon type such as 3", typeText);
  const firstText = text(accessColumns.firstSeen);
  const first = normaliseEventTime(firstText);
  if (first === undefined) return bad(accessColumns.firstSeen, "an ISO 8601 time", firstText);
  const lastText = text(accessColumns.lastSeen);
  const last = normaliseEventTime(lastText);
  if (last === undefined || Date.parse(last) < Date.parse(first))
    return bad(accessColumns.lastSeen, `an ISO 8601 time at or after ${first}`, lastText);
  const countText = text(accessColumns.count);
  const events = Number(countText);
  if (!/^\d+$/.test(countText) || !Number.isSafeInteger(events) || events < 1)
    return bad(accessColumns.count, "a whole number of events, at least 1", countText);
  const device = text(accessColumns.device);
  const address = text(accessColumns.address);
  const fieldProblem = checkLogonFields(server, {
    TargetUserName: account,
    TargetDomainName: domain,
    WorkstationName: device,
  });
  if (fieldProblem !== undefined) return { ok: false, ...fieldProblem };
  return {
    ok: true,
    access: {
      firstSeen: first,
      events,
      logon: {
        time: last,
        eventId: 4624,
        computer: server,
        channel: "Security",
        provider: "",
        recordId: null,
        logonType,
        targetUserName: account,
        targetDomainName: domain,
        targetUserSid: "",
        workstationName: device,
        ipAddress: address,
        logonProcessName: "",
        authenticationPackageName: "",
        location,
      },
    },
  };
}
