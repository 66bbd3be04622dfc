import { saleQuestionSchema } from "@calwise/app/sale-question";
import { matchEditions } from "@calwise/core/match-editions";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useEffect, useId, useMemo, useRef, useState } from "react";
import { ApiError, callApi, type Schema } from "../api/api-client.ts";
import { useCatalog } from "../api/use-catalog.ts";
import { AddToQuote } from "../components/add-to-quote.tsx";
import { AnswerPeek } from "../components/answer-peek.tsx";
import { type Column, DataTable } from "../components/data-table.tsx";
import { Field } from "../components/field.tsx";
import { type FieldErrors, fieldErrorsOf, fieldErrorsOfApi } from "../components/form-errors.tsx";
import { Money } from "../components/money.tsx";
import { TotalRow } from "../components/total-row.tsx";
import { formatCount } from "../format/format-count.ts";
import {
  countsOfFinding,
  formatFindingCounts,
  formatStatedCounts,
} from "../format/format-finding-counts.ts";
import { saleAnswerNotes } from "../format/sale-answer-notes.ts";

type SaleAnswer = Schema<"SaleAnswer">;

interface Form {
  product: string;
  users: string;
  devices: string;
  sharedDevices: string;
  rds: boolean;
  sqlProduct: string;
}

const initial: Form = {
  product: "ws2025-standard",
  users: "12",
  devices: "5",
  sharedDevices: "5",
  rds: false,
  sqlProduct: "",
};

/** Waits until the agent pauses typing for `ms`, so one answer is asked for per pause, not per key. */
function useDebounced<T>(value: T, ms: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}

const count = (text: string) => (text.trim() === "" ? 0 : Number(text));

/**
 * Point of sale (issue 13): the server sold, staff, devices, shared devices, RDS/SQL; as the agent types, the
 * engine's answer (POST /v1/point-of-sale): CALs, cheapest packs and price, a sentence to say, the edition
 * warning with the editions that can serve. The previous answer stays on screen while the next is asked.
 */
