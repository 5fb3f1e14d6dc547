import { compareNationality } from "./compare/country.ts";
import { compareBirthDates } from "./compare/date.ts";
import { compareBirthPlace, compareDocuments, compareGender } from "./compare/identity.ts";
import { compareNames, type NameComparison, nameEvidence } from "./compare/name.ts";
import { NameBound } from "./compare/name-bound.ts";
import type { NameForm } from "./names.ts";
import {
  type Prepared,
  type PreparedQuery,
  type ProfileNames,
  prepareProfile,
  prepareQuery,
} from "./prepare.ts";
import { DEFAULT_STATS, type NameStats } from "./stats.ts";
import type { Evidence, MatchProfile, MatchQuery } from "./types.ts";

/**
 * The scorer: Fellegi–Sunter log-odds. A prior plus one named weight per comparison gives the total; the
 * score is its logistic, a probability. The explanation lists every weight, so it sums to the total.
 */

/** Alerts start here: see docs/matching.md for the precision and recall this gives on the benchmarks. */
export const DEFAULT_ALERT_THRESHOLD = 0.8;

/** A person compared with an organisation (or the reverse): names may agree, the subjects cannot. */
export const KIND_DIFFERS = -10;

export interface PairScore {
  score: number;
  logOdds: number;
  explanation: Evidence[];
}

export const sigmoid = (x: number) => 1 / (1 + Math.exp(-x));
const round = (x: number) => Math.round(x * 1000) / 1000;

/** How many query tokens have a cheap look-alike (same text, class, skeleton or first letters) in a name. */
function overlap(query: NameForm, listed: NameForm): number {
  let n = 0;
  for (const q of query.tokens) {
    const head = q.text.slice(0, 2);
    for (const c of listed.tokens) {
      if (c.key === q.key || c.skeleton === q.skeleton || c.text.startsWith(head) || c.tail) {
        n++;
        break;
      }
    }
  }
  return n;
}

/** Names of a profile fully compared: the few that look most like the query (profiles can carry dozens). */
const NAMES_COMPARED = 3;

function bestName(query: PreparedQuery, profile: Prepared, stats: NameStats): NameComparison | null {
  const name = query.names[0];
  if (!name) return null;
  let forms = profile.names;
  if (forms.length > NAMES_COMPARED) {
    const scored = forms.map((form, i) => ({ form, i, n: overlap(name, form) }));
    scored.sort((a, b) => b.n - a.n || a.i - b.i);
    forms = scored.slice(0, NAMES_COMPARED).map((x) => x.form);
  }
  let best: NameComparison | null = null;
  for (const listed of forms) {
    const c = compareNames(name, listed, stats);
    if (!best || c.logOdds > best.logOdds) best = c;
  }
  return best;
}

/** A pair compared: its log-odds and score, and what the explanation is worded from (see explain). */
export interface Compared {
  query: PreparedQuery;
  profile: Prepared;
  name: NameComparison | null;
  others: readonly Evidence[];
  logOdds: number;
  score: number;
}

/**
 * Compares a prepared query with a prepared profile without wording the explanation, which most
 * candidates of a search never need. `others`: the pair's evidence besides kind and name, when the caller
 * has it already (the index works it out once for the score floor and the score).
 */
export function comparePrepared(
  query: PreparedQuery,
  profile: Prepared,
  stats: NameStats,
  others: readonly Evidence[] = otherEvidence(query, profile),
): Compared {
  const name = bestName(query, profile, stats);
  // Summed in the explanation's order, so the total is the sum of its weights to the last bit.
  let logOdds = round(stats.prior);
  if (query.kind !== profile.kind) logOdds += KIND_DIFFERS;
  if (name) for (const item of name.items) logOdds += item.weight;
  for (const e of others) logOdds += e.weight;
  return { query, profile, name, others, logOdds, score: sigmoid(logOdds) };
}

