// File adapters at the edge (ARCHITECTURE.md): only the CLI and the server's upload handling import this package.

export { deploymentFileSchema } from "./deployment-file-schema.ts";
export { expandFilePatterns } from "./expand-file-patterns.ts";
export { fileJsonSchemas } from "./file-json-schemas.ts";
export { type DeploymentFile, loadDeploymentDocument } from "./load-deployment-document.ts";
export { loadDeploymentFile } from "./load-deployment-file.ts";
export { type HighsLimits, type HighsLoadOptions, loadHighsSolver } from "./load-highs-solver.ts";
export { loadPriceListFile } from "./load-price-list-file.ts";
export { loadQuoteFile } from "./load-quote-file.ts";
export { openFileByteSource } from "./open-file-byte-source.ts";
export { quoteFileSchema } from "./quote-file-schema.ts";
export { readDocumentFile } from "./read-document-file.ts";
export { readTextFile } from "./read-text-file.ts";
export { resolveNamedPath } from "./resolve-named-path.ts";
