import { deploymentSchema, priceListSchema } from "@calwise/core";
import { z } from "zod";

/**
 * The deployment file (docs/deployment.md): the core's deployment schema, whose `prices` is inline only, plus
 * the file form: the path of a price list file, relative to the deployment file and inside its folder.
 */
export const deploymentFileSchema = deploymentSchema.extend({
  prices: z.union([priceListSchema, z.string().describe("path of a price list file")]).optional(),
});
