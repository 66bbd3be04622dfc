import { appJsonSchemas } from "@calwise/app";
import { CalwiseError } from "@calwise/core";
import { fileJsonSchemas } from "@calwise/node-files";
import type { Command } from "commander";

/** Every JSON Schema calwise publishes (docs/NAME.schema.json): its files, as written, and its outputs. */
const schemas: Readonly<Record<string, unknown>> = { ...fileJsonSchemas(), ...appJsonSchemas() };
const names = Object.keys(schemas).map((file) => file.replace(/\.schema\.json$/, ""));
/** The outputs by the command that prints them, as the command's description names them. */
const byCommand: Readonly<Record<string, string>> = {
  evaluate: "evaluation-result",
  advise: "edition-advice",
  catalog: "catalog-listing",
  audit: "audit-result",
  events: "evidence-record",
};

/** `calwise schema NAME`: prints the JSON Schema of an input file or of a `--json` output. */
export function registerSchemaCommand(program: Command): void {
  program
    .command("schema")
    .description(
      "print the JSON Schema of an input file (deployment, price list) or of a --json output (evaluate, quote, advise, catalog, audit, events)",
    )
    .argument("<name>", [...names, ...Object.keys(byCommand)].join(" | "))
    .action((typed: string) => {
      const name = Object.hasOwn(byCommand, typed) ? (byCommand[typed] ?? typed) : typed;
      const schema = Object.hasOwn(schemas, `${name}.schema.json`)
        ? schemas[`${name}.schema.json`]
        : undefined;
      if (schema === undefined)
        throw new CalwiseError("INPUT_INVALID", `unknown schema '${typed}'`, [
          {
            code: "ARGUMENT",
            path: "name",
            message: "no such schema",
            expected: names.join(" | "),
            received: typed,
          },
        ]);
      process.stdout.write(`${JSON.stringify(schema, null, 2)}\n`);
    });
}
