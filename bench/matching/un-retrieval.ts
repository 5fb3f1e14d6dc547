/**
 * Section 2: yente's treated UN positives searched against the full UN list. The true subject is found
 * through the line-aligned untreated file: its listed name is looked up among the UN names, the same way
 * the outside check resolves it (rows whose listed name matches no UN name are left out).
 */

import type { MatchQuery } from "../../src/matching/types.ts";
import type { FtmEntity } from "../../src/model/entity.ts";
import type { BenchContext } from "./context.ts";
import { loadUnPositives } from "./datasets.ts";
import { type ListData, subjectNames } from "./lists.ts";
import { evenSample, ratio, recallAtK } from "./metrics.ts";
import { fixed, type SectionResult } from "./report.ts";
import { meanMillis, searchAllSystems } from "./run-searches.ts";
import type { SubjectHit } from "./systems.ts";

const SIZES = { full: { cases: Infinity, slowPeer: 200 }, quick: { cases: 150, slowPeer: 30 } };
const K = 5;

/** The outside check's name key: case, compatibility forms and punctuation do not count. */
function nameKey(name: string): string {
  return name
    .toLowerCase()
    .normalize("NFKC")
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

export interface RetrievalCase {
  query: MatchQuery;
  truth: number;
  perturbed: boolean;
}

export function resolveUnCases(subjects: readonly FtmEntity[]): { cases: RetrievalCase[]; rows: number } {
  const groupByName = new Map<string, number>();
  subjects.forEach((subject, group) => {
    if (subject.schema !== "Person") return;
    for (const name of subjectNames(subject)) groupByName.set(nameKey(name), group);
  });
  const rows = loadUnPositives();
  const cases = rows.flatMap(({ query, listedName }) => {
    const truth = groupByName.get(nameKey(listedName));
    return truth === undefined
      ? []
      : [{ query, truth, perturbed: nameKey(query.name) !== nameKey(listedName) }];
  });
  return { cases, rows: rows.length };
}

function rankOf(hits: readonly SubjectHit[] | undefined, truth: number): number | undefined {
  const rank = hits?.findIndex((h) => h.group === truth) ?? -1;
  return rank < 0 ? undefined : rank;
}

export async function runUnRetrieval(ctx: BenchContext, un: ListData): Promise<SectionResult> {
  const resolved = resolveUnCases(un.subjects);
  const cases = ctx.quick ? evenSample(resolved.cases, SIZES.quick.cases) : resolved.cases;
  ctx.log(`UN retrieval: ${cases.length} queries against ${un.subjects.length} UN subjects`);
  const runs = await searchAllSystems(ctx, {
    lists: un,
    queries: cases.map((c) => c.query),
    k: K,
    ftfxNameOnly: true,
    slowPeerQueries: ctx.quick ? SIZES.quick.slowPeer : SIZES.full.slowPeer,
  });

  const figures = runs.map((run) => {
    const asked = run.asked.map((i, j) => ({ c: cases[i] as RetrievalCase, hits: run.hits[j] }));
    const ranks = asked.map(({ c, hits }) => rankOf(hits, c.truth));
    const perturbedRanks = ranks.filter((_, j) => asked[j]?.c.perturbed);
    const alerted = ranks.filter(
      (rank, j) => rank !== undefined && asked[j]?.hits?.[rank]?.alert === true,
    ).length;
    return {
      id: run.id,
      label: run.label,
      queries: asked.length,
      perturbed: perturbedRanks.length,
      recall1: recallAtK(ranks, 1),
      recall5: recallAtK(ranks, 5),
      perturbedRecall1: recallAtK(perturbedRanks, 1),
      perturbedRecall5: recallAtK(perturbedRanks, 5),
      alertRecall: ratio(alerted, asked.length),
      threshold: run.threshold,
      meanMillis: meanMillis(run),
    };
  });
  const perturbed = cases.filter((c) => c.perturbed).length;

  return {
    id: "un-retrieval",
    title: "2. UN retrieval (yente's treated positives against the full UN list)",
    tables: [
      {
        title: `Recall of the listed person (${cases.length} queries, ${perturbed} of them perturbed)`,
        columns: [
          "system",
          "queries (perturbed)",
          "recall@1",
          "recall@5",
          "perturbed recall@1",
          "perturbed recall@5",
          "alert recall (threshold)",
          "ms/query",
        ],
        rows: figures.map((f) => [
          f.label,
          `${f.queries} (${f.perturbed})`,
          fixed(f.recall1),
          fixed(f.recall5),
          fixed(f.perturbedRecall1),
          fixed(f.perturbedRecall5),
          `${fixed(f.alertRecall)} (${f.threshold})`,
          fixed(f.meanMillis, 2),
        ]),
        notes: [
          `${resolved.cases.length} of ${resolved.rows} rows resolve to a UN person through the untreated file${ctx.quick ? ` (quick run: ${cases.length} of them)` : ""}; "perturbed" rows differ from the listed name (after case and punctuation folding).`,
          'ftfx gets the whole query (name, birth date, nationality, gender); "ftfx (name only)" and the peers get the name only. Peers rank UN subjects by their best-scoring name.',
          "alert recall: the listed person is in the top 5 and alerts — ftfx at its default threshold, each peer at its threshold tuned on the name benchmark.",
          "Fuse.js (slow: it scans every name) runs on an evenly spread sample of the queries.",
        ],
      },
    ],
    data: {
      rows: resolved.rows,
      resolved: resolved.cases.length,
      queries: cases.length,
      perturbed,
      systems: figures,
    },
  };
}
