/**
 * Runs a batch of queries through one subject search and keeps, per query, the hits and the time taken.
 */
import type { MatchQuery } from "../../src/matching/types.ts";
import type { SubjectHit, SubjectSearch } from "./systems.ts";

export interface SearchRun {
  id: string;
  label: string;
  hits: SubjectHit[][];
  /** Milliseconds per query, in query order. */
  millis: number[];
}

export async function runSearches(
  search: SubjectSearch,
  queries: readonly MatchQuery[],
  k: number,
  log: (message: string) => void,
): Promise<SearchRun> {
  const hits: SubjectHit[][] = [];
  const millis: number[] = [];
  const started = performance.now();
  for (const query of queries) {
    const t = performance.now();
    hits.push(await search.search(query, k));
    millis.push(performance.now() - t);
  }
  log(
    `  ${search.label}: ${queries.length} queries in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );
  return { id: search.id, label: search.label, hits, millis };
}

export function meanMillis(run: SearchRun): number {
  return run.millis.reduce((a, b) => a + b, 0) / Math.max(1, run.millis.length);
}
