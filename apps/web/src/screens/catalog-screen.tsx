import { useState } from "react";
import { useCatalog } from "../api/use-catalog.ts";
import { LoadError } from "../components/load-error.tsx";
import { Skeleton } from "../components/skeleton.tsx";
import { TableScroll } from "../components/table-scroll.tsx";

/** What calwise knows: every product, CAL family and rule with its sources, and the assumptions in force. */
export function CatalogScreen() {
  const catalog = useCatalog();
  const [filter, setFilter] = useState("");
  if (catalog.isPending)
    return (
      <section className="page">
        <h1>Catalog</h1>
        <Skeleton lines={10} />
      </section>
    );
  if (catalog.isError)
    return (
      <section className="page">
        <h1>Catalog</h1>
        <LoadError error={catalog.error} what="The catalog" />
      </section>
    );
  const data = catalog.data;
  const needle = filter.trim().toLowerCase();
  const match = (...texts: string[]) =>
    needle === "" || texts.some((t) => t.toLowerCase().includes(needle));
  const sourceLink = (id: string) => {
    const source = data.sources[id];
    return source === undefined ? (
      id
    ) : (
      <a href={`#source-${id}`} title={source.title}>
        {id}
      </a>
    );
  };
  const cite = (ids: readonly string[]) =>
    ids.map((id, i) => (
      <span key={id}>
        {i > 0 && ", "}
        {sourceLink(id)}
      </span>
    ));
  return (
    <section className="page" aria-labelledby="catalog-title">
      <h1 id="catalog-title">Catalog</h1>
      <p className="lead">
        {data.title} · version {data.catalogVersion}. Every answer calwise gives comes from these
        products, CAL families and rules; each cites its sources.
      </p>
      <div className="field">
        <label htmlFor="catalog-filter">Filter</label>
        <input
          id="catalog-filter"
          type="search"
          value={filter}
          onChange={(e) => setFilter(e.target.value)}
        />
      </div>
      <div className="card">
        <h2>Products</h2>
        <TableScroll label="Products, scrollable">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">Product</th>
                <th scope="col">CALs needed</th>
                <th scope="col">Limits</th>
                <th scope="col">Sources</th>
              </tr>
            </thead>
            <tbody>
              {data.products
                .filter((p) => match(p.name, p.id))
                .map((p) => (
                  <tr key={p.id}>
                    <th scope="row">
                      {p.name} <span className="code">{p.id}</span>
                    </th>
                    <td>
                      {p.cals.length === 0
                        ? "none"
                        : p.cals.map((c) => `${c.family} ${c.version}`).join(", ")}
                    </td>
                    <td>
                      {p.limits === undefined
                        ? "—"
                        : Object.entries(p.limits)
                            .map(
                              ([k, v]) => `${k} ${typeof v === "number" ? v : `(${v.assumption})`}`,
                            )
                            .join(", ")}
                    </td>
                    <td>{cite(p.sources)}</td>
                  </tr>
                ))}
            </tbody>
          </table>
        </TableScroll>
      </div>
      <div className="card">
        <h2>CAL families</h2>
        <TableScroll label="CAL families, scrollable">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">Family</th>
                <th scope="col">Versions</th>
                <th scope="col">Types</th>
                <th scope="col">Sources</th>
              </tr>
            </thead>
            <tbody>
              {data.calFamilies
                .filter((f) => match(f.name, f.id))
                .map((f) => (
                  <tr key={f.id}>
                    <th scope="row">{f.name}</th>
                    <td>{f.versions.join(", ")}</td>
                    <td>{f.types.join(", ")}</td>
                    <td>{cite(f.sources)}</td>
                  </tr>
                ))}
            </tbody>
          </table>
        </TableScroll>
      </div>
      <div className="card">
        <h2>Rules</h2>
        <dl className="rules">
          {data.rules
            .filter((r) => match(r.id, r.text))
            .map((r) => (
              <div key={r.id}>
                <dt className="code">{r.id}</dt>
                <dd>
                  {r.text} ({cite(r.sources)})
                </dd>
              </div>
            ))}
        </dl>
      </div>
      <div className="card">
        <h2>Assumptions in force</h2>
        <dl className="rules">
          {data.assumptions.map((a) => (
            <div key={a.id}>
              <dt className="code">{a.id}</dt>
              <dd>
                {a.text} Default: <strong>{String(a.default)}</strong>.
              </dd>
            </div>
          ))}
        </dl>
      </div>
      <div className="card">
        <h2>Sources</h2>
        <ol className="sources">
          {Object.entries(data.sources).map(([id, s]) => (
            <li key={id} id={`source-${id}`}>
              <span className="code">{id}</span> {s.title} (
              {s.strength === "MS" ? "Microsoft" : "third party"}):{" "}
              <a href={s.url} rel="noreferrer noopener" target="_blank">
                {s.url}
              </a>
            </li>
          ))}
        </ol>
      </div>
    </section>
  );
}
