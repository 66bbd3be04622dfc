/** How many cases each fuzz property runs: a few in `npm test`, many in `npm run fuzz` (FUZZ_RUNS). */
export function fuzzRuns(inTests: number): number {
  const runs = Number(process.env.FUZZ_RUNS);
  return Number.isInteger(runs) && runs > 0 ? runs : inTests;
}
