/**
 * Section 3: yente's 1,000 synthetic people, none of them listed, screened against the UN and OFAC lists.
 * A false alert is a query with any alerting hit: ftfx at its default threshold, each peer when its best
 * name reaches the threshold it was tuned to on the name benchmark.
 */
import type { BenchContext } from "./context.ts";
import { loadNegatives } from "./datasets.ts";
import { isPerson, type ListData } from "./lists.ts";
import { evenSample } from "./metrics.ts";
import { fixed, type SectionResult, share } from "./report.ts";
import { meanMillis, runSearches, type SearchRun } from "./run-searches.ts";
import { ftfxIndex, ftfxSearch, peerSearch, type SubjectSearch } from "./systems.ts";

const QUICK_QUERIES = 100;
/** Fuse.js scans every name with bitap; it is run on a sample to keep the benchmark to minutes. */
const FUSE_QUERIES = { full: 200, quick: 30 };
const K = 5;

export async function runFalseAlerts(ctx: BenchContext, lists: ListData): Promise<SectionResult> {
  const all = loadNegatives();
  const queries = ctx.quick ? evenSample(all, QUICK_QUERIES) : all;
  const people = lists.subjects.filter(isPerson);
  ctx.log(`False alerts: ${queries.length} queries against ${lists.subjects.length} UN + OFAC subjects`);

  const searches: { search: SubjectSearch; threshold: string; queries: typeof queries }[] = [];
  if ("engine" in ctx.ftfx) {
    const { engine } = ctx.ftfx;
    const index = ftfxIndex(engine, lists.entities);
    const threshold = `default ${fixed(engine.threshold, 2)}`;
    searches.push(
      { search: ftfxSearch(index, lists.subjects), threshold, queries },
      { search: ftfxSearch(index, lists.subjects, { nameOnly: true }), threshold, queries },
    );
  }
  for (const peer of ctx.peers) {
    const threshold = ctx.thresholds.get(peer.id) ?? 0;
    const sampled =
      peer.id === "fuse" ? evenSample(queries, ctx.quick ? FUSE_QUERIES.quick : FUSE_QUERIES.full) : queries;
    searches.push({
      // The queries are people; the name-only peers compare them with listed people only.
      search: await peerSearch(peer, lists.subjects, threshold, isPerson),
      threshold: `tuned ${fixed(threshold)}`,
      queries: sampled,
    });
  }
  const runs: { run: SearchRun; threshold: string }[] = [];
  for (const { search, threshold, queries: asked } of searches) {
    runs.push({ run: await runSearches(search, asked, K, ctx.log), threshold });
    await search.close();
  }

  const figures = runs.map(({ run, threshold }) => {
    const alerted = run.hits.filter((hits) => hits.some((h) => h.alert)).length;
    return {
      id: run.id,
      label: run.label,
      threshold,
      queries: run.hits.length,
      alerted,
      meanMillis: meanMillis(run),
    };
  });
  return {
    id: "false-alerts",
    title: "3. False alerts (1,000 synthetic people on no list, against UN + OFAC)",
    tables: [
      {
        title: "Share of non-listed people who raise an alert",
        columns: ["system", "threshold", "queries", "false alerts", "ms/query"],
        rows: figures.map((f) => [
          f.label,
          f.threshold,
          String(f.queries),
          share(f.alerted, f.queries),
          fixed(f.meanMillis, 2),
        ]),
        notes: [
          `Lists: UN consolidated (2026-02-27) + OFAC SDN (2021-07), ${lists.subjects.length} subjects, ${people.length} of them people. ftfx searches all subjects; the name-only peers search the people's names (all their aliases).`,
          "Peers alert at the threshold tuned on the name benchmark (section 1) — the threshold at which their F1 there is best.",
          `Fuse.js (slow: it scans every name) runs on an evenly spread sample of the queries (see the "queries" column).${ctx.quick ? " Quick run: subsampled." : ""}`,
        ],
      },
    ],
    data: { subjects: lists.subjects.length, people: people.length, systems: figures },
  };
}
