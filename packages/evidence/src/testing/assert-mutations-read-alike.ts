import fc from "fast-check";
import { mutateText, textMutations } from "../../../../test/fuzz/mutate-text.ts";

/**
 * The property a byte reading's tests share: `base` mutated anywhere (characters and lines edited),
 * read in pieces of 1 MiB, 4093 and 61 bytes, passes `assertSame` (the byte reading against its
 * streaming reader).
 */
export async function assertMutationsReadAlike(
  base: string,
  assertSame: (text: string, pieceSize: number) => Promise<unknown>,
  numRuns = 150,
): Promise<void> {
  await fc.assert(
    fc.asyncProperty(textMutations, fc.constantFrom(1 << 20, 4093, 61), async (mutations, size) => {
      await assertSame(mutateText(base, mutations), size);
    }),
    { numRuns },
  );
}
