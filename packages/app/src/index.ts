export { formatProblems } from "./format-problems.ts";
export {
  loadDeploymentFile,
  loadPriceListData,
  resolveDeploymentData,
} from "./load-deployment-file.ts";
export { readTextFile } from "./read-text-file.ts";
