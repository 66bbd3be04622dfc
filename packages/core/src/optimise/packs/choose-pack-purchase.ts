/** A pack on sale: `size` units for `price` (integer minor units). */
export interface PackOffer {
  readonly id: string;
  readonly size: number;
  readonly price: number;
}

/** How many of one pack to buy. */
export interface PackPurchaseLine extends PackOffer {
  readonly count: number;
}

/** The packs to buy (in the order offered, only those bought), the units they give and their total price. */
export interface PackPurchase {
  readonly packs: readonly PackPurchaseLine[];
  readonly units: number;
  readonly cost: number;
}

/**
 * Chooses the cheapest multiset of packs giving at least `need` units, exactly. Over-buying is allowed
 * when it is cheaper (need 48 of packs 1/5/10/50 at 40/190/370/1750 buys one 50-pack). Among equally
 * cheap purchases it takes the fewest units, then the fewest packs. `need` 0 buys nothing.
 *
 * Dynamic programming over the units still needed, after a reduction that keeps it small for any need.
 * Let the anchor be the pack with the lowest price per unit (the largest such on a tie), of size a.
 * Any a packs other than the anchor contain a sub-multiset whose sizes add up to a multiple of a
 * (pigeonhole on prefix sums modulo a); swapping it for anchors keeps the units, never costs more,
 * and, when the cost is equal, every swapped pack has the anchor's rate and so is no larger: no more
 * packs. So some best purchase holds fewer than a non-anchor packs, at most (a-1)*maxSize units,
 * and every anchor needed beyond that can be bought up front. Throws RangeError on invalid input
 * (including an empty pack list) or when the prices could add up beyond 2^53-1.
 */
export function choosePackPurchase(need: number, packs: readonly PackOffer[]): PackPurchase {
  checkInput(need, packs);
  if (need === 0) return { packs: [], units: 0, cost: 0 };

  const anchor = findAnchor(packs);
  const { size: anchorSize, price: anchorPrice } = packs[anchor] as PackOffer;
  const maxSize = Math.max(...packs.map((pack) => pack.size));
  const otherUnitsBound = (anchorSize - 1) * maxSize;
  const anchorsUpFront =
    need > otherUnitsBound ? Math.ceil((need - otherUnitsBound) / anchorSize) : 0;
  const rest = Math.max(0, need - anchorsUpFront * anchorSize);

  // Every value the plan compares is at most one pack plus `rest` of the cheapest pack; keep it exact.
  const maxPrice = Math.max(...packs.map((pack) => pack.price));
  const minPrice = Math.min(...packs.map((pack) => pack.price));
  if (anchorsUpFront * anchorPrice + maxPrice + rest * minPrice > Number.MAX_SAFE_INTEGER) {
    throw new RangeError("pack prices are too large to add up exactly in float64");
  }
  const counts = new Array<number>(packs.length).fill(0);
  counts[anchor] = anchorsUpFront;
  const firstPack = planCovering(rest, packs);
  for (let missing = rest; missing > 0; ) {
    const pack = firstPack[missing] as number;
    counts[pack] = (counts[pack] as number) + 1;
    missing -= (packs[pack] as PackOffer).size;
  }

  const lines: PackPurchaseLine[] = [];
  let units = 0;
  let cost = 0;
  packs.forEach((pack, index) => {
    const count = counts[index] as number;
    if (count === 0) return;
    lines.push({ id: pack.id, size: pack.size, price: pack.price, count });
    units += count * pack.size;
    cost += count * pack.price;
  });
  return { packs: lines, units, cost };
}

/**
 * For every shortfall m in 1..rest, the first pack of a best purchase covering m units: the best of
 * "pack j, then a best purchase covering the remaining max(0, m - size j)". Cost, units and pack count
 * all add up, so comparing them in that order at each step gives the overall order's optimum.
 */
function planCovering(rest: number, packs: readonly PackOffer[]): Int32Array {
  const sizes = Int32Array.from(packs, (pack) => pack.size);
  const prices = Float64Array.from(packs, (pack) => pack.price);
  const cost = new Float64Array(rest + 1);
  const units = new Float64Array(rest + 1);
  const packCount = new Float64Array(rest + 1);
  const firstPack = new Int32Array(rest + 1).fill(-1);
  for (let missing = 1; missing <= rest; missing++) {
    let bestCost = Number.POSITIVE_INFINITY;
    let bestUnits = 0;
    let bestCount = 0;
    for (let pack = 0; pack < sizes.length; pack++) {
      const size = sizes[pack] as number;
      const after = missing > size ? missing - size : 0;
      const candidateCost = (prices[pack] as number) + (cost[after] as number);
      const candidateUnits = size + (units[after] as number);
      const candidateCount = 1 + (packCount[after] as number);
      if (
        candidateCost < bestCost ||
        (candidateCost === bestCost &&
          (candidateUnits < bestUnits ||
            (candidateUnits === bestUnits && candidateCount < bestCount)))
      ) {
        bestCost = candidateCost;
        bestUnits = candidateUnits;
        bestCount = candidateCount;
        firstPack[missing] = pack;
      }
    }
    cost[missing] = bestCost;
    units[missing] = bestUnits;
    packCount[missing] = bestCount;
  }
  return firstPack;
}

/** Index of the pack with the lowest price per unit, the largest among equals, the first among those. */
function findAnchor(packs: readonly PackOffer[]): number {
  let anchor = 0;
  for (let index = 1; index < packs.length; index++) {
    const pack = packs[index] as PackOffer;
    const best = packs[anchor] as PackOffer;
    // Cross-multiplied in BigInt: products of two safe integers overflow float64's exact range.
    const left = BigInt(pack.price) * BigInt(best.size);
    const right = BigInt(best.price) * BigInt(pack.size);
    if (left < right || (left === right && pack.size > best.size)) anchor = index;
  }
  return anchor;
}

function checkInput(need: number, packs: readonly PackOffer[]): void {
  if (!Number.isSafeInteger(need) || need < 0) {
    throw new RangeError(`need must be a non-negative safe integer, got ${need}`);
  }
  if (packs.length === 0)
    throw new RangeError("choosePackPurchase needs at least one pack to offer");
  for (const pack of packs) {
    if (!Number.isSafeInteger(pack.size) || pack.size < 1) {
      throw new RangeError(`pack ${pack.id} has size ${pack.size}; sizes are positive integers`);
    }
    if (!Number.isSafeInteger(pack.price) || pack.price < 0) {
      throw new RangeError(
        `pack ${pack.id} has price ${pack.price}; prices are non-negative integers`,
      );
    }
  }
}
