// The structure of docs/benchmarks.md. `npm run bench` owns the part between two markers: the machine, one
// targets table per issue and its sections, each section in its own markers with when it ran, how long,
// under which load and by which command, and its target rows (as JSON in an HTML comment, so a later
// `--only=` run can rebuild every issue's table without re-measuring). A run replaces only the sections it
// ran; everything outside the markers (the history measured by hand, and what helpers add at the end) is
// kept byte for byte.
import { rankVerdict, renderTable } from "./bench-markdown.ts";

/** One row of an issue's targets table. */
export interface BenchTarget {
  readonly issue: number;
  readonly target: string;
  readonly measured: string;
  /** As rendered: "met", "**not met**: why", "not judged: why" (`renderVerdict`). */
  readonly verdict: string;
  /** For the tables only (not stored): the section and the day it ran. */
  readonly source?: string;
}

/** One generated section: its Markdown, its targets and when, how and under which load it ran. */
export interface SectionRun {
  /** The `--only=` name (optimiser, hard-families, …). */
  readonly name: string;
  /** When it ended, ISO 8601 UTC. */
  readonly ran: string;
  /** How long it took; unknown for a section carried over from a run that timed only the whole. */
  readonly minutes?: number;
  /** The lowest and highest 1-minute load average seen while it ran. */
  readonly load: readonly [number, number];
  /** The command that ran it. */
  readonly command: string;
  readonly targets: readonly BenchTarget[];
  readonly markdown: string;
}

/** The line before the generated part. */
export const generatedBegin =
  "<!-- bench:generated:begin: written by `npm run bench` (scripts/bench.ts) down to bench:generated:end; edit nothing in between by hand -->";
/** The line after the generated part. */
export const generatedEnd = "<!-- bench:generated:end -->";

const sectionPattern =
  /<!-- bench:section (\{.*\}) -->\n([\s\S]*?)\n<!-- bench:section-end ([\w-]+) -->/g;

/** A section with its markers; its metadata and targets as JSON in the opening comment. */
export function renderSection(run: SectionRun): string {
  const { markdown, ...meta } = run;
  // `>` escaped so no text in the JSON can close the comment.
  const json = JSON.stringify(meta).replaceAll(">", "\\u003e");
  return `<!-- bench:section ${json} -->\n\n${markdown.trim()}\n\n<!-- bench:section-end ${run.name} -->`;
}

/** The sections in a document (or its generated part), in order; text outside them is ignored. */
export function readSections(document: string): SectionRun[] {
  const runs: SectionRun[] = [];
  for (const match of document.matchAll(sectionPattern)) {
    const meta = JSON.parse(match[1] as string) as Omit<SectionRun, "markdown">;
    if (meta.name !== match[3]) continue;
    runs.push({ ...meta, markdown: (match[2] as string).trim() });
  }
  return runs;
}

/** The sections of `previous` with those of `fresh` put in their place (or added), in `order`. */
export function mergeSections(
  previous: readonly SectionRun[],
  fresh: readonly SectionRun[],
  order: readonly string[],
): SectionRun[] {
  const byName = new Map(previous.map((run) => [run.name, run]));
  for (const run of fresh) byName.set(run.name, run);
  const position = (name: string) => {
    const index = order.indexOf(name);
    return index < 0 ? order.length : index;
  };
  return [...byName.values()].sort((a, b) => position(a.name) - position(b.name));
}

/** A target row split into the case it is about (a family, a size, a store) and the target itself. */
const casePattern = /^(?<subject>[^:]+?)(?:, (?<size>[\d,]+ pairs))?: (?<what>.+)$/s;

/**
 * One row per target with every case it was measured on: rows of the same issue whose text after the case
 * (`family[, N pairs]: target`) is the same become one row listing each case's figure, worst verdict first,
 * with a verdict that is not met when any case is not (how many of how many). A target measured on one
 * case keeps its row as it is.
 */
export function groupTargetsByCase(rows: readonly BenchTarget[]): BenchTarget[] {
  const groups = new Map<string, { subject: string; row: BenchTarget }[]>();
  const order: (BenchTarget | string)[] = [];
  for (const row of rows) {
    const match = casePattern.exec(row.target)?.groups;
    if (match === undefined) {
      order.push(row);
      continue;
    }
    const what = `${match.size ? `${match.size}: ` : ""}${match.what}`;
    const key = `${row.issue}\u0000${what}`;
    if (!groups.has(key)) {
      groups.set(key, []);
      order.push(key);
    }
    groups.get(key)?.push({ subject: match.subject as string, row });
  }
  return order.map((entry) => {
    if (typeof entry !== "string") return entry;
    const members = groups.get(entry) ?? [];
    const first = members[0] as { subject: string; row: BenchTarget };
    if (members.length === 1) return first.row;
    const ranked = members
      .map((member, index) => ({ ...member, index }))
      .sort((a, b) => rankVerdict(a.row.verdict) - rankVerdict(b.row.verdict) || a.index - b.index);
    const failing = members.filter((member) => rankVerdict(member.row.verdict) === 0).length;
    const unjudged = members.filter((member) => rankVerdict(member.row.verdict) === 1).length;
    // A reason shared by every case is said once, in the verdict; a case's own reason stays with it.
    const reasonOf = (verdict: string) => /^[^:]*: (.*)$/s.exec(verdict)?.[1];
    const reasons = [
      ...new Set(
        members
          .filter((member) => rankVerdict(member.row.verdict) < 2)
          .map((member) => reasonOf(member.row.verdict)),
      ),
    ];
    const shared = reasons.length === 1 ? reasons[0] : undefined;
    const headOf = (verdict: string) =>
      shared === undefined ? verdict : verdict.slice(0, verdict.length - shared.length - 2);
    const verdict =
      (failing > 0
        ? `**not met** (${failing} of ${members.length})`
        : unjudged > 0
          ? `not judged (${unjudged} of ${members.length})`
          : `met (all ${members.length})`) + (shared === undefined ? "" : `: ${shared}`);
    const sources = [...new Set(members.map((member) => member.row.source ?? ""))];
    return {
      issue: first.row.issue,
      ...(sources.join("") === "" ? {} : { source: sources.join(", ") }),
      target: entry.slice(entry.indexOf("\u0000") + 1),
      measured: ranked
        .map(
          ({ subject, row }) =>
            `${subject}: ${row.measured}${rankVerdict(row.verdict) === 2 ? "" : ` (${headOf(row.verdict)})`}`,
        )
        .join("; "),
      verdict,
    };
  });
}

