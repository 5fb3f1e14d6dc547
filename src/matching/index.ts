import { CandidateScratch } from "./candidate-scratch.ts";
import { Postings } from "./postings.ts";
import { analyzeProfile, type NameAnalyses, nameAnalyses, type Prepared, prepareQuery } from "./prepare.ts";
import { DEFAULT_ALERT_THRESHOLD, scorePrepared } from "./score.ts";
import { FrequencyStats } from "./stats.ts";
import type { MatchProfile, MatchQuery, MatchResult } from "./types.ts";

/**
 * In-memory candidate index over match profiles. Names are filed under blocking keys (see blocking.ts)
 * in an inverted index; a query collects candidates from its keys, weighting each key by its rarity and
 * ignoring keys too common to discriminate, then fully scores the best few hundred. Token statistics
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

interface Entry {
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
    if (this.bySlotId.has(profile.entityId)) this.remove(profile.entityId);
    const prepared = analyzeProfile(profile, analyses);
    const slot = this.slots.length;
    this.slots.push({
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
      for (const key of group) {
        const list = this.postings.list(key);
        if (list.length === 0) continue;
        const exact = this.postings.isExact(key);
        if (list.length > (exact ? MAX_POSTINGS : MAX_FUZZY_POSTINGS)) continue;
        const weight = Math.log(1 + total / list.length) * (exact ? 1 : 0.8);
        // A slot counts once per group, with the best of its keys.
        for (const slot of list) scratch.offer(slot, weight);
      }
      scratch.endGroup();
    }
    const chosen = scratch.best(limit);
    // Candidates that share far less with the query than the best one are not worth scoring.
    const floor = scratch.score(chosen[0] ?? 0) * MIN_SHARE_OF_BEST;
    let end = chosen.length;
    while (end > 5 && scratch.score(chosen[end - 1] ?? 0) < floor) end--;
    scratch.clear();
    return chosen.slice(0, end);
  }

  search(query: MatchQuery, top = 5): MatchResult[] {
    const prepared = prepareQuery(query);
    const form = prepared.names[0];
    if (!form) return [];
    // A Han or kana name also looks candidates up in its other readings (Korean, foreign katakana).
    const groups =
      prepared.searchForms.length === 0
        ? this.postings.lookupGroups(form)
        : [form, ...prepared.searchForms].flatMap((f) => this.postings.lookupGroups(f));
    const slots = this.candidates(groups, Math.max(CANDIDATES, top * 2));
    const results: MatchResult[] = [];
    for (const slot of slots) {
      const entry = this.slots[slot];
      if (!entry) continue;
      const { score, explanation } = scorePrepared(prepared, entry.prepared, this.stats);
      const result: MatchResult = {
        entityId: entry.entityId,
        caption: entry.caption,
        score,
        alert: score >= DEFAULT_ALERT_THRESHOLD,
        explanation,
      };
      if (entry.listRef) result.listRef = entry.listRef;
      results.push(result);
    }
    results.sort(
      (a, b) => b.score - a.score || (a.entityId < b.entityId ? -1 : a.entityId > b.entityId ? 1 : 0),
    );
    return results.slice(0, top);
  }
}
