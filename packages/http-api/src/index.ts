export type { ApiEnv } from "./api-env.ts";
export { hashPassword, minimumPasswordLength, verifyPassword } from "./auth/hash-password.ts";
export { slugOf } from "./auth/slug-of.ts";
export { createApi } from "./create-api.ts";
export type { ProblemDetails } from "./problem-details.ts";
export { problemDetails, problemDetailsSchema } from "./problem-details.ts";
export type { ServerDependencies } from "./server-dependencies.ts";
