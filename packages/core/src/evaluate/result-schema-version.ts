/**
 * Version of the `--json` result; bumped on any incompatible change (see docs/evaluation-result.schema.json).
 * A file of its own: the engine stamps it on every result without building the result's schema.
 */
export const RESULT_SCHEMA_VERSION = 1;