export function PointOfSaleScreen() {
  const catalog = useCatalog();
  const [form, setForm] = useState<Form>(initial);
  const [search, setSearch] = useState("");
  const ids = useId();
  const question = useMemo(
    () => ({
      product: form.product,
      users: count(form.users),
      devices: count(form.devices),
      sharedDevices: count(form.sharedDevices),
      rds: form.rds,
      ...(form.sqlProduct === "" ? {} : { sqlProduct: form.sqlProduct }),
    }),
    [form],
  );
  const checked = saleQuestionSchema.safeParse(question);
  const localErrors: FieldErrors = checked.success ? {} : fieldErrorsOf(checked.error);
  const asked = useDebounced(checked.success ? checked.data : undefined, 40);
  const started = useRef(new Map<string, number>());
  const answer = useQuery({
    queryKey: ["point-of-sale", asked],
    enabled: asked !== undefined,
    placeholderData: keepPreviousData,
    staleTime: Number.POSITIVE_INFINITY,
    retry: false,
    queryFn: ({ signal }) => {
      started.current.set(JSON.stringify(asked), performance.now());
      return callApi("post", "/v1/point-of-sale", { body: asked, signal });
    },
  });
  // The last answer stays on screen (no layout jump) while the next is asked, or while a field is wrong.
  const lastAnswer = useRef<SaleAnswer | undefined>(undefined);
  if (answer.data !== undefined) lastAnswer.current = answer.data;
  // Request → rendered, per answer: the bench (scripts/bench-web-point-of-sale.ts) reads these measures.
  useEffect(() => {
    if (answer.data === undefined || answer.isPlaceholderData) return;
    const key = JSON.stringify(asked);
    const start = started.current.get(key);
    if (start === undefined) return;
    started.current.delete(key);
    performance.measure("calwise:pos-answer", { start, end: performance.now() });
  }, [answer.data, answer.isPlaceholderData, asked]);

  // The answer on screen is being replaced, or cannot stand for the fields as they are: both the answer and its
  // pinned line on a phone say so.
  const stale = answer.isPlaceholderData || answer.isFetching;
  const invalid = !checked.success || answer.error instanceof ApiError;
  const serverErrors = answer.error instanceof ApiError ? fieldErrorsOfApi(answer.error) : {};
  const errors = { ...serverErrors, ...localErrors };
  const editions = (catalog.data?.products ?? []).filter((p) => p.kind === "operating-system");
  const sqlEditions = (catalog.data?.products ?? []).filter((p) => p.services?.sql !== undefined);
  // Every word typed, in any order, abbreviated or misspelt by a letter: "2022 ess", "2012 r2 standrad".
  const matches = matchEditions(editions, search);
  // The edition chosen stays in the list while the search narrows it, so the select always shows it.
  const chosen = editions.find((p) => p.id === form.product);
  const shown = chosen === undefined || matches.includes(chosen) ? matches : [chosen, ...matches];
  const set = (field: keyof Form) => (value: string | boolean) =>
    setForm((f) => ({ ...f, [field]: value }));
  // The list opens at its top, so the edition chosen (the default, or one picked by Enter in the search) is
  // scrolled into the list's view: the agent always sees which server the answer is for. Again whenever the list
  // changes size (a tablet's smaller type, then a laptop's): a scroll made for other row heights left the chosen
  // edition half out of view at 1280 px.
  useEffect(() => {
    const list = document.getElementById("product");
    if (!(list instanceof HTMLSelectElement) || shown.length === 0) return;
    showChosenOption(list);
    const resized = new ResizeObserver(() => showChosenOption(list));
    resized.observe(list);
    return () => resized.disconnect();
  }, [shown.length]);

  return (
    <section className="page pos" aria-labelledby={`${ids}-title`}>
      <h1 id={`${ids}-title`}>Point of sale</h1>
      <div className="pos-grid">
        <form className="pos-form card" onSubmit={(e) => e.preventDefault()} aria-label="The sale">
          <div className="field">
            <label htmlFor="edition-search">Find the edition</label>
            <input
              id="edition-search"
              type="search"
              value={search}
              // Nothing to search until the editions are there: Enter would pick nothing and say nothing.
              disabled={!catalog.isSuccess}
              placeholder="2022, Essentials, Datacenter…"
              onChange={(e) => setSearch(e.target.value)}
              onKeyDown={(e) => {
                const first = matches[0];
                if (e.key === "Enter" && first !== undefined) {
                  e.preventDefault();
                  set("product")(first.id);
                }
              }}
              aria-describedby="edition-search-hint"
            />
            <p className="hint" id="edition-search-hint">
              {catalog.isPending
                ? "Loading the editions…"
                : "Type to narrow the list; Enter picks the first match."}
            </p>
            {/* Said, not only shown by an emptier list: the answer beside stays for the edition chosen before. */}
            <p className="error-text" role="status">
              {catalog.isSuccess && search.trim() !== "" && matches.length === 0
                ? `No edition matches “${search.trim()}”: the answer is still for ${chosen?.name ?? "the edition chosen"}.`
                : ""}
            </p>
            {catalog.isError && (
              <p className="error-text" role="alert">
                The editions could not be loaded, so no server can be chosen. Reload the page to try
                again.
              </p>
            )}
          </div>
          <Field id="product" label="Server being sold" error={errors.product}>
            {(control) => (
              <select
                {...control}
                value={form.product}
                onChange={(e) => set("product")(e.target.value)}
                size={Math.min(8, Math.max(3, shown.length))}
                disabled={!catalog.isSuccess}
                aria-busy={catalog.isPending}
              >
                {catalog.isPending && <option value={form.product}>Loading editions…</option>}
                {shown.map((p) => (
                  <option key={p.id} value={p.id}>
                    {p.name}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <div className="field-row">
            <NumberField
              id="users"
              label="Staff"
              hint="people who connect"
              value={form.users}
              error={errors.users}
              onChange={set("users")}
            />
            <NumberField
              id="devices"
              label="Devices"
              hint="PCs, laptops, phones"
              value={form.devices}
              error={errors.devices}
              onChange={set("devices")}
            />
            <NumberField
              id="sharedDevices"
              label="Shared devices"
              hint="of those, any of the staff may use"
              value={form.sharedDevices}
              error={errors.sharedDevices}
              onChange={set("sharedDevices")}
            />
          </div>
          <div className="field checkbox">
            <input
              id="rds"
              type="checkbox"
              checked={form.rds}
              onChange={(e) => set("rds")(e.target.checked)}
            />
            <label htmlFor="rds">They use Remote Desktop on this server</label>
          </div>
          <div className={`field${errors.sqlProduct ? " field-error" : ""}`}>
            <label htmlFor="sqlProduct">SQL Server on this server</label>
            {/* Disabled until the SQL Server editions are there: "None" alone is not a choice. */}
            <select
              id="sqlProduct"
              value={form.sqlProduct}
              onChange={(e) => set("sqlProduct")(e.target.value)}
              disabled={!catalog.isSuccess}
              aria-busy={catalog.isPending}
            >
              <option value="">
                {catalog.isPending ? "Loading SQL Server editions…" : "None"}
              </option>
              {sqlEditions.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name}
                </option>
              ))}
            </select>
          </div>
        </form>
        <SaleAnswerPanel
          answer={lastAnswer.current}
          stale={stale}
          failed={
            answer.error !== null &&
            !(answer.error instanceof ApiError && answer.error.status === 400)
          }
          invalid={invalid}
          onSwitch={(product) => set("product")(product)}
        />
      </div>
      <AnswerPeek answer={lastAnswer.current} answerId="answer" stale={stale} invalid={invalid} />
    </section>
  );
}

/**
 * Scrolls a list box so its chosen option is whole and near the middle, by whole rows: the top row is never cut in
 * half (a scroll of half a row showed the edition above the chosen one as a sliver).
 */
function showChosenOption(list: HTMLSelectElement): void {
  const option = list.selectedOptions[0];
  if (option === undefined || option.offsetHeight === 0) return;
  const row = option.offsetHeight;
  const rows = Math.max(1, Math.floor(list.clientHeight / row));
  const index = list.selectedIndex;
  const top = Math.max(0, Math.min(index - Math.floor((rows - 1) / 2), list.options.length - rows));
  // An option's offset from the list's padding box, which is what scrollTop counts in (the padding scrolls too).
  const first = list.options[top] ?? option;
  list.scrollTop = top === 0 ? 0 : first.offsetTop - list.offsetTop - list.clientTop;
}

function NumberField(props: {
  id: string;
  label: string;
  hint: string;
  value: string;
  error: string | undefined;
  onChange: (value: string) => void;
}) {
  return (
    <Field id={props.id} label={props.label} hint={props.hint} error={props.error}>
      {(control) => (
        <input
          {...control}
          type="number"
          inputMode="numeric"
          min={0}
          max={5000}
          step={1}
          value={props.value}
          onChange={(e) => props.onChange(e.target.value)}
        />
      )}
    </Field>
  );
}

/** The CALs the answer needs: which, version, per user or device, how many. */
const calColumns: readonly Column<SaleAnswer["cals"][number]>[] = [
  { key: "cal", header: "CAL", cell: (line) => line.name },
  { key: "version", header: "Version", cell: (line) => line.version },
  { key: "type", header: "Per", cell: (line) => line.type },
  { key: "count", header: "How many", numeric: true, cell: (line) => formatCount(line.count) },
];

type PackRow = {
  family: string;
  /** The CAL version the pack sells: a later one than needed when the list has none of that version. */
  version: string;
  pack: SaleAnswer["purchases"][number]["packs"][number];
};

/** The cheapest packs: the pack with its SKU, how many, their price in the answer's currency. */
function packColumns(currency: string | null): readonly Column<PackRow>[] {
  return [
    {
      key: "pack",
      header: "Pack",
      // One element, so a stacked row (a phone) keeps the pack and its SKU together beside "Pack".
      cell: ({ pack, version }) => (
        <span>
          {pack.size === 1 ? "single CAL" : `${pack.size}-pack`}, {version}{" "}
          <span className="code">{pack.sku}</span>
        </span>
      ),
    },
    { key: "count", header: "Count", numeric: true, cell: ({ pack }) => formatCount(pack.count) },
    {
      key: "price",
      header: "Price",
      numeric: true,
      cell: ({ pack }) => <Money minor={pack.price * pack.count} currency={currency} />,
    },
  ];
}

/**
 * The counts an answer's sentence states: the CALs and the packs, or the staff and devices an edition cannot
 * serve (its warnings' received values).
 */
function countsOfAnswer(answer: SaleAnswer): number[] {
  return [
    ...answer.cals.map((line) => line.count),
    ...answer.purchases.flatMap((line) => line.packs.map((pack) => pack.count)),
    ...answer.editionWarnings.flatMap((warning) => [...countsOfFinding(warning)]),
  ];
}

function SaleAnswerPanel(props: {
  answer: SaleAnswer | undefined;
  stale: boolean;
  failed: boolean;
  invalid: boolean;
  onSwitch: (product: string) => void;
}) {
  const { answer } = props;
  const cannotServe = (answer?.editionWarnings.length ?? 0) > 0;
  return (
    <section
      id="answer"
      className={`answer card${props.stale ? " answer-stale" : ""}`}
      aria-labelledby="answer-title"
      aria-busy={props.stale}
    >
      <h2 id="answer-title" className="visually-hidden">
        Answer
      </h2>
      {answer === undefined ? (
        <div className="answer-sentence skeleton" aria-hidden={!props.failed}>
          {props.failed
            ? "calwise could not answer just now. Check your connection; the answer comes back as you type."
            : "Working out the CALs…"}
        </div>
      ) : (
        <>
          <p className="answer-sentence" aria-live="polite">
            {props.invalid
              ? "Correct the highlighted field to see the answer."
              : // A non-breaking hyphen keeps "5-pack" on one line.
                formatStatedCounts(answer.sentence, countsOfAnswer(answer)).replaceAll(
                  "-pack",
                  "\u2011pack",
                )}
          </p>
          {answer.editionWarnings.length > 0 && (
            <EditionWarning warnings={answer.editionWarnings} onSwitch={props.onSwitch} />
          )}
          <DataTable
            caption="CALs needed"
            columns={calColumns}
            stacked
            rows={answer.cals}
            rowKey={(line) => `${line.family}-${line.version}-${line.type}`}
            empty={cannotServe ? "— (this edition cannot serve them)" : "None"}
          />
          <DataTable
            caption={`Cheapest packs${answer.priceList !== null ? ` (${answer.priceList.name})` : ""}`}
            columns={packColumns(answer.currency)}
            stacked
            rows={answer.purchases.flatMap((line) =>
              line.packs.map((pack) => ({ family: line.family, version: line.version, pack })),
            )}
            rowKey={(row) => `${row.family}-${row.pack.sku}`}
            empty={
              cannotServe
                ? "— (sell an edition that can serve them)"
                : answer.priceList === null && answer.cals.length > 0
                  ? "No price list yet: the counts above are what to sell."
                  : "Nothing to buy"
            }
            footer={
              // No total (not €0.00) for an edition that cannot serve them: nothing here is the price.
              <TotalRow
                columns={3}
                minor={cannotServe ? null : answer.purchaseTotal}
                currency={cannotServe ? null : answer.currency}
              />
            }
          />
          {saleAnswerNotes(answer).map((note) => (
            <p className="hint" key={note}>
              {note}
            </p>
          ))}
          {answer.cals.length > 0 && answer.editionWarnings.length === 0 && !props.invalid && (
            <AddToQuote
              deployment={answer.deployment}
              currency={answer.currency}
              stale={props.stale}
            />
          )}
        </>
      )}
    </section>
  );
}

/** One box for every cap the edition exceeds, with the editions that serve the whole load (all findings agree). */
function EditionWarning(props: {
  warnings: SaleAnswer["editionWarnings"];
  onSwitch: (product: string) => void;
}) {
  const serving = (props.warnings[0]?.remedyEditions ?? []).filter((edition) =>
    props.warnings.every((w) => w.remedyEditions?.some((e) => e.product === edition.product)),
  );
  return (
    <div className="warning">
      <p>
        <strong>This edition cannot serve them.</strong>
      </p>
      <ul>
        {props.warnings.map((warning) => (
          <li key={`${warning.code}-${warning.message}`}>
            {formatFindingCounts(warning.message, warning)}
            {warning.message.endsWith(".") ? " " : ". "}
            <span className="code">
              rule {warning.rule} · {warning.sources.join(", ")}
            </span>
          </li>
        ))}
      </ul>
      <p>
        {serving.length === 0
          ? "No edition calwise knows of serves this load on one server: split it over several servers."
          : "Sell one of these instead (choose one to switch to it):"}
      </p>
      {/* One edition a line: the names are long, and wrapped side by side they could not be told apart. */}
      {serving.length > 0 && (
        <ul className="sell-instead">
          {serving.map((edition) => (
            <li key={edition.product}>
              <button
                type="button"
                className="button-link"
                onClick={() => props.onSwitch(edition.product)}
              >
                {edition.name}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
