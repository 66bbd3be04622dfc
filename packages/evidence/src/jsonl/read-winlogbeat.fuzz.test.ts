import { test } from "node:test";
import { fileURLToPath } from "node:url";
import { fuzzTextReader } from "../testing/fuzz-text-reader.ts";
import { readWinlogbeatEvents } from "./read-winlogbeat-events.ts";
import { scanWinlogbeatLogons } from "./scan-winlogbeat-logons.ts";

// Seeded fuzzing of both Winlogbeat readers (testing/fuzz-text-reader.ts); `npm run fuzz` runs more.
const fixture = fileURLToPath(
  new URL("../../fixtures/events/logons.winlogbeat.ndjson", import.meta.url),
);

test("Winlogbeat JSON lines (whole parse): hostile and mutated files, every problem located", async () => {
  await fuzzTextReader(
    fixture,
    (source, onProblem) => readWinlogbeatEvents(source, { onProblem }),
    30,
  );
});

test("Winlogbeat JSON lines (logon scanner): hostile and mutated files, every problem located", async () => {
  await fuzzTextReader(
    fixture,
    (source, onProblem) => scanWinlogbeatLogons(source, { onProblem }),
    30,
  );
});
