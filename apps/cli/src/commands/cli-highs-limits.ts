import type { HighsLimits } from "@calwise/node-files";

/**
 * HiGHS's budget in the CLI's commands: a limit on work, so the same deployment gets the same answer on a quiet
 * machine and on a busy one (a wall-clock limit gave HiGHS 3–4 s of CPU under load and 10 s when idle, and so
 * different answers); the wall clock stays as a safety net, and a stopped answer says which limit stopped it.
 * 600 interrupt checks are about 4.5 s of CPU on the 1,383-pair binding cover MIP and 8.5 s at 2,724 pairs
 * (docs/benchmarks.md, "The upper side"): what a user waits on an idle machine stays near the old 10 s.
 */
export const CLI_HIGHS_LIMITS: HighsLimits = {
  work: 600,
  totalWork: 1_800,
  seconds: 60,
  totalSeconds: 120,
};
