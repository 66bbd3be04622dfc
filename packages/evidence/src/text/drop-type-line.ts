/**
 * Drops the `#TYPE System.Diagnostics…` line that Windows PowerShell's `Export-Csv` writes before the
 * header, calling `onDropped` when it did, so line numbers can stay true to the file.
 */
export async function* dropTypeLine(
  text: AsyncIterable<string>,
  onDropped: () => void,
): AsyncGenerator<string> {
  let head = "";
  let decided = false;
  for await (const piece of text) {
    if (decided) {
      yield piece;
      continue;
    }
    head += piece;
    const newline = head.indexOf("\n");
    if (newline === -1 && head.length < 4096) continue;
    decided = true;
    if (head.startsWith("#TYPE") || head.startsWith("#")) {
      onDropped();
      const rest = newline === -1 ? "" : head.slice(newline + 1);
      if (rest) yield rest;
    } else yield head;
  }
  if (!decided && head) {
    if (head.startsWith("#")) onDropped();
    else yield head;
  }
}
