import { CalwiseError } from "@calwise/core";
import { fileJsonSchemas } from "@calwise/node-files";
import type { Command } from "commander";

const names = ["deployment", "price-list", "evaluation-result"] as const;

/** `calwise schema NAME`: prints the JSON Schema of an input file or of the `--json` output. */
export function registerSchemaCommand(program: Command): void {
  program
    .command("schema")
    .description(
      "print the JSON Schema of the deployment file, the price list or the evaluate --json result",
    )
    .argument("<name>", names.join(" | "))
    .action((name: string) => {
      const schema = fileJsonSchemas()[`${name}.schema.json`];
      if (schema === undefined)
        throw new CalwiseError("INPUT_INVALID", `unknown schema '${name}'`, [
          {
            code: "ARGUMENT",
            path: "name",
            message: "no such schema",
            expected: names.join(" | "),
            received: name,
          },
        ]);
      process.stdout.write(`${JSON.stringify(schema, null, 2)}\n`);
    });
}
