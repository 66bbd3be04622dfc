import assert from "node:assert/strict";
import { evtxLimits } from "../evtx-limits.ts";
import type { DrainedEvtx } from "./drain-evtx.ts";

/**
 * Asserts that a read of `inputLength` bytes did no more work than docs/limits.md allows (the
 * reader's own counters, per byte of input and per record), and that its records hold no more
 * text than the characters it counted, so memory is bounded by the same budget.
 */
export function assertWithinEvtxBudget(result: DrainedEvtx, inputLength: number): void {
  const { work } = result.summary;
  assert.ok(work.nodes <= evtxLimits.nodesPerRecordByte * inputLength, `${work.nodes} nodes`);
  assert.ok(
    work.characters <= evtxLimits.charactersPerRecordByte * inputLength,
    `${work.characters} characters`,
  );
  assert.ok(work.maxRecordNodes <= evtxLimits.maxNodesPerRecord);
  assert.ok(work.maxRecordCharacters <= evtxLimits.maxCharactersPerRecord);
  let held = 0;
  for (const record of result.records) {
    held += record.provider.length + record.channel.length + record.computer.length;
    for (const value of record.strings) held += value.length;
  }
  assert.ok(held <= work.characters, `records hold ${held} characters, ${work.characters} counted`);
}
