// `npm run fuzz`: a longer fuzzing campaign over every *.fuzz.test.ts of the repository (npm test
// runs the same suites with few cases). FUZZ_RUNS sets the cases per property (default 3000);
// FC_SEED replays a campaign, and without it a seed is drawn and printed so a failure can be
// replayed. Extra arguments narrow the run to path prefixes: `npm run fuzz -- packages/evidence`.
import { spawnSync } from "node:child_process";
import { randomInt } from "node:crypto";
import { readdirSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const prefixes = process.argv.slice(2);

function findFuzzSuites(folder: string): string[] {
  return readdirSync(join(root, folder), { recursive: true, encoding: "utf8" })
    .filter((path) => path.endsWith(".fuzz.test.ts") && !path.includes("node_modules"))
    .map((path) => join(folder, path));
}

const suites = ["packages", "apps", "test"]
  .flatMap(findFuzzSuites)
  .filter((path) => prefixes.length === 0 || prefixes.some((prefix) => path.startsWith(prefix)))
  .sort();
if (suites.length === 0) {
  console.error(`no *.fuzz.test.ts under ${prefixes.join(", ") || "packages, apps, test"}`);
  process.exit(1);
}

const seed = process.env.FC_SEED ?? String(randomInt(2 ** 31));
const fuzzRuns = process.env.FUZZ_RUNS ?? "3000";
console.log(
  `fuzzing ${suites.length} suite(s) with FUZZ_RUNS=${fuzzRuns} FC_SEED=${seed} (set both to replay):`,
);
for (const suite of suites) console.log(`  ${relative(root, join(root, suite))}`);

const run = spawnSync(
  process.execPath,
  [
    "--import",
    "tsx",
    "--import",
    "./test/fast-check-setup.ts",
    "--test",
    "--test-concurrency=2",
    ...suites,
  ],
  { cwd: root, stdio: "inherit", env: { ...process.env, FC_SEED: seed, FUZZ_RUNS: fuzzRuns } },
);
process.exit(run.status ?? 1);
