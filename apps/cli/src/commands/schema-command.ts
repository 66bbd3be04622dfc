import { appJsonSchemas } from "@calwise/app";
import { CalwiseError } from "@calwise/core";
import { fileJsonSchemas } from "@calwise/node-files";
import type { Command } from "commander";

/** Every JSON Schema calwise publishes (docs/NAME.schema.json): its files, as written, and its outputs. */
const schemas: Readonly<Record<string, unknown>> = { ...fileJsonSchemas(), ...appJsonSchemas() };
const names = Object.keys(schemas).map((file) => file.replace(/\.schema\.json$/, ""));

/** `calwise schema NAME`: prints the JSON Schema of an input file or of a `--json` output. */
export function registerSchemaCommand(program: Command): void {
  program
    .command("schema")
    .description(
      "print the JSON Schema of an input file (deployment, price list) or of a --json output (evaluate, quote, advise, catalog, audit, events)",
    )
    .argument("<name>", names.join(" | "))
    .action((name: string) => {
      const schema = Object.hasOwn(schemas, `${name}.schema.json`)
        ? schemas[`${name}.schema.json`]
        : undefined;
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
