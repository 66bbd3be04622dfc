import type { Adjacency } from "./bound-by-components.ts";

// The holders' states in a branch of `boundByTiers` (0 open; 1 a user in, a device at t0 at least; 2 a device
// at t1; 3 out) and what they settle.

/** Per adjacency slot (a holder's i-th neighbour at offset[h] + i), 1 when its pair is newer (t1 or later). */
export interface SlotFlags {
  readonly offset: Int32Array;
  readonly flags: Uint8Array;
}

export function listSlotFlags(
  graph: Adjacency,
  n: number,
  from: readonly number[],
  to: readonly number[],
  newer: readonly number[],
): SlotFlags {
  // buildAdjacency fills each holder's slots in pair order; the same walk finds each pair's two slots.
  const offset = new Int32Array(n + 1);
  for (let h = 0; h < n; h++) offset[h + 1] = (offset[h] as number) + (graph.degree[h] as number);
  const fill = offset.slice(0, n);
  const flags = new Uint8Array(offset[n] as number);
  for (let i = 0; i < from.length; i++) {
    const a = from[i] as number;
    const b = to[i] as number;
    flags[fill[a] as number] = newer[i] as number;
    flags[fill[b] as number] = newer[i] as number;
    fill[a] = (fill[a] as number) + 1;
    fill[b] = (fill[b] as number) + 1;
  }
  return { offset, flags };
}

/** Whether holder h's i-th pair is newer. */
export function isNewer(slots: SlotFlags, h: number, i: number): boolean {
  return slots.flags[(slots.offset[h] as number) + i] === 1;
}

/** Whether the pair between user u and device d (u's i-th neighbour, d at t0 or t1) is covered. */
function covered(state: Uint8Array, slotNewer: SlotFlags, u: number, i: number, d: number) {
  if (state[u] === 1 || state[d] === 2) return true;
  return state[d] === 1 && !isNewer(slotNewer, u, i);
}

/**
 * A hub's state in a branch (a user: 0 in, 1 out; a device: 0 at t1, 1 at t0, 2 out); false when the branch is
 * empty (a pair between two holders left out).
 */
export function placeHub(
  graph: Adjacency,
  slotNewer: SlotFlags,
  state: Uint8Array,
  h: number,
  nu: number,
  choice: number,
): boolean {
  const list = graph.neighbours(h);
  if (h < nu) {
    if (choice === 0) {
      state[h] = 1;
      return true;
    }
    if (state[h] === 1) return false;
    for (let i = 0; i < list.length; i++) {
      const d = list[i] as number;
      if (state[d] === 3) return false;
      if (state[d] !== 2) state[d] = isNewer(slotNewer, h, i) ? 2 : 1;
    }
    state[h] = 3;
    return true;
  }
  if (choice === 0) {
    state[h] = 2;
    return true;
  }
  if (state[h] === 2) return false;
  if (choice === 1) {
    state[h] = 1;
    for (let i = 0; i < list.length; i++) {
      const u = list[i] as number;
      if (!isNewer(slotNewer, h, i)) continue;
      if (state[u] === 3) return false;
      state[u] = 1;
    }
    return true;
  }
  if (state[h] === 1) return false;
  for (const u of list) {
    if (state[u] === 3) return false;
    state[u] = 1;
  }
  state[h] = 3;
  return true;
}

/** Holders settled in every cover of the branch: users in, devices at t1, devices at t0 with no open pair. */
export function countSettled(
  graph: Adjacency,
  slotNewer: SlotFlags,
  state: Uint8Array,
  nu: number,
) {
  let users = 0;
  let newer = 0;
  let devices = 0;
  for (let h = 0; h < state.length; h++) {
    if (h < nu) {
      if (state[h] === 1) users++;
      continue;
    }
    if (state[h] === 2) {
      newer++;
      devices++;
    } else if (state[h] === 1 && !isOpen(graph, slotNewer, state, h, nu)) devices++;
  }
  return { users, newer, devices };
}

/** An open holder still decides something: it is not settled and one of its pairs is not covered. */
export function isOpen(
  graph: Adjacency,
  slotNewer: SlotFlags,
  state: Uint8Array,
  h: number,
  nu: number,
): boolean {
  if (h < nu) {
    if (state[h] === 1 || state[h] === 3) return false;
    const list = graph.neighbours(h);
    for (let i = 0; i < list.length; i++)
      if (!covered(state, slotNewer, h, i, list[i] as number)) return true;
    return false;
  }
  if (state[h] === 2 || state[h] === 3) return false;
  const list = graph.neighbours(h);
  for (let i = 0; i < list.length; i++) {
    const u = list[i] as number;
    if (state[u] === 1) continue;
    if (state[h] === 1 && !isNewer(slotNewer, h, i)) continue;
    return true;
  }
  return false;
}
