import type { Schema } from "../api/api-client.ts";
import { formatRate } from "./format-rate.ts";

/** Training scores per agent: attempts, right answers, rate and last attempt (the figures the dashboard shows). */
export function TrainingScoresTable({
  scores,
  caption,
}: {
  scores: readonly Schema<"TrainingScore">[];
  caption: string;
}) {
  if (scores.length === 0)
    return (
      <p className="empty">
        No training answers yet. Each answer checked on the Training screen counts here.
      </p>
    );
  return (
    <table className="table">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">Agent</th>
          <th scope="col" className="num">
            Answers
          </th>
          <th scope="col" className="num">
            Right
          </th>
          <th scope="col" className="num">
            Rate
          </th>
          <th scope="col">Last answer</th>
        </tr>
      </thead>
      <tbody>
        {scores.map((s) => (
          <tr key={s.userId}>
            <th scope="row">{s.name}</th>
            <td className="num">{s.attempts}</td>
            <td className="num">{s.right}</td>
            <td className="num">{formatRate(s.rateBasisPoints)}</td>
            <td>{s.lastAttemptAt.slice(0, 16).replace("T", " ")} UTC</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
