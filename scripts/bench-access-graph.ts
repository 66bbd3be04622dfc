// Seeded access graphs shaped like real estates, for the optimiser benchmarks. Each site has office users
// with a laptop (and a phone or tablet for half of them) who sometimes sit at a hot desk, and shift or
// clinical staff who sign in to several devices of their ward's pool, most of them also to one of its busy
// nurse-station workstations. A few roaming administrators touch thousands of devices anywhere. Pairs are
// distinct; the arrays are typed so a 2-million-pair graph costs 16 MB, not a heap of objects.

/** An access graph: pair k joins user pairUser[k] to device pairDevice[k]; pairTier[k] is the CAL tier it needs. */
export interface AccessGraph {
  readonly userCount: number;
  readonly deviceCount: number;
  readonly pairUser: Int32Array;
  readonly pairDevice: Int32Array;
  /** 0 for the older server version, 1 where the pair reaches a newer server (about one pair in five). */
  readonly pairTier: Uint8Array;
}

/**
 * `estate`: offices and wards; `hospital`: mostly clinical staff sharing few devices (more users than devices);
 * `hard`: the harder family of issue 11 (`generateHardAccessGraph`): sites of lognormal size, many shared
 * ward and hall devices, users with several devices of their own.
 */
export type AccessGraphShape = "estate" | "hospital" | "hard";

interface SiteTemplate {
  readonly officeUsers: number;
  readonly hotDesks: number;
  readonly wards: number;
  readonly wardUsers: number;
  readonly wardDevices: number;
  readonly wardHotStations: number;
  readonly touchedMin: number;
  readonly touchedMax: number;
}

// About 100,000 pairs per site.
const templates: Record<Exclude<AccessGraphShape, "hard">, SiteTemplate> = {
  estate: {
    officeUsers: 6_000,
    hotDesks: 200,
    wards: 75,
    wardUsers: 120,
    wardDevices: 40,
    wardHotStations: 3,
    touchedMin: 4,
    touchedMax: 14,
  },
  hospital: {
    officeUsers: 2_000,
    hotDesks: 60,
    wards: 60,
    wardUsers: 300,
    wardDevices: 30,
    wardHotStations: 4,
    touchedMin: 2,
    touchedMax: 8,
  },
};
const pairsPerSite = 100_000;

/** A small, fast, seeded generator (mulberry32): the same seed gives the same graph on every machine. */
export function createRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Generates about `targetPairs` distinct user-device pairs of the given shape. */
export function generateAccessGraph(
  shape: AccessGraphShape,
  targetPairs: number,
  seed: number,
): AccessGraph {
  if (shape === "hard") return generateHardAccessGraph(targetPairs, seed);
  const random = createRandom(seed);
  const pick = (count: number) => Math.floor(random() * count);
  const template = templates[shape];
  const siteScale = Math.min(1, targetPairs / pairsPerSite);
  const siteCount = Math.max(1, Math.round(targetPairs / pairsPerSite));
  const scaled = (count: number) => Math.max(1, Math.round(count * siteScale));
  const pairs = createPairList(Math.ceil(targetPairs * 1.2) + 16);
  const add = pairs.add;
  let userCount = 0;
  let deviceCount = 0;

  const order = new Int32Array(template.wardDevices);
  for (let site = 0; site < siteCount; site++) {
    const hotDesk = deviceCount;
    const hotDesks = scaled(template.hotDesks);
    deviceCount += hotDesks;
    for (let office = 0; office < scaled(template.officeUsers); office++) {
      const user = userCount++;
      const personal = random() < 0.5 ? 2 : 1;
      for (let device = 0; device < personal; device++) add(user, deviceCount++);
      if (random() < 0.3) {
        const first = pick(hotDesks);
        const visits = Math.min(hotDesks, 1 + pick(3));
        for (let visit = 0; visit < visits; visit++)
          add(user, hotDesk + ((first + visit) % hotDesks));
      }
    }
    const wards = scaled(template.wards);
    for (let ward = 0; ward < wards; ward++) {
      const firstDevice = deviceCount;
      deviceCount += template.wardDevices;
      for (let member = 0; member < template.wardUsers; member++) {
        const user = userCount++;
        for (let index = 0; index < order.length; index++) order[index] = index;
        // Most staff use one of the nurse-station workstations (the ward's first devices): hot devices.
        let start = 0;
        if (random() < 0.8) {
          const station = pick(template.wardHotStations);
          order[station] = 0;
          order[0] = station;
          add(user, firstDevice + station);
          start = 1;
        }
        const span = template.touchedMax - template.touchedMin + 1;
        const touched = Math.min(order.length, template.touchedMin + pick(span));
        for (let index = start; index < touched; index++) {
          const swap = index + pick(order.length - index);
          const device = order[swap] as number;
          order[swap] = order[index] as number;
          order[index] = device;
          add(user, firstDevice + device);
        }
      }
    }
  }
  const adminCount = Math.max(2, Math.round(targetPairs / 100_000));
  addAdministrators(pairs, adminCount, userCount, deviceCount, pick);
  return pairs.finish(userCount + adminCount, deviceCount, random);
}

/**
 * The harder family: sites whose user counts follow a lognormal law (median 300, the largest a fortieth of
 * the estate), each user with 1–6 devices of their own (geometric), signing in to 1–8 of the site's
 * shared hall devices (one per 2 users, popularity skewed: the first tenth takes a fifth of the
 * sign-ins) and, for
 * half of them, to 3–10 devices of a ward of 60 users and 25 devices. Every holder then competes
 * with many others: a user covering their own devices is cheaper than the devices only when they
 * have two or more, and a hall device is cheaper than its users' CALs only when enough of them are
 * not covered anyway. Roaming administrators as in `estate`. Pairs are distinct.
 */