/** The explanation of a compared pair: every weight, named, summing to its log-odds. */
export function explain({ query, profile, name, others }: Compared, stats: NameStats): Evidence[] {
  const explanation: Evidence[] = [
    {
      feature: "prior",
      weight: round(stats.prior),
      detail: "prior odds that two records name the same subject",
    },
  ];
  if (query.kind !== profile.kind) {
    explanation.push({
      feature: "schema",
      weight: KIND_DIFFERS,
      detail: `a ${query.kind} is not an ${profile.kind}`,
    });
  }
  if (name) explanation.push(...nameEvidence(name));
  explanation.push(...others);
  return explanation;
}

/** Scores a prepared query against a prepared profile, with its explanation. */
export function scorePrepared(
  query: PreparedQuery,
  profile: Prepared,
  stats: NameStats,
  others?: readonly Evidence[],
): PairScore {
  const compared = comparePrepared(query, profile, stats, others);
  return { score: compared.score, logOdds: compared.logOdds, explanation: explain(compared, stats) };
}

/** Whether a query gives nothing but names: then every profile's other evidence is none (see otherEvidence). */
export function asksOnlyNames(query: PreparedQuery): boolean {
  return (
    query.birthDate === null &&
    query.nationality === null &&
    query.gender === null &&
    query.document === null &&
    query.birthPlaces.length === 0
  );
}

/** The evidence besides kind and name: birth date, nationality, gender, document, place of birth. */
export function otherEvidence(query: PreparedQuery, profile: Prepared): Evidence[] {
  const found: Evidence[] = [];
  for (const e of [
    compareBirthDates(query.birthDate, profile.birthDates),
    compareNationality(query.nationality, profile.nationalities),
    compareGender(query.gender, profile.genders),
    compareDocuments(query.document, profile.documents),
    compareBirthPlace(query.birthPlaces[0] ?? [], profile.birthPlaces),
  ]) {
    if (e) found.push(e);
  }
  return found;
}

/** Room for the rounding of explanation weights (to 0.001 each) between a bound and the exact sum. */
const BOUND_SLACK = 0.05;

/**
 * A floor under the scores a caller wants: it tells, without aligning names, which candidates cannot reach
 * it, so they need no full comparison. Everything but the name counts exactly; the name counts at the most
 * it could add (see NameBound). A pair it is unsure of (names compared through readings) is never below.
 */
export class ScoreFloor {
  private readonly logit: number;
  private readonly names = new Map<PreparedQuery, NameBound | null>();

  constructor(
    minScore: number,
    private readonly stats: NameStats,
  ) {
    this.logit = Math.log(minScore / (1 - minScore)) - BOUND_SLACK;
  }

  /**
   * Whether the pair's score is certainly below the floor, from the profile's kind and names alone (the
   * index keeps these apart from the rest, to be read without it); `others` is otherEvidence of the pair.
   */
  below(query: PreparedQuery, profile: ProfileNames, others: readonly Evidence[]): boolean {
    let names = this.names.get(query);
    if (names === undefined) {
      const form = query.names[0];
      names = form ? new NameBound(form, this.stats) : null;
      this.names.set(query, names);
    }
    const name = names?.against(profile.names, profile.nameShape);
    if (name === null || name === undefined) return false;
    let rest = this.stats.prior + (query.kind !== profile.kind ? KIND_DIFFERS : 0);
    for (const e of others) rest += e.weight;
    if (rest + name < this.logit) return true;
    // The closer bound costs a look at every pair of parts: only for candidates the first cannot rule out.
    return names?.closerBelow(profile.names, profile.nameShape, this.logit - rest) === true;
  }
}

/** Scores one query against one profile. Without `stats`, built-in token frequencies are used. */
export function scorePair(
  query: MatchQuery,
  profile: MatchProfile,
  stats: NameStats = DEFAULT_STATS,
): PairScore {
  return scorePrepared(prepareQuery(query), prepareProfile(profile), stats);
}
