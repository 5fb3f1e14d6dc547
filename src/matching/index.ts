import { CandidateScratch } from "./candidate-scratch.ts";
import { MergedGroups } from "./merged-groups.ts";
import type { NameKind } from "./names.ts";
import { Postings } from "./postings.ts";
import {
  analyzeProfile,
  type NameAnalyses,
  nameAnalyses,
  type Prepared,
  type PreparedQuery,
  type ProfileNames,
  prepareQuery,
} from "./prepare.ts";
import {
  asksOnlyNames,
  type Compared,
  comparePrepared,
  DEFAULT_ALERT_THRESHOLD,
  explain,
  otherEvidence,
  ScoreFloor,
} from "./score.ts";
import { FrequencyStats } from "./stats.ts";
import type { Evidence, MatchProfile, MatchQuery, MatchResult } from "./types.ts";

/**
 * In-memory candidate index over match profiles. Names are filed under blocking keys (see blocking.ts)
 * in an inverted index; a query collects candidates from its keys, weighting each key by its rarity and
 * ignoring keys too common to discriminate, then fully scores the best ten or so. Token statistics
 * (for the scorer's rare-token weights) are counted from the indexed profiles and kept current on add,
 * update and remove. Results are deterministic: ties order by entity id.
 */

/** Posting lists longer than this are too common to pick candidates with (but still count in stats). */
const MAX_POSTINGS = 4000;
const MAX_FUZZY_POSTINGS = 600;
/** Candidates below this share of the best candidate's blocking score are dropped (at least five kept). */
const MIN_SHARE_OF_BEST = 0.3;
/** Candidates fully scored per query. */
const CANDIDATES = 10;

/** A group's usable posting lists and their weights, best first: reused by every query (searches do not nest). */
const keyLists: (readonly number[])[] = [];
const keyWeights: number[] = [];

export interface SearchOptions {
  /**
   * Only results scoring at least this are returned (0 < minScore < 1), and candidates that certainly score
   * below it are not compared in full (see ScoreFloor): for callers that only want alerts.
   */
  minScore?: number;
  /** Name analyses shared by a batch's searches (names recur: a party as payer and payee, remittance words). */
  analyses?: NameAnalyses;
}

/**
 * A profile in the index. What the score floor reads of every candidate (kind, names, their shape) is on the
 * entry itself, one memory read from the slot: most candidates are ruled out with only these.
 */
interface Entry extends ProfileNames {
  /** What a result shows of the profile; the rest of it lives on analysed in `prepared`. */
  entityId: string;
  caption: string;
  listRef: string | undefined;
  /** Keys and statistics are worked out again from it on removal rather than kept per entry. */
  prepared: Prepared;
}

/** The token keys a profile counts under in the statistics (the statistics count each once per subject). */
function statKeys(prepared: Prepared): string[] {
  const keys: string[] = [];
  for (const form of prepared.names) for (const token of form.tokens) keys.push(token.key);
  return keys;
}

export class MatchIndex {
  private readonly slots: (Entry | null)[] = [];
  private readonly bySlotId = new Map<string, number>();
  private readonly postings = new Postings();
  readonly stats = new FrequencyStats();
  private readonly scratch = new CandidateScratch();
  private readonly merged = new MergedGroups();
  /** Counts additions and removals: merged key groups hold only while it stays the same. */
  private changes = 0;

  constructor(profiles: MatchProfile[] = []) {
    // Name analyses shared while loading: aliases and common full names repeat across profiles.
    const analyses = nameAnalyses();
    for (const profile of profiles) this.insert(profile, analyses);
  }

  get size(): number {
    return this.bySlotId.size;
  }

  has(entityId: string): boolean {
    return this.bySlotId.has(entityId);
  }

  /** Adds a profile; a profile with the same entity id is replaced. */
  add(profile: MatchProfile): void {
    this.insert(profile);
  }

  update(profile: MatchProfile): void {
    this.insert(profile);
  }

