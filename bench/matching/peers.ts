/**
 * The name-only peers ftfx is measured against: whole-string Levenshtein ratio, Jaro–Winkler on
 * token-sorted names, Fuse.js, and Double Metaphone + Jaro–Winkler token alignment (pg_trgm lives in
 * pg-trgm.ts). Each scores a pair of names in [0, 1] and searches a list of candidate names for the best
 * k groups (a group is one listed subject with all its names).
 *
 * Every peer sees names through the same folding (any-ascii, lower case, punctuation to spaces), so
 * they are not handicapped by diacritics or scripts they cannot read.
 */
import { createRequire } from "node:module";
import anyAscii from "any-ascii";
import { distance } from "fastest-levenshtein";
import Fuse from "fuse.js";

// talisman ships CommonJS without type declarations.
const require = createRequire(import.meta.url);
const jaroWinkler = require("talisman/metrics/jaro-winkler") as (a: string, b: string) => number;
const doubleMetaphone = require("talisman/phonetics/double-metaphone") as (word: string) => [string, string];

export function foldName(name: string): string {
  return anyAscii(name.normalize("NFKC"))
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
}

function tokens(folded: string): string[] {
  return folded === "" ? [] : folded.split(" ");
}

/** One searchable name; `group` numbers the listed subject it belongs to. */
export interface Candidate {
  name: string;
  group: number;
}

export interface GroupHit {
  group: number;
  score: number;
}

export interface NameIndex {
  /** The k best groups by their best-scoring name, best first; ties by lower group number. */
  search(query: string, k: number): Promise<GroupHit[]>;
  close(): Promise<void>;
}

export interface Peer {
  id: string;
  label: string;
  /** How the peer was run, for the notes in docs/benchmarks.md. */
  how: string;
  /** Too slow to search with every query of a section; such a peer gets an evenly spread sample. */
  slow?: boolean;
  scorePairs(pairs: readonly (readonly [string, string])[]): Promise<number[]>;
  /** `minScore` lets a peer with a built-in cut-off (pg_trgm's `%`) omit hits below it. */
  buildIndex(candidates: readonly Candidate[], options?: { minScore?: number }): Promise<NameIndex>;
}

/** Keeps the best score per group, then picks the k best groups. */
class GroupScores {
  private readonly best: Float64Array;
  private readonly touched: number[] = [];

  constructor(groupCount: number) {
    this.best = new Float64Array(groupCount).fill(-1);
  }

  offer(group: number, score: number): void {
    const current = this.best[group] as number;
    if (current < 0) this.touched.push(group);
    if (score > current) this.best[group] = score;
  }

  top(k: number): GroupHit[] {
    const hits: GroupHit[] = [];
    for (const group of this.touched) {
      const hit = { group, score: this.best[group] as number };
      if (hits.length === k && !isBefore(hit, hits[k - 1] as GroupHit)) continue;
      let at = hits.length;
      while (at > 0 && isBefore(hit, hits[at - 1] as GroupHit)) at--;
      hits.splice(at, 0, hit);
      if (hits.length > k) hits.pop();
    }
    return hits;
  }
}

function isBefore(a: GroupHit, b: GroupHit): boolean {
  return a.score > b.score || (a.score === b.score && a.group < b.group);
}

function groupCount(candidates: readonly Candidate[]): number {
  let max = -1;
  for (const c of candidates) if (c.group > max) max = c.group;
  return max + 1;
}

/** A peer that compares a prepared query with every prepared candidate (no blocking). */
function exhaustivePeer<P>(
  meta: Pick<Peer, "id" | "label" | "how">,
  prepare: (folded: string) => P,
  compare: (a: P, b: P) => number,
): Peer {
  return {
    ...meta,
    scorePairs: async (pairs) => pairs.map(([a, b]) => compare(prepare(foldName(a)), prepare(foldName(b)))),
    buildIndex: async (candidates) => {
      const prepared = candidates.map((c) => prepare(foldName(c.name)));
      const groups = groupCount(candidates);
      return {
        search: async (query, k) => {
          const q = prepare(foldName(query));
          const scores = new GroupScores(groups);
          for (let i = 0; i < prepared.length; i++) {
            scores.offer((candidates[i] as Candidate).group, compare(q, prepared[i] as P));
          }
          return scores.top(k);
        },
        close: async () => {},
      };
    },
  };
}

export const levenshteinPeer: Peer = exhaustivePeer(
  {
    id: "levenshtein",
    label: "Levenshtein ratio",
    how: "fastest-levenshtein `distance` on the whole folded name; similarity = 1 − distance / longer length; exhaustive scan of every candidate name",
  },
  (folded) => folded,
  (a, b) => {
    const longer = Math.max(a.length, b.length);
    return longer === 0 ? 0 : 1 - distance(a, b) / longer;
  },
);

export const jaroWinklerPeer: Peer = exhaustivePeer(
  {
    id: "jaro-winkler",
    label: "Jaro–Winkler (token-sorted)",
    how: "talisman `jaro-winkler` on the folded name with its tokens sorted alphabetically; exhaustive scan",
  },
  (folded) => tokens(folded).sort().join(" "),
  (a, b) => (a === "" || b === "" ? 0 : jaroWinkler(a, b)),
);

/** A token with its Double Metaphone codes. */
interface PhoneticToken {
  text: string;
  codes: [string, string];
}

function phoneticTokens(folded: string): PhoneticToken[] {
  return tokens(folded).map((text) => ({ text, codes: doubleMetaphone(text) }));
}

function soundAlike(a: PhoneticToken, b: PhoneticToken): boolean {
  const [a1, a2] = a.codes;
  const [b1, b2] = b.codes;
  return (a1 !== "" && (a1 === b1 || a1 === b2)) || (a2 !== "" && (a2 === b1 || a2 === b2));
}