export function generateHardAccessGraph(targetPairs: number, seed: number): AccessGraph {
  const random = createRandom(seed);
  const pick = (count: number) => Math.floor(random() * count);
  const normal = () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
  const pairs = createPairList(Math.ceil(targetPairs * 1.05) + 16);
  const add = pairs.add;
  let userCount = 0;
  let deviceCount = 0;
  // Which user last touched a shared device, so a user's shared devices are distinct.
  let lastUser = new Int32Array(1024).fill(-1);
  const markShared = (device: number, user: number): boolean => {
    if (device >= lastUser.length) {
      const grown = new Int32Array(Math.max(2 * lastUser.length, device + 1)).fill(-1);
      grown.set(lastUser);
      lastUser = grown;
    }
    if (lastUser[device] === user) return false;
    lastUser[device] = user;
    return true;
  };
  const adminCount = Math.max(1, Math.round(targetPairs / 100_000));
  // What the administrators will add (each touches 2,000–8,000 devices, at most half of them).
  const adminPairs = Math.min(adminCount * 5_000, Math.floor(targetPairs / 10));
  while (pairs.count() < targetPairs - adminPairs) {
    // Lognormal, its tail cut at a fortieth of the estate (40,000 users at 2M pairs) and at what is
    // left to generate (about 8 pairs a user), so small estates come out near their size too.
    const lognormal = Math.round(Math.exp(Math.log(300) + 1.3 * normal()));
    const left = Math.ceil((targetPairs - adminPairs - pairs.count()) / 8);
    const siteUsers = Math.max(5, Math.min(lognormal, Math.round(targetPairs / 40), 40_000, left));
    const halls = Math.max(1, Math.round(siteUsers / 2));
    const firstHall = deviceCount;
    deviceCount += halls;
    let ward = -1;
    let wardMembers = 60;
    const wardDevices = 25;
    for (let member = 0; member < siteUsers; member++) {
      const user = userCount++;
      let personal = 1;
      while (personal < 6 && random() < 0.45) personal++;
      for (let device = 0; device < personal; device++) add(user, deviceCount++);
      const hallVisits = Math.min(halls, 1 + pick(8));
      for (let visit = 0; visit < hallVisits; ) {
        // Skewed popularity: a few hall devices take most of the sign-ins.
        const hall = firstHall + Math.floor(halls * random() ** 1.5);
        if (markShared(hall, user)) {
          add(user, hall);
          visit++;
        } else if (halls <= 8) visit++;
      }
      if (random() < 0.5) {
        if (wardMembers === 60) {
          ward = deviceCount;
          deviceCount += wardDevices;
          wardMembers = 0;
        }
        wardMembers++;
        const touched = 3 + pick(8);
        for (let visit = 0; visit < touched; ) {
          const device = ward + pick(wardDevices);
          if (markShared(device, user)) {
            add(user, device);
            visit++;
          }
        }
      }
    }
  }
  addAdministrators(pairs, adminCount, userCount, deviceCount, pick);
  return pairs.finish(userCount + adminCount, deviceCount, random);
}

/** Distinct pairs as they are generated, in typed arrays that double when full. */
interface PairList {
  readonly add: (user: number, device: number) => void;
  readonly count: () => number;
  /** The graph, each pair given a tier (one in five the newer one). */
  readonly finish: (userCount: number, deviceCount: number, random: () => number) => AccessGraph;
}

function createPairList(initialRoom: number): PairList {
  let room = initialRoom;
  let pairUser = new Int32Array(room);
  let pairDevice = new Int32Array(room);
  let pairCount = 0;
  return {
    add(user, device) {
      if (pairCount === room) {
        room *= 2;
        const users = new Int32Array(room);
        const devices = new Int32Array(room);
        users.set(pairUser);
        devices.set(pairDevice);
        pairUser = users;
        pairDevice = devices;
      }
      pairUser[pairCount] = user;
      pairDevice[pairCount] = device;
      pairCount++;
    },
    count: () => pairCount,
    finish(userCount, deviceCount, random) {
      const pairTier = new Uint8Array(pairCount);
      for (let pair = 0; pair < pairCount; pair++) pairTier[pair] = random() < 0.2 ? 1 : 0;
      return {
        userCount,
        deviceCount,
        pairUser: pairUser.slice(0, pairCount),
        pairDevice: pairDevice.slice(0, pairCount),
        pairTier,
      };
    },
  };
}

/** Roaming administrators (users firstUser, firstUser + 1, …), each on 2,000–8,000 devices anywhere. */
function addAdministrators(
  pairs: PairList,
  adminCount: number,
  firstUser: number,
  deviceCount: number,
  pick: (count: number) => number,
): void {
  const touchedByAdmin = new Uint8Array(deviceCount);
  for (let admin = 0; admin < adminCount; admin++) {
    const user = firstUser + admin;
    const wanted = Math.min(Math.floor(deviceCount / 2), 2_000 + pick(6_001));
    touchedByAdmin.fill(0);
    for (let touched = 0; touched < wanted; ) {
      const device = pick(deviceCount);
      if (touchedByAdmin[device] === 1) continue;
      touchedByAdmin[device] = 1;
      pairs.add(user, device);
      touched++;
    }
  }
}
