import { createReadStream } from "node:fs";
import type { ByteSource } from "../source/byte-source.ts";

/** A file as a ByteSource, for the package's tests (the product's adapter is in @calwise/node-files). */
export function fileSource(path: string): ByteSource {
  return { name: path, open: () => createReadStream(path) };
}
