/**
 * A deeply read-only view of a type: what a schema's `z.output` becomes where the core hands it out, so a
 * result built once cannot be changed by a caller and readonly arrays may be used to build it.
 */
export type Frozen<T> = T extends (...args: never[]) => unknown
  ? T
  : T extends readonly (infer E)[]
    ? readonly Frozen<E>[]
    : T extends object
      ? { readonly [K in keyof T]: Frozen<T[K]> }
      : T;
