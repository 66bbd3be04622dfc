// Describes the machine a benchmark ran on, for the header of docs/benchmarks.md.
import { availableParallelism, cpus, loadavg, totalmem } from "node:os";

/**
 * CPU model, cores, memory, Node version and when the file was written, as Markdown list items (the
 * load each section ran under is in the sections' own table).
 */
export function describeMachine(date: Date): string {
  const model = cpus()[0]?.model.trim() ?? "unknown CPU";
  return [
    `- CPU: ${model}, ${availableParallelism()} cores; memory ${(totalmem() / 2 ** 30).toFixed(1)} GiB`,
    `- Node ${process.version} (${process.platform}/${process.arch}); this file written on ${date.toISOString()}`,
  ].join("\n");
}

/** The 1-minute load average now, to note how busy the machine was while a section ran. */
export function currentLoad(): number {
  return loadavg()[0] ?? 0;
}

/**
 * Samples the 1-minute load average every 5 s until the returned function is called, which gives the
 * lowest and highest seen (the start and the end included): how busy the machine was during a section.
 */
export function watchLoad(): () => readonly [number, number] {
  const seen = [currentLoad()];
  const timer = setInterval(() => seen.push(currentLoad()), 5_000);
  timer.unref();
  return () => {
    clearInterval(timer);
    seen.push(currentLoad());
    return [Math.min(...seen), Math.max(...seen)];
  };
}
