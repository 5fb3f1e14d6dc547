/**
 * Section 1: nomenklatura's 826 labelled name pairs. ftfx is judged at its fixed default threshold;
 * each peer at the threshold that gives it the best F1 on these very pairs (flattering the peers);
 * logic-v2 by its frozen verdicts, on the pairs that line up with the case file.
 */
import type { BenchContext } from "./context.ts";
import { loadLogicV2, loadNameBench, type NamePair, pairKey } from "./datasets.ts";
import {
  type Accuracy,
  accuracy,
  type Confusion,
  confusion,
  groupBy,
  type TunedThreshold,
  tuneThreshold,
} from "./metrics.ts";
import { fixed, type SectionResult, type Table } from "./report.ts";

/** Categories smaller than this are pooled in the printed table (all are in the JSON). */
const SMALL_CATEGORY = 10;
const NEAR_TOTAL_RECALL = 0.98;

interface PairSystem {
  id: string;
  label: string;
  operating: string;
  /** Verdict per pair; undefined where the system gave none (logic-v2 on pairs it did not score). */
  predicted: (boolean | undefined)[];
  scores: (number | undefined)[];
}

function accuracyOver(
  pairs: readonly NamePair[],
  system: PairSystem,
  indexes: readonly number[],
): Accuracy & Confusion {
  const judged = indexes.flatMap((i) => {
    const predicted = system.predicted[i];
    return predicted === undefined ? [] : [{ predicted, label: (pairs[i] as NamePair).match }];
  });
  const c = confusion(judged);
  return { ...c, ...accuracy(c) };
}

function tunedOn(pairs: readonly NamePair[], system: PairSystem, indexes: readonly number[]): TunedThreshold {
  return tuneThreshold(
    indexes.flatMap((i) => {
      const score = system.scores[i];
      return score === undefined ? [] : [{ score, label: (pairs[i] as NamePair).match }];
    }),
  );
}

async function pairSystems(ctx: BenchContext, pairs: readonly NamePair[]): Promise<PairSystem[]> {
  const systems: PairSystem[] = [];
  if ("engine" in ctx.ftfx) {
    const { engine } = ctx.ftfx;
    const scores = pairs.map((p) => engine.scoreNames(p.name1, p.name2, p.schema));
    systems.push({
      id: "ftfx",
      label: "ftfx",
      operating: `default ${fixed(engine.threshold, 2)}`,
      scores,
      predicted: scores.map((s) => s >= engine.threshold),
    });
  }
  for (const peer of ctx.peers) {
    const scores = await peer.scorePairs(pairs.map((p) => [p.name1, p.name2] as const));
    const tuned = tuneThreshold(scores.map((score, i) => ({ score, label: (pairs[i] as NamePair).match })));
    ctx.thresholds.set(peer.id, tuned.threshold);
    systems.push({
      id: peer.id,
      label: peer.label,
      operating: `tuned ${fixed(tuned.threshold)}`,
      scores,
      predicted: scores.map((s) => s >= tuned.threshold),
    });
  }
  const frozen = new Map(loadLogicV2().map((v) => [v.key, v]));
  const verdicts = pairs.map((p) => frozen.get(pairKey(p)));
  systems.push({
    id: "logic-v2",
    label: "logic-v2 (frozen)",
    operating: "its verdicts (0.70)",
    scores: verdicts.map((v) => v?.score),
    predicted: verdicts.map((v) => v?.predicted),
  });
  return systems;
}

function breakdown(
  title: string,
  pairs: readonly NamePair[],
  systems: readonly PairSystem[],
  groups: Map<string, number[]>,
): Table {
  return {
    title,
    columns: ["", "pairs", ...systems.map((s) => s.label)],
    rows: [...groups].map(([name, indexes]) => [
      name,
      String(indexes.length),
      ...systems.map((s) => {
        const a = accuracyOver(pairs, s, indexes);
        return a.n === 0 ? "—" : a.n === indexes.length ? fixed(a.f1) : `${fixed(a.f1)} (n ${a.n})`;
      }),
    ]),
    notes: [
      "F1 at each system's operating threshold (as in the table above); logic-v2 only on the pairs it scored.",
    ],
  };
}

function categoryGroups(pairs: readonly NamePair[]): Map<string, number[]> {
  const byCategory = groupBy(
    pairs.map((p, i) => ({ category: p.category || "(none)", i })),
    (x) => x.category,
  );
  const shown = new Map<string, number[]>();
  const pooled: number[] = [];
  let pooledCategories = 0;
  for (const [category, items] of [...byCategory].sort((a, b) => b[1].length - a[1].length)) {
    if (items.length >= SMALL_CATEGORY)
      shown.set(
        category,
        items.map((x) => x.i),
      );
    else {
      pooled.push(...items.map((x) => x.i));
      pooledCategories++;
    }
  }
  if (pooled.length > 0) shown.set(`${pooledCategories} smaller categories, pooled`, pooled);
  return shown;
}

