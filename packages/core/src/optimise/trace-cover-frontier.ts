import { solveMinWeightBipartiteCover } from "./graph/solve-bipartite-cover.ts";

/** Who accesses what, as integer ids: pair k joins user pairUser[k] to device pairDevice[k]. */
export interface UserDeviceGraph {
  readonly userCount: number;
  readonly deviceCount: number;
  readonly pairUser: Int32Array;
  readonly pairDevice: Int32Array;
}

/** A cover on the frontier: its user and device counts and which users and devices it takes. */
export interface FrontierCover {
  readonly users: number;
  readonly devices: number;
  readonly userInCover: Uint8Array;
  readonly deviceInCover: Uint8Array;
}

/**
 * Traces the lower convex hull of the (users, devices) counts of all covers (every pair has its user
 * or its device covered) by parametric minimum cuts: a cover minimising wu·users + wd·devices is a hull
 * vertex for every positive (wu, wd). From the two ends (fewest users, then fewest devices; and the
 * reverse) it splits each segment AB with the weights of AB's normal, wu = dA - dB and wd = uB - uA:
 * a cover strictly below AB is a new vertex, none means AB is a hull edge (Eisner and Severance).
 * One cut per vertex and per edge. Returned by users ascending (devices descending).
 *
 * No cover has counts strictly below the hull: for the edge's weights its cost would be less than the
 * minimum cut's. Covers on or above it between two vertices may or may not exist, which is why
 * checkOwnedCounts needs more than the hull.
 */
export function traceCoverFrontier(graph: UserDeviceGraph): FrontierCover[] {
  const { userCount, deviceCount } = graph;
  const fewestUsers = coverWithWeights(graph, deviceCount + 1, 1);
  const fewestDevices = coverWithWeights(graph, 1, userCount + 1);
  if (fewestUsers.users === fewestDevices.users) return [fewestUsers];
  const hull: FrontierCover[] = [fewestUsers, fewestDevices];
  // Segments still to split, as a stack (a hull can have thousands of vertices: no recursion).
  const segments: [FrontierCover, FrontierCover][] = [[fewestUsers, fewestDevices]];
  for (let segment = segments.pop(); segment !== undefined; segment = segments.pop()) {
    const [a, b] = segment;
    const userWeight = a.devices - b.devices;
    const deviceWeight = b.users - a.users;
    const c = coverWithWeights(graph, userWeight, deviceWeight);
    const onLine = userWeight * a.users + deviceWeight * a.devices;
    if (userWeight * c.users + deviceWeight * c.devices < onLine) {
      hull.push(c);
      segments.push([a, c], [c, b]);
    }
  }
  return hull.sort((x, y) => x.users - y.users);
}

/** The cheapest cover when a user costs `userWeight` and a device `deviceWeight` (exact minimum cut). */
export function coverWithWeights(
  graph: UserDeviceGraph,
  userWeight: number,
  deviceWeight: number,
): FrontierCover {
  const cover = solveMinWeightBipartiteCover({
    leftCost: new Float64Array(graph.userCount).fill(userWeight),
    rightCost: new Float64Array(graph.deviceCount).fill(deviceWeight),
    edgeLeft: graph.pairUser,
    edgeRight: graph.pairDevice,
  });
  let users = 0;
  let devices = 0;
  for (const taken of cover.leftInCover) users += taken;
  for (const taken of cover.rightInCover) devices += taken;
  return { users, devices, userInCover: cover.leftInCover, deviceInCover: cover.rightInCover };
}