/** Half Jaro–Winkler of the spellings, half agreement of any Double Metaphone code. */
function tokenSimilarity(a: PhoneticToken, b: PhoneticToken): number {
  return 0.5 * jaroWinkler(a.text, b.text) + (soundAlike(a, b) ? 0.5 : 0);
}

/** Scratch space for alignTokens, grown on demand (names rarely have more than a handful of tokens). */
let cells = new Float64Array(64);

/**
 * Greedy one-to-one alignment of the tokens, best pair first (ties: lower row, then lower column);
 * unmatched tokens count as 0, so the score is the aligned similarity over the mean token count.
 */
function alignTokens(
  rows: number,
  columns: number,
  similarity: (row: number, column: number) => number,
): number {
  if (rows === 0 || columns === 0) return 0;
  if (cells.length < rows * columns) cells = new Float64Array(rows * columns);
  for (let r = 0; r < rows; r++) for (let c = 0; c < columns; c++) cells[r * columns + c] = similarity(r, c);
  let total = 0;
  for (let step = Math.min(rows, columns); step > 0; step--) {
    let best = -1;
    let bestScore = Number.NEGATIVE_INFINITY;
    for (let i = 0; i < rows * columns; i++) {
      const score = cells[i] as number;
      if (score > bestScore) {
        bestScore = score;
        best = i;
      }
    }
    total += bestScore;
    // Retire the chosen row and column.
    const row = Math.floor(best / columns);
    const column = best % columns;
    for (let c = 0; c < columns; c++) cells[row * columns + c] = Number.NEGATIVE_INFINITY;
    for (let r = 0; r < rows; r++) cells[r * columns + column] = Number.NEGATIVE_INFINITY;
  }
  return (2 * total) / (rows + columns);
}

function phoneticNameSimilarity(a: readonly PhoneticToken[], b: readonly PhoneticToken[]): number {
  return alignTokens(a.length, b.length, (r, c) =>
    tokenSimilarity(a[r] as PhoneticToken, b[c] as PhoneticToken),
  );
}

/**
 * Same scores as the pairwise form, but candidate tokens are numbered in a vocabulary so each query token
 * is compared with each distinct listed token once per query instead of once per name.
 */
export const metaphonePeer: Peer = {
  id: "metaphone-jw",
  label: "Double Metaphone + JW tokens",
  how: "talisman `double-metaphone` and `jaro-winkler` per token (token similarity = ½·JW + ½ if any Double Metaphone code agrees), greedy one-to-one token alignment, score = 2·aligned sum / (tokens₁ + tokens₂); exhaustive scan",
  scorePairs: async (pairs) =>
    pairs.map(([a, b]) => phoneticNameSimilarity(phoneticTokens(foldName(a)), phoneticTokens(foldName(b)))),
  buildIndex: async (candidates) => {
    const vocabulary: PhoneticToken[] = [];
    const ids = new Map<string, number>();
    const names = candidates.map((c) =>
      tokens(foldName(c.name)).map((text) => {
        let id = ids.get(text);
        if (id === undefined) {
          id = vocabulary.length;
          ids.set(text, id);
          vocabulary.push({ text, codes: doubleMetaphone(text) });
        }
        return id;
      }),
    );
    const groups = groupCount(candidates);
    return {
      search: async (query, k) => {
        const queryTokens = phoneticTokens(foldName(query));
        const similarity = queryTokens.map((t) => vocabulary.map((v) => tokenSimilarity(t, v)));
        const scores = new GroupScores(groups);
        for (let i = 0; i < names.length; i++) {
          const name = names[i] as number[];
          const score = alignTokens(
            queryTokens.length,
            name.length,
            (r, c) => similarity[r]?.[name[c] as number] ?? 0,
          );
          scores.offer((candidates[i] as Candidate).group, score);
        }
        return scores.top(k);
      },
      close: async () => {},
    };
  },
};

const FUSE_OPTIONS = { includeScore: true, ignoreLocation: true } as const;
const FUSE_DEFAULT_THRESHOLD = 0.6;

/** Fuse.js scores 0 for a perfect match and up to 1; similarity is 1 − score, and 0 when not returned. */
export const fusePeer: Peer = {
  id: "fuse",
  label: "Fuse.js",
  slow: true,
  how: "Fuse.js 7 over the folded names with `{ includeScore: true, ignoreLocation: true }` (Fuse's default threshold 0.6: weaker names are not returned and count 0; loosened to 1 where every candidate is ranked); similarity = 1 − Fuse score; a pair is scored by a one-item Fuse collection",
  scorePairs: async (pairs) =>
    pairs.map(([a, b]) => {
      const [hit] = new Fuse([foldName(b)], FUSE_OPTIONS).search(foldName(a));
      return hit ? 1 - (hit.score ?? 1) : 0;
    }),
  buildIndex: async (candidates, options) => {
    // Fuse's own cut-off (threshold 0.6, i.e. similarity 0.4) is loosened when lower scores are asked for.
    const threshold = Math.max(FUSE_DEFAULT_THRESHOLD, 1 - (options?.minScore ?? 1));
    const fuse = new Fuse(
      candidates.map((c) => foldName(c.name)),
      { ...FUSE_OPTIONS, threshold },
    );
    const groups = groupCount(candidates);
    return {
      search: async (query, k) => {
        const scores = new GroupScores(groups);
        for (const hit of fuse.search(foldName(query))) {
          scores.offer((candidates[hit.refIndex] as Candidate).group, 1 - (hit.score ?? 1));
        }
        return scores.top(k);
      },
      close: async () => {},
    };
  },
};

export const IN_PROCESS_PEERS: readonly Peer[] = [levenshteinPeer, jaroWinklerPeer, fusePeer, metaphonePeer];
