import type { ReactNode } from "react";

/**
 * A wide table's frame on a narrow screen: it scrolls sideways instead of widening the page, and can be
 * focused and scrolled by keyboard (a named region, so a screen reader says what it holds).
 */
export function TableScroll({ label, children }: { label: string; children: ReactNode }) {
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be reachable by keyboard (WCAG 2.1.1)
    <section className="table-scroll" aria-label={label} tabIndex={0}>
      {children}
    </section>
  );
}
