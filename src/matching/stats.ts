import { GIVEN_NAME_CLASS } from "./data/given-names.ts";
import { ORG_COMMON_WORDS } from "./data/name-words.ts";
import type { NameToken } from "./names.ts";

/**
 * Term statistics for name tokens. A token's agreement weight is ln(m/u): m, the chance a true pair shows
 * the token on both sides, over u, the chance a random listed subject carries it. u comes from how many
 * profiles hold the token; rare tokens therefore weigh much more than "Mohammed" or "Ali".
 */
export interface NameStats {
  tokenWeight(token: NameToken): number;
  /** Prior log-odds that a query and one given listed subject are the same. */
  readonly prior: number;
}

const M_AGREE = 0.9;
const MIN_WEIGHT = 0.5;
const MAX_WEIGHT = 12;
/**
 * Prior: of the N subjects a query is screened against, at most one is the same: ln(1/N), shifted by
 * SCREENING_PRIOR_BASE. A pair handed over for comparison (match-pairs, scorePair without statistics) was
 * already picked as worth comparing, so its prior is higher by PAIR_PRIOR_BASE over the stand-in population.
 */
export const SCREENING_PRIOR_BASE = 1;
export const PAIR_PRIOR_BASE = 3;

function weightFor(df: number, population: number): number {
  const u = (df + 0.5) / (population + 1);
  return Math.min(MAX_WEIGHT, Math.max(MIN_WEIGHT, Math.log(M_AGREE / u)));
}

/** Statistics counted from a population of profiles (the index keeps them current). */
export class FrequencyStats implements NameStats {
  private readonly counts = new Map<string, number>();
  private population = 0;
  /**
   * Weights worked out since the counts last changed, by token id (a token's text fixes its key, so its
   * weight): a search asks for the same few tokens' weights many times over.
   */
  private weights = new Float64Array(0);
  private weightVersion = new Float64Array(0);
  private version = 1;

  /** Counts one subject's distinct token keys (a subject with many aliases still counts once per key). */
  addSubject(keys: Iterable<string>, sign: 1 | -1 = 1): void {
    this.version++;
    this.population += sign;
    for (const key of new Set(keys)) {
      const next = (this.counts.get(key) ?? 0) + sign;
      if (next <= 0) this.counts.delete(key);
      else this.counts.set(key, next);
    }
  }

  get size(): number {
    return this.population;
  }

  count(key: string): number {
    return this.counts.get(key) ?? 0;
  }

  get prior(): number {
    return SCREENING_PRIOR_BASE - Math.log(Math.max(this.population, DEFAULT_POPULATION));
  }

  tokenWeight(token: NameToken): number {
    const id = token.id;
    if (this.weightVersion[id] === this.version) return this.weights[id] as number;
    const population = Math.max(this.population, DEFAULT_POPULATION);
    // The registry's count, but never below what is known of the token's kind in names at large.
    const weight = weightFor(Math.max(this.count(token.key), commonness(token) * population), population);
    if (id >= this.weights.length) this.growWeights(id);
    this.weights[id] = weight;
    this.weightVersion[id] = this.version;
    return weight;
  }

  private growWeights(id: number): void {
    const size = Math.max(1024, (id + 1) * 2);
    const [weights, versions] = [new Float64Array(size), new Float64Array(size)];
    weights.set(this.weights);
    versions.set(this.weightVersion);
    [this.weights, this.weightVersion] = [weights, versions];
  }
}

/** A stand-in population for pairs compared without a registry (match-pairs, scorePair without stats). */
const DEFAULT_POPULATION = 3000;

/**
 * The least share of a population that carries a token of this kind: common given names and organisation
 * words about 1 in 100; short tokens (Chinese and Korean syllables, "Li", "Ali") are common anywhere.
 */
function commonness(token: NameToken): number {
  if (GIVEN_NAME_CLASS.has(token.text) || ORG_COMMON_WORDS.has(token.text)) return 0.01;
  if (token.text.length <= 2 || token.numeric) return 0.02;
  if (token.text.length === 3) return 0.005;
  if (token.text.length === 4) return 0.002;
  return 0;
}

/** Built-in statistics: common given names and organisation words are common, everything else rare. */
export const DEFAULT_STATS: NameStats = {
  prior: PAIR_PRIOR_BASE - Math.log(DEFAULT_POPULATION),
  tokenWeight: (token) => weightFor(Math.max(1, commonness(token) * DEFAULT_POPULATION), DEFAULT_POPULATION),
};
