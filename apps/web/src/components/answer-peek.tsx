import { useEffect, useState } from "react";
import type { Schema } from "../api/api-client.ts";
import { formatCountOf } from "../format/format-count.ts";
import { Money } from "./money.tsx";

type SaleAnswer = Schema<"SaleAnswer">;

/**
 * The answer in one line, pinned to the bottom of a phone's screen while the answer itself is out of view below
 * the form (the columns stack under 720 px): the agent changing a count sees the CALs and the price change without
 * scrolling, and one tap brings the whole answer. Hidden while any of the answer is on screen, and on wider
 * screens, where the answer sits beside the form. Not a live region: the answer's sentence already is one.
 */
export function AnswerPeek(props: {
  answer: SaleAnswer | undefined;
  answerId: string;
  stale: boolean;
  invalid: boolean;
}) {
  const { answer, answerId } = props;
  const answerInView = useInView(answerId);
  if (answer === undefined || answerInView) return null;
  const cannotServe = answer.editionWarnings.length > 0;
  const summary = props.invalid
    ? "Correct the highlighted field"
    : cannotServe
      ? "This edition cannot serve them"
      : answer.cals.length === 0
        ? "No CALs needed"
        : answer.cals.map((line) => formatCountOf(line.count, `${line.type} CAL`)).join(" + ");
  const priced = !props.invalid && !cannotServe && answer.purchaseTotal !== null;
  return (
    <button
      type="button"
      className={`answer-peek${props.stale ? " answer-stale" : ""}`}
      onClick={() =>
        document.getElementById(answerId)?.scrollIntoView({ behavior: "smooth", block: "start" })
      }
    >
      <span className="answer-peek-summary">{summary}</span>
      {priced && <Money minor={answer.purchaseTotal} currency={answer.currency} />}
      <span className="answer-peek-more">See the answer ↓</span>
    </button>
  );
}

/** Whether any of the element with `id` is inside the viewport, followed as the page scrolls or resizes. */
function useInView(id: string): boolean {
  const [inView, setInView] = useState(true);
  useEffect(() => {
    const element = document.getElementById(id);
    if (element === null) return;
    const observer = new IntersectionObserver((entries) => {
      const last = entries[entries.length - 1];
      if (last !== undefined) setInView(last.isIntersecting);
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, [id]);
  return inView;
}