  private insert(profile: MatchProfile, analyses?: NameAnalyses): void {
    this.changes++;
    if (this.bySlotId.has(profile.entityId)) this.remove(profile.entityId);
    const prepared = analyzeProfile(profile, analyses);
    const slot = this.slots.length;
    this.slots.push({
      kind: prepared.kind,
      names: prepared.names,
      nameShape: prepared.nameShape,
      entityId: profile.entityId,
      caption: profile.caption,
      listRef: profile.listRef,
      prepared,
    });
    this.bySlotId.set(profile.entityId, slot);
    for (const form of prepared.names) this.postings.file(form, slot);
    this.stats.addSubject(statKeys(prepared));
  }

  /** Removes a profile by entity id; returns whether it was there. */
  remove(entityId: string): boolean {
    const slot = this.bySlotId.get(entityId);
    if (slot === undefined) return false;
    this.changes++;
    const entry = this.slots[slot];
    if (!entry) return false;
    for (const form of entry.prepared.names) this.postings.unfile(form, slot);
    this.stats.addSubject(statKeys(entry.prepared), -1);
    this.slots[slot] = null;
    this.bySlotId.delete(entityId);
    return true;
  }

  /** The slots whose names share rare enough keys with the query, best first. */
  private candidates(groups: (readonly number[])[], limit: number): number[] {
    const scratch = this.scratch;
    scratch.reserve(this.slots.length);
    const total = Math.max(this.size, 1);
    for (const group of groups) {
      scratch.startGroup();
      const merged = this.merged.lookup(group, this.changes);
      if (merged) {
        const { slots, keyOf, weights } = merged;
        for (let i = 0; i < slots.length; i++)
          scratch.add(slots[i] as number, weights[keyOf[i] as number] as number);
        continue;
      }
      // The group's usable keys from the highest weight down (insertion sort: a group has a few dozen keys).
      let n = 0;
      for (const key of group) {
        const list = this.postings.list(key);
        if (list.length === 0) continue;
        const exact = this.postings.isExact(key);
        if (list.length > (exact ? MAX_POSTINGS : MAX_FUZZY_POSTINGS)) continue;
        const weight = Math.log(1 + total / list.length) * (exact ? 1 : 0.8);
        let at = n++;
        while (at > 0 && (keyWeights[at - 1] ?? 0) < weight) {
          keyWeights[at] = keyWeights[at - 1] ?? 0;
          keyLists[at] = keyLists[at - 1] ?? list;
          at--;
        }
        keyWeights[at] = weight;
        keyLists[at] = list;
      }
      for (let k = 0; k < n; k++) {
        const list = keyLists[k] ?? [];
        const weight = keyWeights[k] ?? 0;
        for (const slot of list) scratch.offer(slot, weight);
      }
      if (n > 1 && n <= 256 && this.merged.shouldMerge(group))
        this.merged.store(group, keyLists, keyWeights, n, this.slots.length, this.changes);
    }
    const chosen = scratch.best(limit);
    // Candidates that share far less with the query than the best one are not worth scoring.
    const floor = scratch.score(chosen[0] ?? 0) * MIN_SHARE_OF_BEST;
    let end = chosen.length;
    while (end > 5 && scratch.score(chosen[end - 1] ?? 0) < floor) end--;
    scratch.clear();
    return chosen.slice(0, end);
  }

  search(query: MatchQuery, top = 5, options: SearchOptions = {}): MatchResult[] {
    const prepared = prepareQuery(query, options.analyses);
    return this.ranked(prepared, () => prepared, top, options);
  }

