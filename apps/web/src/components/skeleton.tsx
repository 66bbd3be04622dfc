/** Grey lines where content will be (loading over 300 ms shows shape, not a spinner). */
export function Skeleton({ lines }: { lines: number }) {
  return (
    <div className="skeleton-block" aria-hidden="true">
      {Array.from({ length: lines }, (_, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: placeholder lines have no identity
        <div className="skeleton-line" key={i} />
      ))}
    </div>
  );
}