/**
 * Every issue's targets table, issues in ascending order: one row per target with every case (family, size,
 * store) it was measured on, worst case first; rows worst verdict first (stable otherwise).
 */
export function renderTargetTables(sections: readonly SectionRun[]): string {
  const rows = sections.flatMap((run) =>
    run.targets.map((row) => ({ ...row, source: `${run.name}, ${run.ran.slice(0, 10)}` })),
  );
  const issues = [...new Set(rows.map((row) => row.issue))].sort((a, b) => a - b);
  return issues
    .map((issue) => {
      const mine = groupTargetsByCase(rows.filter((row) => row.issue === issue))
        .map((row, index) => ({ row, index }))
        .sort(
          (a, b) => rankVerdict(a.row.verdict) - rankVerdict(b.row.verdict) || a.index - b.index,
        )
        .map(({ row }) => [row.target, row.measured, row.verdict, row.source ?? ""]);
      return [
        `## Targets (issue ${issue})`,
        "",
        renderTable(
          ["target", "measured (worst case first)", "verdict", "section, day run"],
          mine,
          ["l", "l", "l", "l"],
        ),
      ].join("\n");
    })
    .join("\n\n");
}

/** The table of when each section ran. */
export function renderSectionTimes(sections: readonly SectionRun[]): string {
  return renderTable(
    ["section", "ended (UTC)", "minutes", "1-min load (low–high)", "command"],
    sections.map((run) => [
      run.name,
      run.ran.replace("T", " ").replace(/:\d\d(\.\d+)?Z$/, ""),
      run.minutes === undefined ? "—" : run.minutes.toFixed(1),
      `${run.load[0].toFixed(1)}–${run.load[1].toFixed(1)}`,
      `\`${run.command}\``,
    ]),
    ["l", "l", "r", "r", "l"],
  );
}

/** The whole generated part, markers included: header, machine, targets tables, sections. */
export function renderGenerated(machine: string, sections: readonly SectionRun[]): string {
  return [
    generatedBegin,
    "",
    "This part of the file, down to the `bench:generated:end` marker, is written by `npm run bench`",
    "(`scripts/bench.ts`): the targets of issues 5, 10, 11 and 12, each row's verdict with the worst case",
    "first, then one section per benchmark. A run replaces only the sections it ran (`--only=`), so each",
    "section says when it ran, by which command and under which load (the machine is shared: about six",
    "agents on 2 cores, so CPU seconds are the honest figure and wall times are upper bounds). Everything",
    "after the end marker was measured by hand on branches, kept as written: the history behind these",
    "figures. Each section's target rows are also kept as JSON in its opening comment, for the tables.",
    "Within a section, every figure is a median of several runs unless a column says otherwise, and every",
    "contender (HiGHS, DuckDB, the textbook push-relabel, plain reads) ran in the same section on the same",
    "data; figures of other branches or of `main` are never a contender.",
    "",
    machine,
    "",
    renderTargetTables(sections),
    "",
    "## When each section ran",
    "",
    renderSectionTimes(sections),
    "",
    ...sections.flatMap((run) => [renderSection(run), ""]),
    generatedEnd,
  ].join("\n");
}

/**
 * Puts `generated` (with its markers) in place of the document's generated part and keeps every byte
 * outside the markers; a document without markers gets it after its title line (or at the top).
 */
export function spliceGenerated(existing: string | undefined, generated: string): string {
  if (existing === undefined) return `# Benchmarks\n\n${generated}\n`;
  const begin = existing.indexOf(generatedBegin);
  const end = existing.indexOf(generatedEnd, begin);
  if (begin >= 0 && end >= 0)
    return existing.slice(0, begin) + generated + existing.slice(end + generatedEnd.length);
  const title = /^# [^\n]*\n/.exec(existing);
  const at = title ? title[0].length : 0;
  return `${existing.slice(0, at)}\n${generated}\n\n${existing.slice(at).replace(/^\n+/, "")}`;
}

/** The sections already in a document's generated part (none when it has no markers). */
export function readGeneratedSections(existing: string | undefined): SectionRun[] {
  if (existing === undefined) return [];
  const begin = existing.indexOf(generatedBegin);
  const end = existing.indexOf(generatedEnd, begin);
  return begin < 0 || end < 0 ? [] : readSections(existing.slice(begin, end));
}

/** Old-style target rows `[target, measured, verdict]` of a section, as rows of `issue`. */
export function targetsOfIssue(issue: number, rows: readonly (readonly string[])[]): BenchTarget[] {
  return rows.map(([target = "", measured = "", verdict = ""]) => ({
    issue,
    target,
    measured,
    verdict,
  }));
}
