import type { CalMix } from "./choose-cal-mix.ts";
import type { TierChainLayout } from "./graph/lay-out-tier-chains.ts";
import type { TierChainCapacities, TierChainCut } from "./graph/solve-tier-chain-cut.ts";
import { HolderTiers } from "./holder-tiers.ts";

/**
 * The maximum flow behind a cover of `chooseIndexedCalMix`, kept for the bound that reads it
 * (`bound-by-cut-flow.ts`): the implicit tier-chain network, its flows (checked by `verifyTierChainCut`
 * before they are kept), and how its capacities relate to the cut's weights: each priced arc is `scale` ×
 * the holder's price step plus a tie weight, and all tie weights together are at most `tieTotal`.
 */
export interface CutFlow {
  readonly layout: TierChainLayout;
  readonly cut: TierChainCut;
  readonly capacities: TierChainCapacities;
  readonly scale: number;
  readonly tieTotal: number;
}

// Keyed by the cover's array of user tiers (the cover owns it): a flow lives as long as its cover and no longer.
const flows = new WeakMap<Int32Array, CutFlow>();

/** Keeps the checked flow of a cut whose users' tiers are `userTier` (only cuts with no tier already held). */
export function rememberCutFlow(userTier: Int32Array, flow: CutFlow): void {
  flows.set(userTier, flow);
}

/** The checked maximum flow of the cut that gave `mix`, when it was kept. */
export function cutFlowOf(mix: CalMix): CutFlow | undefined {
  return mix.userTier instanceof HolderTiers ? flows.get(mix.userTier.tiers) : undefined;
}
