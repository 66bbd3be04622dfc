import { evaluateDeploymentDocument, evaluateUntilProven } from "@calwise/app";
import { loadCatalog } from "@calwise/catalog";
import { errorCodes } from "@calwise/core";
import { loadDeploymentFile, loadHighsSolver } from "@calwise/node-files";
import type { Command } from "commander";
import { formatJsonBytes } from "../report/format-json-chunks.ts";
import { renderEvaluationReport } from "../report/render-evaluation-report.ts";
import { writeTextChunks } from "../report/write-text-chunks.ts";
import { CLI_HIGHS_LIMITS } from "./cli-highs-limits.ts";

/** `calwise evaluate FILE`: what a deployment needs and what to buy; exit 0 compliant, 1 not, 2 bad input. */
export function registerEvaluateCommand(program: Command): void {
  program
    .command("evaluate")
    .description(
      "evaluate a deployment file (YAML or JSON): CALs needed, the cheapest mix and packs, compliance",
    )
    .argument("<file>", "deployment file")
    .option("--json", "print the machine-readable result (docs/evaluation-result.schema.json)")
    .option(
      "--prices <file>",
      "price list file (YAML or JSON), instead of the one the deployment names",
    )
    .option("--catalog <file>", "catalog file, instead of the shipped one")
    .action(
      async (file: string, options: { json?: boolean; prices?: string; catalog?: string }) => {
        const catalog = loadCatalog(options.catalog);
        // Only resolved and evaluated: a JSON file's plain accesses are read as columns.
        const deployment = loadDeploymentFile(file, {
          accessColumns: true,
          ...(options.prices ? { priceListPath: options.prices } : {}),
        });
        // HiGHS is loaded only when the engine's own bounds leave a family open.
        const result = await evaluateUntilProven(
          (evaluation) => evaluateDeploymentDocument({ ...deployment, catalog, evaluation }),
          () => loadHighsSolver(CLI_HIGHS_LIMITS, { fewSolves: true }),
        );
        if (options.json) {
          // In pieces: a large estate's result is tens of MB of text, which need not be held at once.
          await writeTextChunks(process.stdout, jsonLines(result));
        } else process.stdout.write(renderEvaluationReport(result, catalog));
        process.exitCode = result.compliant ? 0 : errorCodes.NOT_COMPLIANT.exitCode;
      },
    );
}

/** The result as `JSON.stringify(result, null, 2)` and a line break, in pieces of UTF-8. */
function* jsonLines(result: unknown): Generator<Uint8Array | string> {
  yield* formatJsonBytes(result);
  yield "\n";
}
