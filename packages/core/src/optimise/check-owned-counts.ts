import {
  coverWithWeights,
  type FrontierCover,
  type UserDeviceGraph,
} from "./trace-cover-frontier.ts";

/** CALs owned: how many user CALs and how many device CALs (of the version the pairs need). */
export interface OwnedCounts {
  readonly users: number;
  readonly devices: number;
}

/**
 * Whether the owned CALs can cover every pair, and how that is known:
 * - `parametric-cut`: decided by the cost frontier alone. Feasible: a frontier cover fits (it is the
 *   witness). Infeasible: for weights (userWeight, deviceWeight) every cover costs at least
 *   `minimumCost` (a minimum cut, checkable with verifyMinCut), more than the owned CALs' `ownedCost`.
 * - `branch-and-bound`: the frontier could not decide; an exhaustive search (users taken or left out,
 *   the frontier deciding each branch) found a witness, or proved that none exists.
 * - `undecided`: the search stopped at `maxNodes` without an answer; the frontier bounds stand.
 */
export type OwnedCountsAnswer =
  | {
      readonly kind: "feasible";
      readonly method: "parametric-cut" | "branch-and-bound";
      readonly cover: FrontierCover;
      readonly nodes: number;
    }
  | {
      readonly kind: "infeasible";
      readonly method: "parametric-cut";
      readonly userWeight: number;
      readonly deviceWeight: number;
      readonly minimumCost: number;
      readonly ownedCost: number;
      readonly nodes: number;
    }
  | { readonly kind: "infeasible"; readonly method: "branch-and-bound"; readonly nodes: number }
  | {
      readonly kind: "undecided";
      readonly method: "bound";
      readonly nodes: number;
      /** The frontier vertices on either side of the owned counts: the point lies on or above their edge. */
      readonly between: readonly [FrontierPoint, FrontierPoint];
    };

/** Counts of a frontier cover. */
export interface FrontierPoint {
  readonly users: number;
  readonly devices: number;
}

type FrontierVerdict =
  | { readonly kind: "feasible"; readonly cover: FrontierCover }
  | {
      readonly kind: "undecided";
      readonly between: readonly [FrontierPoint, FrontierPoint];
      /** The frontier cover on the fewer-users side, where a repair starts. */
      readonly start: FrontierCover;
    }
  | {
      readonly kind: "infeasible";
      readonly userWeight: number;
      readonly deviceWeight: number;
      readonly minimumCost: number;
      readonly ownedCost: number;
    };

/**
 * "We own U user CALs and D device CALs: can they cover every pair?" A cover with at most U users and
 * at most D devices is NP-hard to find in general (constrained bipartite vertex cover), so this answers
 * in stages and says which one decided. First the cost frontier, walked towards U by parametric minimum
 * cuts (decideByFrontier); then, only when the point lies on or above the frontier with no frontier cover
 * under it, a branch and bound over users (taken: one user CAL; left out: all its devices need CALs),
 * each branch decided by its own frontier or by a greedy repair of it (repairCover), up to `maxNodes`
 * branches (default 2,000).
 */
export function checkOwnedCounts(
  graph: UserDeviceGraph,
  owned: OwnedCounts,
  options: { readonly maxNodes?: number } = {},
): OwnedCountsAnswer {
  const maxNodes = options.maxNodes ?? 2_000;
  const root = decideByFrontier(graph, owned.users, owned.devices);
  if (root.kind === "feasible") {
    return { kind: "feasible", method: "parametric-cut", cover: root.cover, nodes: 1 };
  }
  if (root.kind === "infeasible") return { ...root, method: "parametric-cut", nodes: 1 };

  const userState = new Int8Array(graph.userCount); // 0 free, 1 taken, -1 left out
  const deviceForced = new Uint8Array(graph.deviceCount);
  const devicesOf = adjacency(graph);
  let nodes = 1;
  let stopped = false;

  const search = (usersLeft: number, devicesLeft: number): FrontierCover | undefined => {
    if (nodes >= maxNodes) {
      stopped = true;
      return undefined;
    }
    nodes++;
    const residual = residualGraph(graph, userState, deviceForced);
    const verdict = decideByFrontier(residual.graph, usersLeft, devicesLeft);
    if (verdict.kind === "feasible")
      return liftCover(graph, userState, deviceForced, residual, verdict.cover);
    if (verdict.kind === "infeasible") return undefined;
    const repaired = repairCover(residual.graph, verdict.start, usersLeft, devicesLeft);
    if (repaired) return liftCover(graph, userState, deviceForced, residual, repaired);
    // Branch on the free user with the most pairs still to cover.
    let branchUser = -1;
    let mostPairs = 0;
    residual.userPairs.forEach((pairs, compact) => {
      if (pairs > mostPairs) {
        mostPairs = pairs;
        branchUser = residual.userOriginal[compact] as number;
      }
    });
    if (usersLeft >= 1) {
      userState[branchUser] = 1;
      const found = search(usersLeft - 1, devicesLeft);
      userState[branchUser] = 0;
      if (found || stopped) return found;
    }
    userState[branchUser] = -1;
    const newlyForced: number[] = [];
    for (const device of devicesOf[branchUser] as number[]) {
      if (deviceForced[device] === 0) {
        deviceForced[device] = 1;
        newlyForced.push(device);
      }
    }
    const found =
      devicesLeft - newlyForced.length >= 0
        ? search(usersLeft, devicesLeft - newlyForced.length)
        : undefined;
    for (const device of newlyForced) deviceForced[device] = 0;
    userState[branchUser] = 0;
    return found;
  };

  const found = search(owned.users, owned.devices);
  if (found) return { kind: "feasible", method: "branch-and-bound", cover: found, nodes };
  if (stopped) return { kind: "undecided", method: "bound", nodes, between: root.between };
  return { kind: "infeasible", method: "branch-and-bound", nodes };
}

