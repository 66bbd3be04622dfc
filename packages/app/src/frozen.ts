/**
 * A type made read-only all the way down: what a use case hands out. Types derived from zod schemas
 * are mutable; freezing them lets values built from read-only parts (the engine's result) fit.
 */
export type Frozen<T> = T extends readonly (infer E)[]
  ? readonly Frozen<E>[]
  : T extends object
    ? { readonly [K in keyof T]: Frozen<T[K]> }
    : T;