  /**
   * Searches for a subject that may be a person or an organisation (a payment party whose message does not
   * say): each candidate is scored as its own kind, as if asked both ways. When the name gives the same
   * blocking keys read either way (the usual case), candidates are looked up once; otherwise each way apart.
   */
  searchEitherKind(query: MatchQuery, top = 5, options: SearchOptions = {}): MatchResult[] {
    const person = prepareQuery({ ...query, schema: "Person" }, options.analyses);
    const organization = prepareQuery({ ...query, schema: "Organization" }, options.analyses);
    if (sameBlocking(person, organization))
      return this.ranked(person, (kind) => (kind === "person" ? person : organization), top, options);
    const both = [
      ...this.ranked(person, () => person, top, options),
      ...this.ranked(organization, () => organization, top, options),
    ];
    return bestPerEntity(both, top);
  }

  /** Candidates looked up with `lookup`'s names, each scored with the query `scoreAs` gives for its kind. */
  private ranked(
    lookup: PreparedQuery,
    scoreAs: (kind: NameKind) => PreparedQuery,
    top: number,
    { minScore }: SearchOptions,
  ): MatchResult[] {
    const form = lookup.names[0];
    if (!form) return [];
    // A Han or kana name also looks candidates up in its other readings (Korean, foreign katakana).
    const groups =
      lookup.searchForms.length === 0
        ? this.postings.lookupGroups(form)
        : [form, ...lookup.searchForms].flatMap((f) => this.postings.lookupGroups(f));
    const slots = this.candidates(groups, Math.max(CANDIDATES, top * 2));
    const floor = minScore === undefined ? null : new ScoreFloor(minScore, this.stats);
    const scored: { entry: Entry; compared: Compared }[] = [];
    for (const slot of slots) {
      const entry = this.slots[slot];
      if (!entry) continue;
      const query = scoreAs(entry.kind);
      // A query of names only has no other evidence with any profile: the rest of it is not read.
      const others = asksOnlyNames(query) ? NO_EVIDENCE : otherEvidence(query, entry.prepared);
      if (floor?.below(query, entry, others)) continue;
      const compared = comparePrepared(query, entry.prepared, this.stats, others);
      if (minScore === undefined || compared.score >= minScore) scored.push({ entry, compared });
    }
    // Only the results returned are worded (explain), not every candidate scored.
    scored.sort((a, b) => byScore(a.compared.score, a.entry.entityId, b.compared.score, b.entry.entityId));
    return scored.slice(0, top).map(({ entry, compared }) => {
      const result: MatchResult = {
        entityId: entry.entityId,
        caption: entry.caption,
        score: compared.score,
        alert: compared.score >= DEFAULT_ALERT_THRESHOLD,
        explanation: explain(compared, this.stats),
      };
      if (entry.listRef) result.listRef = entry.listRef;
      return result;
    });
  }
}

const NO_EVIDENCE: readonly Evidence[] = Object.freeze([]);

/** Best first; ties by entity id, so results are deterministic. */
function byScore(scoreA: number, idA: string, scoreB: number, idB: string): number {
  return scoreB - scoreA || (idA < idB ? -1 : idA > idB ? 1 : 0);
}

/** Each entity once, with its best result, best first, at most `top`. */
export function bestPerEntity(results: readonly MatchResult[], top: number): MatchResult[] {
  const best = new Map<string, MatchResult>();
  for (const result of results) {
    const seen = best.get(result.entityId);
    if (!seen || seen.score < result.score) best.set(result.entityId, result);
  }
  return [...best.values()].sort((a, b) => byScore(a.score, a.entityId, b.score, b.entityId)).slice(0, top);
}

/** Whether two readings of a query file the same blocking keys: same tokens, no extra reading forms. */
function sameBlocking(a: PreparedQuery, b: PreparedQuery): boolean {
  if (a.searchForms.length > 0 || b.searchForms.length > 0) return false;
  const [x, y] = [a.names[0]?.tokens ?? [], b.names[0]?.tokens ?? []];
  return (
    x.length === y.length &&
    x.every((t, i) => {
      const u = y[i];
      return (
        u !== undefined &&
        t.id === u.id &&
        t.initial === u.initial &&
        t.abjad === u.abjad &&
        t.glyph === u.glyph
      );
    })
  );
}