/**
 * Decides "a cover with at most `users` users and `devices` devices?" from the lower convex hull of
 * the covers' (users, devices) counts, computing only the hull segments around `users`: from the ends
 * (no users and every device; every user and no device) it splits the segment spanning `users` with a
 * parametric minimum cut until a hull cover fits (feasible), or the spanning segment is a hull edge
 * with the point strictly below it (infeasible, by weak duality), or on or above it (undecided).
 */
export function decideByFrontier(
  graph: UserDeviceGraph,
  users: number,
  devices: number,
): FrontierVerdict {
  if (users < 0 || devices < 0) {
    return { kind: "infeasible", userWeight: 1, deviceWeight: 1, minimumCost: 0, ownedCost: -1 };
  }
  let a = everyDevice(graph);
  let b = everyUser(graph);
  for (;;) {
    for (const end of [a, b]) {
      if (end.users <= users && end.devices <= devices) return { kind: "feasible", cover: end };
    }
    const between = [pointOf(a), pointOf(b)] as const;
    if (b.users <= a.users) return { kind: "undecided", between, start: a }; // cannot happen: a.users <= users < b.users
    const userWeight = a.devices - b.devices;
    const deviceWeight = b.users - a.users;
    const minimumOnLine = userWeight * a.users + deviceWeight * a.devices;
    const c = coverWithWeights(graph, userWeight, deviceWeight);
    const cCost = userWeight * c.users + deviceWeight * c.devices;
    if (cCost < minimumOnLine) {
      if (c.users <= users) a = c;
      else b = c;
      continue;
    }
    const ownedCost = userWeight * users + deviceWeight * devices;
    if (ownedCost < minimumOnLine) {
      return {
        kind: "infeasible",
        userWeight,
        deviceWeight,
        minimumCost: minimumOnLine,
        ownedCost,
      };
    }
    return { kind: "undecided", between, start: a };
  }
}

/**
 * A greedy try at a witness: from a frontier cover with few enough users but too many devices, take
 * users in order of how many devices they alone still need, dropping each device no uncovered pair
 * needs any more, until the devices fit (a witness) or the user CALs run out (no answer, nothing proven).
 */
export function repairCover(
  graph: UserDeviceGraph,
  start: FrontierCover,
  users: number,
  devices: number,
): FrontierCover | undefined {
  const userInCover = start.userInCover.slice();
  const deviceInCover = start.deviceInCover.slice();
  // need[d]: pairs of device d whose user is not taken (they need d).
  const need = new Int32Array(graph.deviceCount);
  for (let pair = 0; pair < graph.pairUser.length; pair++) {
    if (userInCover[graph.pairUser[pair] as number] === 0) {
      const device = graph.pairDevice[pair] as number;
      need[device] = (need[device] as number) + 1;
    }
  }
  const gain = new Int32Array(graph.userCount);
  for (let pair = 0; pair < graph.pairUser.length; pair++) {
    const user = graph.pairUser[pair] as number;
    const device = graph.pairDevice[pair] as number;
    if (userInCover[user] === 0 && deviceInCover[device] === 1 && need[device] === 1) {
      gain[user] = (gain[user] as number) + 1;
    }
  }
  const order = Array.from({ length: graph.userCount }, (_, user) => user)
    .filter((user) => userInCover[user] === 0 && (gain[user] as number) > 0)
    .sort((x, y) => (gain[y] as number) - (gain[x] as number));
  const devicesOf = adjacency(graph);
  let userTotal = start.users;
  let deviceTotal = start.devices;
  for (const user of order) {
    if (deviceTotal <= devices || userTotal >= users) break;
    userInCover[user] = 1;
    userTotal++;
    for (const device of devicesOf[user] as number[]) {
      need[device] = (need[device] as number) - 1;
      if (need[device] === 0 && deviceInCover[device] === 1) {
        deviceInCover[device] = 0;
        deviceTotal--;
      }
    }
  }
  if (userTotal > users || deviceTotal > devices) return undefined;
  return { users: userTotal, devices: deviceTotal, userInCover, deviceInCover };
}

