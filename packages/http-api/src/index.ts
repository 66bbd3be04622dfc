export type { ApiEnv } from "./api-env.ts";
export { hashPassword, minimumPasswordLength, verifyPassword } from "./auth/hash-password.ts";
export { slugOf } from "./auth/slug-of.ts";
export { createApi } from "./create-api.ts";
export { removeIncomingUploads } from "./evidence/remove-incoming-uploads.ts";
export {
  defaultMaxAuditFiles,
  defaultUploadLimits,
  type UploadLimits,
} from "./evidence/upload-limits.ts";
export { createJobWorker, type JobWorker, type JobWorkerOptions } from "./jobs/job-worker.ts";
export type { ProblemDetails } from "./problem-details.ts";
export { problemDetails, problemDetailsSchema } from "./problem-details.ts";
export type { ServerDependencies } from "./server-dependencies.ts";
