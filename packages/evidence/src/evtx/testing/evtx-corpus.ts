import { readdirSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

/** The shared EVTX corpus: `../shared/corpus/evtx` from the repository root, locally and in CI. */
export const evtxCorpusDirectory = resolve(
  fileURLToPath(import.meta.url),
  "../../../../../../../shared/corpus/evtx",
);

/** Every .evtx file of the corpus, sorted; empty when the corpus is missing. */
export function listEvtxCorpus(): string[] {
  try {
    return readdirSync(evtxCorpusDirectory)
      .filter((name) => name.endsWith(".evtx"))
      .sort()
      .map((name) => join(evtxCorpusDirectory, name));
  } catch {
    return [];
  }
}
