import { z } from "zod";
import type { Frozen } from "../model/frozen.ts";

const count = z.number().int().min(0);

/**
 * The proof that a CAL cover is minimal: the minimum cut's network size, the maximum flow and the cut's
 * capacity in scaled weights (equal means the cover is minimal), and what the verifier found wrong, if anything.
 */
export const coverCertificateSchema = z.strictObject({
  nodes: count,
  arcs: count,
  maxFlow: z
    .number()
    .describe("max-flow value in scaled weights; equal to cutCapacity when minimal"),
  cutCapacity: z.number(),
  scale: z.number(),
  verified: z.boolean(),
  problems: z
    .array(z.string())
    .describe("why the verifier rejected the certificate; empty when verified"),
});

/** The proof that a CAL cover is minimal (see `coverCertificateSchema`). */
export type CoverCertificate = Frozen<z.output<typeof coverCertificateSchema>>;
