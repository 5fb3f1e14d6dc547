/**
 * Section 4: names written in another script. Arabic → English hit@1 among all English names of the
 * google/transliteration test split; watchman's cross-script pairs against their listed minimum scores;
 * and 81 spellings of one person, each searched in the UN + OFAC lists with that person added.
 */

import type { FtmEntity } from "../../src/model/entity.ts";
import type { BenchContext } from "./context.ts";
import { loadArabicToEnglish, loadCrossScriptPairs, loadPutinVariants } from "./datasets.ts";
import { asListData, isPerson, type ListData } from "./lists.ts";
import { evenSample, ratio, recallAtK } from "./metrics.ts";
import { fixed, type SectionResult, share, type Table } from "./report.ts";
import { meanMillis, searchAllSystems } from "./run-searches.ts";

const SIZES = {
  full: { arabic: Infinity, variants: Infinity, slowPeer: 200, slowVariants: 20 },
  quick: { arabic: 200, variants: 20, slowPeer: 30, slowVariants: 5 },
};
/** The one person all variants name, as a list would hold him (Latin script only). */
const TARGET: FtmEntity = {
  id: "bench-variants-target",
  schema: "Person",
  properties: { name: ["Vladimir Vladimirovich PUTIN"] },
};

async function arabicToEnglish(ctx: BenchContext): Promise<{ table: Table; data: unknown }> {
  const pairs = loadArabicToEnglish();
  const englishNames = [...new Set(pairs.map((p) => p.english))];
  const entities: FtmEntity[] = englishNames.map((name, i) => ({
    id: `en-${i}`,
    schema: "Person",
    properties: { name: [name] },
  }));
  const groupOf = new Map(englishNames.map((name, group) => [name, group]));
  const sizes = ctx.quick ? SIZES.quick : SIZES.full;
  const asked = evenSample(pairs, sizes.arabic);
  const queries = asked.map((p, i) => ({ id: `ar${i}`, schema: "Person", name: p.arabic }));
  ctx.log(`Arabic → English: ${queries.length} queries against ${englishNames.length} English names`);
  const lists = asListData(entities);
  const runs = await searchAllSystems(ctx, {
    lists,
    queries,
    k: 1,
    rankAll: true,
    slowPeerQueries: sizes.slowPeer,
  });
  const figures = runs.map((run) => ({
    id: run.id,
    label: run.label,
    queries: run.asked.length,
    hit1: recallAtK(
      run.asked.map((i, j) =>
        run.hits[j]?.[0]?.group === groupOf.get(asked[i]?.english ?? "") ? 0 : undefined,
      ),
      1,
    ),
    meanMillis: meanMillis(run),
  }));
  return {
    table: {
      title: `Arabic → English hit@1 (${queries.length} Arabic names, ${englishNames.length} English candidates)`,
      columns: ["system", "queries", "hit@1", "ms/query"],
      rows: figures.map((f) => [f.label, String(f.queries), fixed(f.hit1), fixed(f.meanMillis, 2)]),
      notes: [
        "A hit is the right English name ranked first among all distinct English names of the file. Peers read the Arabic through any-ascii (a consonant skeleton), as they read every name, and rank every candidate (pg_trgm without its `%` cut-off). Fuse.js runs on an evenly spread sample.",
      ],
    },
    data: { queries: queries.length, candidates: englishNames.length, systems: figures },
  };
}

