import { type EvidenceRecordsEnd, readEvidenceRecords } from "@calwise/app";
import { CalwiseError } from "@calwise/core";
import { type EvidenceProblem, formatEvidenceLocation } from "@calwise/evidence";
import { expandFilePatterns, openFileByteSource } from "@calwise/node-files";
import type { Command } from "commander";

function describeProblem(p: EvidenceProblem): string {
  const where = formatEvidenceLocation(p);
  const detail = [
    p.expected ? `expected ${p.expected}` : "",
    p.received ? `found ${p.received}` : "",
  ]
    .filter(Boolean)
    .join(", ");
  return `${where}: ${p.code}: ${p.message}${detail ? ` (${detail})` : ""}`;
}

/** Set when standard output is closed early (`calwise events x.evtx | head`): stop reading. */
let outputClosed = false;

/** Drains the records of one source, writing each as one JSON line, until the output closes. */
async function printAll(
  records: AsyncGenerator<unknown, EvidenceRecordsEnd, undefined>,
): Promise<EvidenceRecordsEnd | undefined> {
  while (!outputClosed) {
    const next = await records.next();
    if (next.done) return next.value;
    const line = `${JSON.stringify(next.value)}\n`;
    if (!process.stdout.write(line))
      await new Promise((r) => {
        process.stdout.once("drain", r);
        process.stdout.once("close", r);
      });
  }
  await records.return(undefined as never);
  return undefined;
}

/**
 * `calwise events FILE…`: prints every record an evidence file holds, one JSON object per line (record
 * number, time, event id, channel, provider, computer, event data by name), like evtx_dump, for every
 * format the audit reads. Problems go to standard error; an unreadable file exits 2.
 */
export function registerEventsCommand(program: Command): void {
  program
    .command("events")
    .description(
      "print the records of evidence files (EVTX, event XML/CSV, Winlogbeat JSON lines, UAL, AD exports), one JSON object per line",
    )
    .argument("<files...>", "evidence files or patterns (logs/*.evtx)")
    .option(
      "--json",
      "problems on standard error as JSON lines too (records are always JSON lines)",
    )
    .action(async (patterns: string[], options: { json?: boolean }) => {
      process.stdout.on("error", (error: NodeJS.ErrnoException) => {
        if (error.code !== "EPIPE") throw error;
        outputClosed = true;
      });
      const { files, unmatched } = expandFilePatterns(patterns);
      const refusals = unmatched.map((pattern) => ({
        code: "FILE" as const,
        path: "",
        file: pattern,
        message: "no file matches this pattern",
      }));
      const onProblem = (p: EvidenceProblem) =>
        process.stderr.write(
          `${options.json ? JSON.stringify(p) : `calwise: ${describeProblem(p)}`}\n`,
        );
      for (const file of files) {
        if (outputClosed) break;
        const end = await printAll(readEvidenceRecords(openFileByteSource(file), { onProblem }));
        if (end?.read === false)
          refusals.push({ code: "FILE", path: "", file, message: end.message });
      }
      if (refusals.length > 0)
        throw new CalwiseError(
          "INPUT_UNREADABLE",
          `${refusals.length} file${refusals.length === 1 ? "" : "s"} could not be read`,
          refusals,
        );
      process.exitCode = 0;
    });
}
