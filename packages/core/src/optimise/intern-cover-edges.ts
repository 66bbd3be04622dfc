import type { CoverEdge } from "./choose-cal-mix.ts";
import type { IndexedCoverEdges } from "./choose-indexed-cal-mix.ts";

/**
 * Holders and edges interned to integers, so the rest of the work runs over typed arrays.
 * Holders are numbered in order of first appearance (the order `CalMix` maps iterate in).
 */
export interface InternedEdges extends IndexedCoverEdges {
  readonly userNames: readonly string[];
  readonly deviceNames: readonly string[];
  /** Highest tier each holder must be able to reach. */
  readonly userTop: Int32Array;
  readonly deviceTop: Int32Array;
  /**
   * When the caller numbered the holders from a deployment's own numbers (`collapse`): those numbers (an
   * identity to compare) and, per deployment user (device) number, the holder's number here, -1 for none.
   */
  readonly deployment?: {
    readonly source: object;
    readonly user: Int32Array;
    readonly device: Int32Array;
  };
}

// The Lagrangian search in plan-family-cover solves the same edges many times with other prices: intern once.
const internCache = new WeakMap<readonly CoverEdge[], InternedEdges>();

/** The edges interned (`internEdges`), once per edge array: the cut is solved many times over the same edges. */
export function internCoverEdges(edges: readonly CoverEdge[]): InternedEdges {
  let interned = internCache.get(edges);
  if (!interned) {
    interned = internEdges(edges);
    internCache.set(edges, interned);
  }
  return interned;
}

/**
 * Records edges a caller interned itself (`collapse` numbers the holders of a family's demand as it
 * builds its edges), so `internCoverEdges` hashes none of their ids again. The numbering must be the
 * one `internCoverEdges` would give: holders in order of first appearance.
 */
export function rememberInternedEdges(edges: readonly CoverEdge[], interned: InternedEdges): void {
  internCache.set(edges, interned);
}

/**
 * Numbers holders in order of first appearance as edges are added, and records each holder's highest
 * tier: the one numbering of `internCoverEdges` and of `collapse` (which interns as it collapses).
 */
export function createHolderNumbering(
  edgeCapacity: number,
  known?: { readonly users: number; readonly devices: number },
) {
  // Holders the caller numbered already (the deployment's user and device indices): their numbers here.
  const knownUser = new Int32Array(known?.users ?? 0).fill(-1);
  const knownDevice = new Int32Array(known?.devices ?? 0).fill(-1);
  const userIndex = new Map<string, number>();
  const deviceIndex = new Map<string, number>();
  const userNames: string[] = [];
  const deviceNames: string[] = [];
  const userTop: number[] = [];
  const deviceTop: number[] = [];
  const edgeUser = new Int32Array(edgeCapacity);
  const edgeDevice = new Int32Array(edgeCapacity);
  const edgeTier = new Int32Array(edgeCapacity);
  const number = (
    index: Map<string, number>,
    names: string[],
    top: number[],
    name: string,
    tier: number,
  ) => {
    let h = index.get(name);
    if (h === undefined) {
      h = names.push(name) - 1;
      index.set(name, h);
      top.push(tier);
    } else if (tier > (top[h] as number)) top[h] = tier;
    return h;
  };
  const numberKnown = (
    numbers: Int32Array,
    names: string[],
    top: number[],
    known: number,
    name: string,
    tier: number,
  ) => {
    let h = numbers[known] as number;
    if (h < 0) {
      h = names.push(name) - 1;
      numbers[known] = h;
      top.push(tier);
    } else if (tier > (top[h] as number)) top[h] = tier;
    return h;
  };
  return {
    /** The number of the user the caller knows as `known` (no name hashed). */
    knownUser: (known: number, name: string, tier: number) =>
      numberKnown(knownUser, userNames, userTop, known, name, tier),
    /** The number of the device the caller knows as `known` (no name hashed). */
    knownDevice: (known: number, name: string, tier: number) =>
      numberKnown(knownDevice, deviceNames, deviceTop, known, name, tier),
    /** The user's number (its highest tier raised to `tier`). */
    user: (name: string, tier: number) => number(userIndex, userNames, userTop, name, tier),
    /** The device's number (its highest tier raised to `tier`). */
    device: (name: string, tier: number) => number(deviceIndex, deviceNames, deviceTop, name, tier),
    /** Raises a numbered user's highest tier. */
    raiseUser: (u: number, tier: number) => {
      if (tier > (userTop[u] as number)) userTop[u] = tier;
    },
    /** Sets edge `e`: its user and device (-1 when that side cannot cover it) and its tier. */
    setEdge: (e: number, u: number, d: number, tier: number) => {
      edgeUser[e] = u;
      edgeDevice[e] = d;
      edgeTier[e] = tier;
    },
    /** Raises edge `e`'s tier. */
    raiseEdge: (e: number, tier: number) => {
      edgeTier[e] = tier;
    },
    /** The interned edges, the first `edgeCount` of them. */
    finish: (edgeCount: number): InternedEdges => ({
      userCount: userNames.length,
      deviceCount: deviceNames.length,
      userNames,
      deviceNames,
      userTop: Int32Array.from(userTop),
      deviceTop: Int32Array.from(deviceTop),
      edgeUser: edgeCount === edgeCapacity ? edgeUser : edgeUser.slice(0, edgeCount),
      edgeDevice: edgeCount === edgeCapacity ? edgeDevice : edgeDevice.slice(0, edgeCount),
      edgeTier: edgeCount === edgeCapacity ? edgeTier : edgeTier.slice(0, edgeCount),
      ...(known === undefined
        ? {}
        : { deployment: { source: known, user: knownUser, device: knownDevice } }),
    }),
  };
}

