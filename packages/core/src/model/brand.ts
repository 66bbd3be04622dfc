/** A nominal type: a `number` or `string` that cannot be mixed with another brand by accident. */
export type Brand<T, Name extends string> = T & { readonly __brand: Name };

/** An amount of money in integer minor units (cents), always paired with a currency. */
export type MinorUnits = Brand<number, "MinorUnits">;

/** A count of CALs, users, devices or licences: a non-negative integer. */
export type Count = Brand<number, "Count">;

/** Money: integer minor units and an ISO 4217 currency code. Never a float. */
export interface Money {
  readonly amount: MinorUnits;
  readonly currency: string;
}

/** Makes MinorUnits from a safe integer; a float or unsafe integer is a bug, so it throws. */
export function minorUnits(value: number): MinorUnits {
  if (!Number.isSafeInteger(value))
    throw new RangeError(`money must be integer minor units, got ${value}`);
  return value as MinorUnits;
}