function pointOf(cover: FrontierCover): FrontierPoint {
  return { users: cover.users, devices: cover.devices };
}

function everyDevice(graph: UserDeviceGraph): FrontierCover {
  const deviceInCover = new Uint8Array(graph.deviceCount);
  for (const device of graph.pairDevice) deviceInCover[device] = 1;
  let devices = 0;
  for (const taken of deviceInCover) devices += taken;
  return { users: 0, devices, userInCover: new Uint8Array(graph.userCount), deviceInCover };
}

function everyUser(graph: UserDeviceGraph): FrontierCover {
  const userInCover = new Uint8Array(graph.userCount);
  for (const user of graph.pairUser) userInCover[user] = 1;
  let users = 0;
  for (const taken of userInCover) users += taken;
  return { users, devices: 0, userInCover, deviceInCover: new Uint8Array(graph.deviceCount) };
}

function adjacency(graph: UserDeviceGraph): number[][] {
  const devicesOf = Array.from({ length: graph.userCount }, () => [] as number[]);
  for (let pair = 0; pair < graph.pairUser.length; pair++) {
    (devicesOf[graph.pairUser[pair] as number] as number[]).push(graph.pairDevice[pair] as number);
  }
  return devicesOf;
}

interface Residual {
  readonly graph: UserDeviceGraph;
  /** Compact user id → original, and its number of residual pairs; devices likewise. */
  readonly userOriginal: Int32Array;
  readonly userPairs: Int32Array;
  readonly deviceOriginal: Int32Array;
}

/** The pairs still uncovered (free user, device not forced), with users and devices renumbered. */
function residualGraph(
  graph: UserDeviceGraph,
  userState: Int8Array,
  deviceForced: Uint8Array,
): Residual {
  const userCompact = new Int32Array(graph.userCount).fill(-1);
  const deviceCompact = new Int32Array(graph.deviceCount).fill(-1);
  const userOriginal: number[] = [];
  const deviceOriginal: number[] = [];
  const pairUser: number[] = [];
  const pairDevice: number[] = [];
  for (let pair = 0; pair < graph.pairUser.length; pair++) {
    const user = graph.pairUser[pair] as number;
    const device = graph.pairDevice[pair] as number;
    if (userState[user] !== 0 || deviceForced[device] === 1) continue;
    if (userCompact[user] === -1) {
      userCompact[user] = userOriginal.length;
      userOriginal.push(user);
    }
    if (deviceCompact[device] === -1) {
      deviceCompact[device] = deviceOriginal.length;
      deviceOriginal.push(device);
    }
    pairUser.push(userCompact[user] as number);
    pairDevice.push(deviceCompact[device] as number);
  }
  const userPairs = new Int32Array(userOriginal.length);
  for (const user of pairUser) userPairs[user] = (userPairs[user] as number) + 1;
  return {
    graph: {
      userCount: userOriginal.length,
      deviceCount: deviceOriginal.length,
      pairUser: Int32Array.from(pairUser),
      pairDevice: Int32Array.from(pairDevice),
    },
    userOriginal: Int32Array.from(userOriginal),
    userPairs,
    deviceOriginal: Int32Array.from(deviceOriginal),
  };
}

/** The whole cover: the users taken and devices forced on the way, plus the residual cover. */
function liftCover(
  graph: UserDeviceGraph,
  userState: Int8Array,
  deviceForced: Uint8Array,
  residual: Residual,
  cover: FrontierCover,
): FrontierCover {
  const userInCover = new Uint8Array(graph.userCount);
  const deviceInCover = deviceForced.slice();
  for (let user = 0; user < graph.userCount; user++)
    if (userState[user] === 1) userInCover[user] = 1;
  cover.userInCover.forEach((taken, compact) => {
    if (taken === 1) userInCover[residual.userOriginal[compact] as number] = 1;
  });
  cover.deviceInCover.forEach((taken, compact) => {
    if (taken === 1) deviceInCover[residual.deviceOriginal[compact] as number] = 1;
  });
  let users = 0;
  let devices = 0;
  for (const taken of userInCover) users += taken;
  for (const taken of deviceInCover) devices += taken;
  return { users, devices, userInCover, deviceInCover };
}
