import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import { fileURLToPath } from "node:url";
import fc from "fast-check";
import { fieldName, parseEventMessage } from "./parse-event-message.ts";

// The reference: the message reading as it was before the label parts were cached (split on
// CR LF or LF, each line trimmed and looked up), kept to hold the faster reading to it.
/**
 * (Reference.) Reads the event data out of a security event's rendered message, as `Get-WinEvent | Export-Csv`
 * writes it: "New Logon:" / "Account Name:" → TargetUserName, "Network Information:" / "Source
 * Network Address:" → IpAddress, and so on (English messages; docs/audit.md lists the labels). Labels
 * it does not know are kept as `Section/Label`.
 */
function referenceParseEventMessage(eventId: number, message: string): Record<string, string> {
  const data = Object.create(null) as Record<string, string>;
  let section = "";
  const sectionOf = new Map<string, string>();
  for (const rawLine of message.split(/\r?\n/)) {
    if (rawLine.trim() === "") continue;
    const indented = /^\s/.test(rawLine);
    const line = rawLine.trim();
    const colon = line.indexOf(":");
    if (colon === -1) continue;
    const label = line.slice(0, colon).trim();
    const value = line.slice(colon + 1).trim();
    if (!indented && value === "") {
      section = label.toLowerCase();
      continue;
    }
    if (!indented) section = "";
    const key = label.toLowerCase();
    const name =
      fieldName(eventId, indented ? section : "", key) ??
      (section && indented ? `${section}/${label}` : label);
    // A label repeated in its section is the field given twice: kept as `Name#2` (as the XML and
    // EVTX readers name it) so checkLogonFields refuses the record. Two sections that map to one
    // name (4634's Subject is its Target) keep the first, as before.
    const where = `${indented ? section : ""}\u0000${name}`;
    if (data[name] === undefined) {
      data[name] = value;
      sectionOf.set(name, where);
    } else if (sectionOf.get(name) === where && data[`${name}#2`] === undefined)
      data[`${name}#2`] = value;
  }
  return data;
}

const fixture = readFileSync(
  fileURLToPath(new URL("../../fixtures/events/logons.csv", import.meta.url)),
  "utf8",
);
/** The fixture's messages: every quoted field that holds a line break. */
const messages = [...fixture.matchAll(/"((?:[^"]|"")*\n(?:[^"]|"")*)"/g)].map((m) =>
  (m[1] as string).replaceAll('""', '"'),
);

test("the message reading equals the reference on every fixture message", () => {
  assert.ok(messages.length >= 40, `${messages.length} messages`);
  for (const id of [4624, 4625, 4634, 4647, 4672])
    for (const message of messages)
      assert.deepEqual(parseEventMessage(id, message), referenceParseEventMessage(id, message));
});

const pieces = fc.constantFrom(
  "\n",
  "\r\n",
  "\r",
  "\t",
  " ",
  "\u00a0",
  "\u2028",
  "\ufeff",
  ":",
  "::",
  "New Logon:",
  "Subject:",
  "Network Information:",
  "Account Name:",
  "account name:",
  "Source Network Address:",
  "Logon Type:",
  "\tAccount Name:\t\tbob",
  "\tAccount Name:\t\teve",
  "Unknown Label:",
  "x",
  "CORP",
  "é",
);

test("the message reading equals the reference on generated messages", () => {
  fc.assert(
    fc.property(
      fc.constantFrom(4624, 4625, 4634, 4647),
      fc.array(pieces, { maxLength: 40 }),
      fc.constantFrom(...messages.slice(0, 20)),
      fc.integer({ min: 0, max: 2000 }),
      (id, inserted, base, at) => {
        const message = base.slice(0, at) + inserted.join("") + base.slice(at);
        assert.deepEqual(parseEventMessage(id, message), referenceParseEventMessage(id, message));
      },
    ),
    { numRuns: 2000 },
  );
});
