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
  known: { readonly users: number; readonly devices: number } = { users: 0, devices: 0 },
) {
  // Holders the caller numbered already (the deployment's user and device indices): their numbers here.
  const knownUser = new Int32Array(known.users).fill(-1);
  const knownDevice = new Int32Array(known.devices).fill(-1);
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
    }),
  };
}

/** Numbers users and devices in order of first appearance and records each holder's highest tier. */
function internEdges(edges: readonly CoverEdge[]): InternedEdges {
  const numbering = createHolderNumbering(edges.length);
  // Edges usually come grouped by user: comparing with the previous name skips most user look-ups.
  let lastUserName: string | undefined;
  let lastUser = -1;
  for (let e = 0; e < edges.length; e++) {
    const edge = edges[e] as CoverEdge;
    let u = -1;
    let d = -1;
    if (edge.user !== undefined && !edge.deviceOnly) {
      if (edge.user === lastUserName) {
        u = lastUser;
        numbering.raiseUser(u, edge.tier);
      } else u = numbering.user(edge.user, edge.tier);
      lastUserName = edge.user;
      lastUser = u;
    }
    if (edge.device !== undefined && !edge.userOnly) d = numbering.device(edge.device, edge.tier);
    if (u < 0 && d < 0) throw new Error("a cover edge needs a user or a device");
    numbering.setEdge(e, u, d, edge.tier);
  }
  return numbering.finish(edges.length);
}
