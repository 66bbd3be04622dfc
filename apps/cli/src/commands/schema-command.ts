import { deploymentSchema, priceListSchema } from "@calwise/core";
import type { Command } from "commander";
import { z } from "zod";

/** `calwise schema deployment|price-list`: prints the JSON Schema of an input format. */
export function registerSchemaCommand(program: Command): void {
  program
    .command("schema")
    .description("print the JSON Schema of the deployment file or the price list")
    .argument("<which>", "deployment | price-list")
    .action((which: string) => {
      const schema =
        which === "price-list"
          ? priceListSchema
          : which === "deployment"
            ? deploymentSchema
            : undefined;
      if (!schema) throw new Error(`unknown schema '${which}': expected deployment or price-list`);
      process.stdout.write(
        `${JSON.stringify(z.toJSONSchema(schema, { io: "input", unrepresentable: "any" }), null, 2)}\n`,
      );
    });
}