function indexesBy(pairs: readonly NamePair[], key: (p: NamePair) => string): Map<string, number[]> {
  const groups = groupBy(
    pairs.map((p, i) => ({ key: key(p), i })),
    (x) => x.key,
  );
  return new Map([...groups].map(([k, items]) => [k, items.map((x) => x.i)]));
}

export async function runNameBench(ctx: BenchContext): Promise<SectionResult> {
  const pairs = loadNameBench();
  const all = pairs.map((_, i) => i);
  const systems = await pairSystems(ctx, pairs);
  const logic = systems.find((s) => s.id === "logic-v2") as PairSystem;
  const shared = all.filter((i) => logic.predicted[i] !== undefined);
  const frozen = loadLogicV2();
  const frozenOwn = accuracy(confusion(frozen.map((v) => ({ predicted: v.predicted, label: v.label }))));
  // A peer whose best F1 comes from calling nearly everything a match will alert on nearly anyone later.
  const matchEverything = systems
    .filter((s) => ctx.thresholds.has(s.id) && accuracyOver(pairs, s, all).recall >= NEAR_TOTAL_RECALL)
    .map((s) => s.label);

  const overall: Table = {
    title: `Name pairs: precision, recall, F1 (${pairs.length} pairs)`,
    columns: [
      "system",
      "threshold",
      "pairs",
      "precision",
      "recall",
      "F1",
      `F1 on logic-v2's ${shared.length}`,
      "best F1 if tuned on this data (threshold)",
    ],
    rows: systems.map((s) => {
      const a = accuracyOver(pairs, s, all);
      const onShared = accuracyOver(pairs, s, shared);
      const tuned = tunedOn(pairs, s, s.id === "logic-v2" ? shared : all);
      return [
        s.label,
        s.operating,
        String(a.n),
        fixed(a.precision),
        fixed(a.recall),
        fixed(a.f1),
        fixed(onShared.f1),
        `${fixed(tuned.f1)} (${fixed(tuned.threshold)})`,
      ];
    }),
    notes: [
      "Peers are judged at the threshold that maximises their F1 on these same pairs — tuned on the test data, which flatters them; ftfx at its fixed default alert threshold.",
      `logic-v2: frozen verdicts from nomenklatura_logicv2_frozen_scores.csv, matched to the cases on (case_group, schema, name1, name2) as the outside check does: ${shared.length} of its ${frozen.length} rows line up (the rest carry other case_group names). On all its own ${frozen.length} rows its file gives P ${fixed(frozenOwn.precision)} R ${fixed(frozenOwn.recall)} F1 ${fixed(frozenOwn.f1)}.`,
      "All peers see names folded the same way: any-ascii, lower case, punctuation to spaces.",
      ...(matchEverything.length > 0
        ? [
            `${matchEverything.join(" and ")} reach their best F1 by calling nearly every pair a match (recall ≥ ${NEAR_TOTAL_RECALL}); at that tuned threshold they alert on almost any name in the later sections.`,
          ]
        : []),
    ],
  };
  const tiers = indexesBy(pairs, (p) => p.quality);
  const caseGroups = indexesBy(pairs, (p) => p.group);
  const categories = indexesBy(pairs, (p) => p.category || "(none)");
  const perGroup = (groups: Map<string, number[]>) =>
    Object.fromEntries(
      [...groups].map(([name, indexes]) => [
        name,
        Object.fromEntries(systems.map((s) => [s.id, accuracyOver(pairs, s, indexes)])),
      ]),
    );

  return {
    id: "names",
    title: "1. Name pairs (nomenklatura name benchmark)",
    tables: [
      overall,
      breakdown("F1 by quality tier", pairs, systems, tiers),
      breakdown("F1 by category", pairs, systems, categoryGroups(pairs)),
      breakdown("F1 by case group", pairs, systems, caseGroups),
    ],
    data: {
      pairs: pairs.length,
      logicV2SharedPairs: shared.length,
      logicV2OwnRows: { rows: frozen.length, ...frozenOwn },
      systems: systems.map((s) => ({
        id: s.id,
        operating: s.operating,
        all: accuracyOver(pairs, s, all),
        onLogicV2Pairs: accuracyOver(pairs, s, shared),
        tuned: tunedOn(pairs, s, s.id === "logic-v2" ? shared : all),
      })),
      byQuality: perGroup(tiers),
      byCategory: perGroup(categories),
      byCaseGroup: perGroup(caseGroups),
    },
  };
}