/**
 * Numbers users and devices in order of first appearance and records each holder's highest tier, in one
 * pass: each side's ids in an open-addressing table of (hash, number) pairs over one Int32Array (a `Map`
 * of 500,000 ids costs twice as much at 2M edges: more memory, touched at random), tops in typed arrays.
 */
function internEdges(edges: readonly CoverEdge[]): InternedEdges {
  const edgeCount = edges.length;
  const users = createStringNumbering();
  const devices = createStringNumbering();
  let userTop: Int32Array<ArrayBuffer> = new Int32Array(64);
  let deviceTop: Int32Array<ArrayBuffer> = new Int32Array(64);
  const edgeUser = new Int32Array(edgeCount);
  const edgeDevice = new Int32Array(edgeCount);
  const edgeTier = new Int32Array(edgeCount);
  // Edges usually come grouped by user: comparing with the previous name skips most user look-ups.
  let lastUserName: string | undefined;
  let lastUser = -1;
  for (let e = 0; e < edgeCount; e++) {
    const edge = edges[e] as CoverEdge;
    const tier = edge.tier;
    let u = -1;
    let d = -1;
    if (edge.user !== undefined && !edge.deviceOnly) {
      if (edge.user === lastUserName) u = lastUser;
      else {
        u = users.number(edge.user);
        if (u === userTop.length) userTop = grown(userTop);
        if (users.fresh) userTop[u] = tier;
        lastUserName = edge.user;
        lastUser = u;
      }
      if (tier > (userTop[u] as number)) userTop[u] = tier;
    }
    if (edge.device !== undefined && !edge.userOnly) {
      d = devices.number(edge.device);
      if (d === deviceTop.length) deviceTop = grown(deviceTop);
      if (devices.fresh) deviceTop[d] = tier;
      else if (tier > (deviceTop[d] as number)) deviceTop[d] = tier;
    }
    if (u < 0 && d < 0) throw new Error("a cover edge needs a user or a device");
    edgeUser[e] = u;
    edgeDevice[e] = d;
    edgeTier[e] = tier;
  }
  return {
    userCount: users.count,
    deviceCount: devices.count,
    userNames: users.names,
    deviceNames: devices.names,
    userTop: userTop.slice(0, users.count),
    deviceTop: deviceTop.slice(0, devices.count),
    edgeUser,
    edgeDevice,
    edgeTier,
  };
}

function grown(array: Int32Array): Int32Array<ArrayBuffer> {
  const larger = new Int32Array(array.length * 2);
  larger.set(array);
  return larger;
}

/**
 * Numbers strings in order of first appearance: `number(name)` gives its number (`fresh` says whether it
 * was new). Slots are (hash, number + 1) pairs, 0 empty, at most half full; names are compared only when
 * their 32-bit hashes (FNV-1a over the UTF-16 code units) agree.
 */
function createStringNumbering() {
  const names: string[] = [];
  let slots = new Int32Array(2 * 1024);
  let mask = 1023;
  const state = {
    names,
    count: 0,
    fresh: false,
    number(name: string): number {
      let hash = 0x811c9dc5 | 0;
      for (let i = 0; i < name.length; i++) hash = Math.imul(hash ^ name.charCodeAt(i), 0x01000193);
      let slot = hash & mask;
      for (;;) {
        const entry = slots[2 * slot + 1] as number;
        if (entry === 0) break;
        if (slots[2 * slot] === hash && names[entry - 1] === name) {
          state.fresh = false;
          return entry - 1;
        }
        slot = (slot + 1) & mask;
      }
      const number = names.push(name) - 1;
      slots[2 * slot] = hash;
      slots[2 * slot + 1] = number + 1;
      state.count = names.length;
      state.fresh = true;
      if (2 * names.length > mask) {
        // Twice the slots, every entry placed again by its stored hash (no name hashed twice).
        const old = slots;
        mask = 2 * mask + 1;
        slots = new Int32Array(2 * (mask + 1));
        for (let at = 0; at < old.length; at += 2) {
          const entry = old[at + 1] as number;
          if (entry === 0) continue;
          let to = (old[at] as number) & mask;
          while ((slots[2 * to + 1] as number) !== 0) to = (to + 1) & mask;
          slots[2 * to] = old[at] as number;
          slots[2 * to + 1] = entry;
        }
      }
      return number;
    },
  };
  return state;
}
