// File adapters at the edge (ARCHITECTURE.md): only the CLI and the server's upload handling import this package.
export { expandFilePatterns } from "./expand-file-patterns.ts";
export { openFileByteSource } from "./open-file-byte-source.ts";
