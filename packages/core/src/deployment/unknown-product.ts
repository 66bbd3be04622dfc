import { matchEditions } from "../catalog/match-editions.ts";
import type { InputProblem } from "../errors/input-problem.ts";
import { unknownReference } from "../errors/unknown-reference.ts";

const SUGGESTED = 3;

/**
 * The problem of a product name the catalog does not know, with the nearest catalog products when the name is
 * close to some ("Windows Server 2019 Standrad", "ws2019-standrad": did you mean ws2019-standard (Windows Server
 * 2019 Standard)?). Nearness is the point of sale's edition search (`matchEditions`: every word typed, in any
 * order, abbreviated or misspelt by a letter or two), with an id's dashes read as spaces; none near: the names
 * that exist.
 */
export function unknownProduct(
  path: string,
  what: string,
  value: string,
  products: readonly { readonly id: string; readonly name: string }[],
): InputProblem {
  const near = matchEditions(products, value.replace(/[-_]+/g, " ")).slice(0, SUGGESTED);
  if (near.length === 0 || value.trim() === "")
    return unknownReference(
      path,
      what,
      value,
      products.map((p) => p.id),
    );
  const named = near.map((p) => `${p.id} (${p.name})`);
  return {
    code: "UNKNOWN_REFERENCE",
    path,
    message: `unknown ${what} '${value}': did you mean ${named.length === 1 ? named[0] : `${named.slice(0, -1).join(", ")} or ${named.at(-1)}`}?`,
    expected: `a ${what} id from \`calwise catalog\`, such as ${near.map((p) => p.id).join(", ")}`,
    received: value,
  };
}
