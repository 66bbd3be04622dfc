import type { Schema } from "../api/api-client.ts";
import { DataTable } from "./data-table.tsx";
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
    <DataTable
      caption={caption}
      rows={scores}
      rowKey={(s) => s.userId}
      columns={[
        { key: "agent", header: "Agent", rowHeader: true, cell: (s) => s.name },
        { key: "answers", header: "Answers", numeric: true, cell: (s) => s.attempts },
        { key: "right", header: "Right", numeric: true, cell: (s) => s.right },
        {
          key: "rate",
          header: "Rate",
          numeric: true,
          cell: (s) => formatRate(s.rateBasisPoints),
        },
        {
          key: "last",
          header: "Last answer",
          cell: (s) => `${s.lastAttemptAt.slice(0, 16).replace("T", " ")} UTC`,
        },
      ]}
    />
  );
}