async function watchmanPairs(ctx: BenchContext): Promise<{ tables: Table[]; data: unknown }> {
  const pairs = loadCrossScriptPairs();
  const systems: { id: string; label: string; threshold: number; scores: number[] }[] = [];
  if ("engine" in ctx.ftfx) {
    const { engine } = ctx.ftfx;
    systems.push({
      id: "ftfx",
      label: "ftfx",
      threshold: engine.threshold,
      scores: pairs.map((p) => engine.scoreNames(p.query, p.expected, "Person")),
    });
  }
  for (const peer of ctx.peers) {
    systems.push({
      id: peer.id,
      label: peer.label,
      threshold: ctx.thresholds.get(peer.id) ?? 0,
      scores: await peer.scorePairs(pairs.map((p) => [p.query, p.expected] as const)),
    });
  }
  const summary = systems.map((s) => ({
    id: s.id,
    label: s.label,
    aboveMinScore: s.scores.filter((score, i) => score >= (pairs[i]?.minScore ?? 1)).length,
    aboveThreshold: s.scores.filter((score) => score >= s.threshold).length,
  }));
  return {
    tables: [
      {
        title: `watchman cross-script pairs (${pairs.length})`,
        columns: ["system", "score ≥ the pair's listed minimum", "score ≥ own alert threshold"],
        rows: summary.map((s) => [
          s.label,
          share(s.aboveMinScore, pairs.length),
          share(s.aboveThreshold, pairs.length),
        ]),
        notes: [
          "The listed minimum scores are watchman's (for its embedding model); own alert threshold: ftfx's default, each peer's tuned threshold.",
        ],
      },
      {
        title: "watchman cross-script pairs: score per pair",
        columns: ["query", "expected", "min", ...systems.map((s) => s.label)],
        rows: pairs.map((p, i) => [
          p.query,
          p.expected,
          fixed(p.minScore, 2),
          ...systems.map((s) => fixed(s.scores[i], 2)),
        ]),
      },
    ],
    data: {
      pairs: pairs.length,
      systems: summary,
      scores: systems.map((s) => ({ id: s.id, scores: s.scores })),
    },
  };
}

async function oneNameManySpellings(
  ctx: BenchContext,
  lists: ListData,
): Promise<{ table: Table; data: unknown }> {
  const all = loadPutinVariants();
  const sizes = ctx.quick ? SIZES.quick : SIZES.full;
  const variants = evenSample(all, sizes.variants);
  const withTarget = asListData([...lists.entities, TARGET]);
  const target = withTarget.subjects.indexOf(TARGET);
  const queries = variants.map((name, i) => ({ id: `v${i}`, schema: "Person", name }));
  ctx.log(`Spelling variants: ${queries.length} queries against ${withTarget.subjects.length} subjects`);
  const runs = await searchAllSystems(ctx, {
    lists: withTarget,
    queries,
    k: 1,
    peerSubjects: isPerson,
    slowPeerQueries: sizes.slowVariants,
  });
  const figures = runs.map((run) => {
    const top = run.hits.map((hits) => hits[0]);
    return {
      id: run.id,
      label: run.label,
      queries: run.asked.length,
      first: top.filter((h) => h?.group === target).length,
      alerting: top.filter((h) => h?.group === target && h.alert).length,
      meanMillis: meanMillis(run),
    };
  });
  return {
    table: {
      title: `${variants.length} spellings of one person (${all.length} in the file; Latin, Cyrillic, Arabic, Hebrew, Greek, CJK, Indic…)`,
      columns: ["system", "target ranked first", "ranked first and alerting", "ms/query"],
      rows: figures.map((f) => [
        f.label,
        share(f.first, f.queries),
        share(f.alerting, f.queries),
        fixed(f.meanMillis, 2),
      ]),
      notes: [
        `The target is added to the UN + OFAC lists as one Person named "${TARGET.properties.name?.[0]}" (Latin script only); each spelling is a name-only query. ftfx searches all subjects, the peers the people's names.`,
      ],
    },
    data: {
      variants: variants.length,
      systems: figures.map((f) => ({ ...f, firstRate: ratio(f.first, f.queries) })),
    },
  };
}

export async function runCrossScript(ctx: BenchContext, lists: ListData): Promise<SectionResult> {
  const arabic = await arabicToEnglish(ctx);
  const watchman = await watchmanPairs(ctx);
  const spellings = await oneNameManySpellings(ctx, lists);
  return {
    id: "cross-script",
    title: "4. Cross-script names",
    tables: [arabic.table, ...watchman.tables, spellings.table],
    data: { arabicToEnglish: arabic.data, watchman: watchman.data, spellings: spellings.data },
  };
}
