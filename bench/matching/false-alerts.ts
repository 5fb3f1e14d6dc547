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
import { meanMillis, searchAllSystems } from "./run-searches.ts";

const SIZES = { full: { queries: Infinity, slowPeer: 100 }, quick: { queries: 100, slowPeer: 20 } };
const K = 5;

export async function runFalseAlerts(ctx: BenchContext, lists: ListData): Promise<SectionResult> {
  const all = loadNegatives();
  const queries = ctx.quick ? evenSample(all, SIZES.quick.queries) : all;
  const people = lists.subjects.filter(isPerson);
  ctx.log(`False alerts: ${queries.length} queries against ${lists.subjects.length} UN + OFAC subjects`);

  const runs = await searchAllSystems(ctx, {
    lists,
    queries,
    k: K,
    // The queries are people; the name-only peers compare them with listed people only.
    peerSubjects: isPerson,
    ftfxNameOnly: true,
    slowPeerQueries: ctx.quick ? SIZES.quick.slowPeer : SIZES.full.slowPeer,
  });

  const figures = runs.map((run) => {
    const alerted = run.hits.filter((hits) => hits.some((h) => h.alert)).length;
    return {
      id: run.id,
      label: run.label,
      threshold: run.threshold,
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
