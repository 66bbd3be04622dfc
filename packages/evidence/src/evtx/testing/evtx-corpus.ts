import { existsSync, readdirSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const repositoryRoot = resolve(fileURLToPath(import.meta.url), "../../../../../..");

/** `shared/corpus/evtx` in the nearest folder above the repository root that has one. */
function findCorpus(): string {
  const nearest = join(dirname(repositoryRoot), "shared/corpus/evtx");
  for (let folder = dirname(repositoryRoot); ; folder = dirname(folder)) {
    const candidate = join(folder, "shared/corpus/evtx");
    if (existsSync(candidate)) return candidate;
    if (dirname(folder) === folder) return nearest;
  }
}

/**
 * The shared EVTX corpus: `../shared/corpus/evtx` from the repository root, locally and in CI,
 * or from a folder further up (a git worktree sits deeper than the main checkout).
 */
export const evtxCorpusDirectory = findCorpus();

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
