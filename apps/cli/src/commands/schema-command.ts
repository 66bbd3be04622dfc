import { CalwiseError, jsonSchemaOf, jsonSchemaNames as names } from "@calwise/core";
import type { Command } from "commander";

/** `calwise schema NAME`: prints the JSON Schema of an input file or of a `--json` output. */
export function registerSchemaCommand(program: Command): void {
  program
    .command("schema")
    .description(
      "print the JSON Schema of an input file (deployment, price list) or of a --json output (evaluate, quote, advise, catalog)",
    )
    .argument("<name>", names.join(" | "))
    .action((name: string) => {
      const schema = jsonSchemaOf(name);
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
