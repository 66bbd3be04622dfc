/**
 * The limits on a YAML or JSON document (a deployment, a quote, a price list, an HTTP body), listed in
 * docs/limits.md. YAML keeps a node per value while it is read (about 80 bytes of memory per byte of text),
 * so it is capped far below JSON, which `JSON.parse` reads in a fraction of the memory.
 */
export const documentLimits = {
  /** The most bytes of text read from one document file or request body. */
  maxTextBytes: 64 * 1024 * 1024,
  /** The largest YAML text read; larger deployments are written as JSON. */
  maxYamlBytes: 4 * 1024 * 1024,
  /** YAML aliases expanded in one document (a "billion laughs" file has millions). */
  maxAliasCount: 1000,
} as const;
