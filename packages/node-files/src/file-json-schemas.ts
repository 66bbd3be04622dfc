import { jsonSchemas } from "@calwise/core";
import { z } from "zod";
import { deploymentFileSchema } from "./deployment-file-schema.ts";

/**
 * The JSON Schemas of calwise's files and outputs by file name under docs/: the core's, with the deployment
 * file in its file form (a price list may be a path), as a person writes it for the CLI.
 */
export function fileJsonSchemas(): Record<string, unknown> {
  return {
    ...jsonSchemas(),
    "deployment.schema.json": {
      title: "calwise deployment file",
      ...z.toJSONSchema(deploymentFileSchema, { io: "input", unrepresentable: "any" }),
    },
  };
}
