import { MatchIndex } from "../index.ts";
import { DEFAULT_ALERT_THRESHOLD, scorePair } from "../score.ts";
import type { MatchProfile } from "../types.ts";

/**
 * Reusable evaluations of cross-script matching (used by the tests and the benchmark): watchman's
 * cross-script pairs, name variants that must resolve to one person, and Arabic -> English retrieval.
 */

export function nameProfile(name: string, id = name, schema = "Person"): MatchProfile {
  return {
    entityId: id,
    caption: name,
    schema,
    names: [name],
    birthDates: [],
    nationalities: [],
    genders: [],
    birthPlaces: [],
    documents: [],
  };
}

export interface ThresholdPair {
  query: string;
  expected: string;
  minScore: number;
  description: string;
}

/** Watchman's `Query,Expected Match,Min Score,Description` lines; `#` comments and blank lines skipped. */
export function parseThresholdPairs(text: string): ThresholdPair[] {
  return text
    .split(/\r?\n/)
    .filter((line) => line.trim() && !line.startsWith("#"))
    .map((line) => {
      const [query = "", expected = "", min = "", ...rest] = line.split(",");
      return {
        query: query.trim(),
        expected: expected.trim(),
        minScore: Number(min),
        description: rest.join(",").trim(),
      };
    });
}

export interface ThresholdResult extends ThresholdPair {
  score: number;
  passed: boolean;
}

export function scoreThresholdPairs(pairs: ThresholdPair[]): ThresholdResult[] {
  return pairs.map((pair) => {
    const { score } = scorePair({ name: pair.query }, nameProfile(pair.expected));
    return { ...pair, score, passed: score >= pair.minScore };
  });
}

/**
 * Entity resolution of name variants: names are linked when their pair score reaches the threshold, and
 * the linked groups (connected components) are returned. One group means they resolve to one person.
 */
export function resolveNames(names: string[], threshold = DEFAULT_ALERT_THRESHOLD): string[][] {
  const parent = names.map((_, i) => i);
  const find = (i: number): number => {
    let root = i;
    while (parent[root] !== root) root = parent[root] ?? root;
    return root;
  };
  const profiles = names.map((n, i) => nameProfile(n, String(i)));
  for (let i = 0; i < names.length; i++) {
    for (let j = 0; j < names.length; j++) {
      if (i === j || find(i) === find(j)) continue;
      const [name, profile] = [names[i], profiles[j]];
      if (name && profile && scorePair({ name }, profile).score >= threshold) parent[find(i)] = find(j);
    }
  }
  const groups = new Map<number, string[]>();
  names.forEach((name, i) => {
    const root = find(i);
    groups.set(root, [...(groups.get(root) ?? []), name]);
  });
  return [...groups.values()].sort((a, b) => b.length - a.length);
}

/** Share of queries whose best match (among all candidates) is the expected one. */
export function hitAtOne(pairs: { query: string; expected: string }[], candidates: string[]): number {
  const index = new MatchIndex(candidates.map((c) => nameProfile(c)));
  let hits = 0;
  for (const pair of pairs) {
    if (index.search({ name: pair.query }, 1)[0]?.entityId === pair.expected) hits++;
  }
  return pairs.length ? hits / pairs.length : 0;
}

/** The tab-separated `arabic<TAB>english` lines of the Google transliteration test set. */
export function parseTransliterationPairs(text: string): { query: string; expected: string }[] {
  return text
    .split(/\r?\n/)
    .filter((line) => line.includes("\t"))
    .map((line) => {
      const [query = "", expected = ""] = line.split("\t");
      return { query: query.trim(), expected: expected.trim() };
    });
}
