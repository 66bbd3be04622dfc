import { z } from "zod";
import type { Frozen } from "../model/frozen.ts";

const count = z.number().int().min(0);

/** The server licences one server needs, with the arithmetic that produced the figure. */
export const serverLicenceLineSchema = z.strictObject({
  server: z.string(),
  product: z.string(),
  productName: z.string(),
  quantity: count,
  unit: z
    .enum(["server", "processor", "processor-pair", "core-pack"])
    .describe(
      "what one unit is: a server licence, a processor licence, a 2-processor licence or a 2-core pack",
    ),
  cores: count.optional().describe("licensed cores, for core licensing"),
  explanation: z.string(),
  rule: z.string(),
  sources: z.array(z.string()),
});

/** The server licences one server needs (see `serverLicenceLineSchema`). */
export type ServerLicenceLine = Frozen<z.output<typeof serverLicenceLineSchema>>;
