import { useQuery } from "@tanstack/react-query";
import { Link } from "react-router";
import { callApi } from "../api/api-client.ts";
import { Skeleton } from "../components/skeleton.tsx";

/** The prompt without the title it starts with (the heading above says it): "A customer buys …". */
function withoutTitle(prompt: string, title: string | null): string {
  if (title === null || !prompt.startsWith(`${title}: `)) return prompt;
  const rest = prompt.slice(title.length + 2);
  return `${rest.charAt(0).toUpperCase()}${rest.slice(1)}`;
}

/**
 * The printable training handout: the organisation's logo and name, then each exercise with its answer, the
 * engine's sentence, and the rule and source behind it. The print stylesheet drops the app's frame.
 */
export function TrainingHandoutScreen() {
  const handout = useQuery({
    queryKey: ["training-handout"],
    queryFn: ({ signal }) => callApi("get", "/v1/training/handout", { signal }),
  });
  const branding = useQuery({
    queryKey: ["branding"],
    queryFn: ({ signal }) => callApi("get", "/v1/organisation/branding", { signal }),
  });
  const data = handout.data;
  return (
    <section className="page handout" aria-labelledby="handout-title">
      <p className="breadcrumb no-print">
        <Link to="/training">Training</Link>
      </p>
      {data === undefined || branding.data === undefined ? (
        <Skeleton lines={8} />
      ) : (
        <>
          <header className="handout-header">
            {branding.data.logo !== null && (
              <img
                className="handout-logo"
                src={branding.data.logo.url}
                alt={`${branding.data.name} logo`}
              />
            )}
            <div>
              <p className="handout-organisation">{branding.data.name}</p>
              <h1 id="handout-title">CALs at the point of sale: training handout</h1>
            </div>
          </header>
          <p className="lead">
            Every Windows Server sold needs a Client Access Licence (CAL) for each user or each
            device that connects to it. Each customer below is answered by calwise
            {data.priceList === null
              ? " with the fewest CALs"
              : ` with the cheapest CALs at our prices (${data.priceList})`}
            , with the rule and the source behind the answer.
          </p>
          <p className="no-print">
            <button type="button" className="button" onClick={() => window.print()}>
              Print the handout
            </button>
          </p>
          {data.exercises.length === 0 ? (
            <p className="empty">No exercises to print: add scenarios or ask for generated ones.</p>
          ) : (
            <ol className="handout-exercises">
              {data.exercises.map((e, i) => (
                <li key={e.id} className="handout-exercise">
                  <h2>{e.title ?? `Customer ${i + 1}`}</h2>
                  <p>{withoutTitle(e.prompt, e.title)}</p>
                  {e.note !== null && <p className="hint">{e.note}</p>}
                  <p>
                    <strong>Answer: </strong>
                    {e.answer.length === 0
                      ? "no CALs"
                      : e.answer.map((a) => `${a.count} ${a.name} (${a.type})`).join(", ")}
                  </p>
                  <p>{e.sentence}</p>
                  <dl className="handout-rules">
                    {e.rules.map((r) => (
                      <div key={r.id}>
                        <dt>Rule {r.id}</dt>
                        <dd>{r.text}</dd>
                      </div>
                    ))}
                  </dl>
                  <p className="sources">
                    Sources: {e.sources.map((s) => `${s.id} ${s.title}`).join("; ")}
                  </p>
                </li>
              ))}
            </ol>
          )}
        </>
      )}
    </section>
  );
}
