export type { FlowNetwork, MinCutResult } from "./optimise/graph/flow-network.ts";
