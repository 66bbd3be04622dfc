/** The number of rows an update or delete changed, as a number (Kysely reports a bigint). */
export function countAffected(result: {
  readonly numUpdatedRows?: bigint;
  readonly numDeletedRows?: bigint;
}): number {
  return Number(result.numUpdatedRows ?? result.numDeletedRows ?? 0n);
}
