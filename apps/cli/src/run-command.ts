import { CalwiseError, errorCodes } from "@calwise/core";
import { CommanderError } from "commander";
import { formatProblems } from "./report/format-problems.ts";
import { quoteForTerminal } from "./report/quote-for-terminal.ts";

/**
 * Runs the CLI and maps every failure to the one error-code table: a CalwiseError prints its located problems
 * and exits with its code's exit status; a bug prints one line and exits 70, never a bare stack trace
 * (set CALWISE_DEBUG=1 to see it).
 */
export async function runCommand(run: () => Promise<unknown>): Promise<void> {
  try {
    await run();
  } catch (error) {
    if (error instanceof CalwiseError) {
      process.stderr.write(`calwise: ${quoteForTerminal(error.message, 400)}\n`);
      if (error.problems.length > 0) process.stderr.write(`${formatProblems(error.problems)}\n`);
      process.exitCode = errorCodes[error.code].exitCode;
      return;
    }
    if (error instanceof CommanderError) {
      process.exitCode = error.exitCode === 0 ? 0 : errorCodes.INPUT_INVALID.exitCode;
      return;
    }
    process.stderr.write(
      `calwise: internal error: ${quoteForTerminal(error instanceof Error ? error.message : String(error), 400)}\n`,
    );
    if (process.env.CALWISE_DEBUG)
      process.stderr.write(`${error instanceof Error ? error.stack : ""}\n`);
    process.exitCode = errorCodes.INTERNAL.exitCode;
  }
}
