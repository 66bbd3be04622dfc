// Loaded before every test file (scripts/run-node-tests.sh): property tests run with a fixed seed, so CI is
// repeatable. Explore new cases with FC_SEED=random (or a number); a failure prints the seed to replay it.
import fc from "fast-check";

const setting = process.env.FC_SEED;
if (setting !== "random") fc.configureGlobal({ seed: setting ? Number(setting) : 20261128 });
