import { nameKeyGroups } from "./blocking.ts";
import { type Prepared, prepareProfile, prepareQuery } from "./prepare.ts";
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
  profile: MatchProfile;
  prepared: Prepared;
  keys: string[];
  statKeys: string[];
}

export class MatchIndex {
  private readonly slots: (Entry | null)[] = [];
  private readonly bySlotId = new Map<string, number>();
  private readonly postings = new Map<string, number[]>();
  readonly stats = new FrequencyStats();
  private accumulator = new Float64Array(0);

  constructor(profiles: MatchProfile[] = []) {
    for (const profile of profiles) this.add(profile);
  }

  get size(): number {
    return this.bySlotId.size;
  }

  has(entityId: string): boolean {
    return this.bySlotId.has(entityId);
  }

  /** Adds a profile; a profile with the same entity id is replaced. */
  add(profile: MatchProfile): void {
    if (this.bySlotId.has(profile.entityId)) this.remove(profile.entityId);
    const prepared = prepareProfile(profile);
    const keys = new Set<string>();
    const statKeys = new Set<string>();
    for (const form of prepared.names) {
      for (const group of nameKeyGroups(form)) for (const key of group) keys.add(key);
      for (const token of form.tokens) statKeys.add(token.key);
    }
    const slot = this.slots.length;
    this.slots.push({ profile, prepared, keys: [...keys], statKeys: [...statKeys] });
    this.bySlotId.set(profile.entityId, slot);
    for (const key of keys) {
      const list = this.postings.get(key);
      if (list) list.push(slot);
      else this.postings.set(key, [slot]);
    }
    this.stats.addSubject(statKeys);
  }

  update(profile: MatchProfile): void {
    this.add(profile);
  }

  /** Removes a profile by entity id; returns whether it was there. */
  remove(entityId: string): boolean {
    const slot = this.bySlotId.get(entityId);
    if (slot === undefined) return false;
    const entry = this.slots[slot];
    if (!entry) return false;
    for (const key of entry.keys) {
      const list = this.postings.get(key);
      if (!list) continue;
      const at = list.indexOf(slot);
      if (at >= 0) list.splice(at, 1);
      if (list.length === 0) this.postings.delete(key);
    }
    this.stats.addSubject(entry.statKeys, -1);
    this.slots[slot] = null;
    this.bySlotId.delete(entityId);
    return true;
  }

  /** The slots whose names share rare enough keys with the query, best first. */
  private candidates(groups: Set<string>[], limit: number): number[] {
    if (this.accumulator.length < this.slots.length)
      this.accumulator = new Float64Array(this.slots.length * 2);
    const acc = this.accumulator;
    const touched: number[] = [];
    const total = Math.max(this.size, 1);
    for (const group of groups) {
      const best = new Map<number, number>();
      for (const key of group) {
        const list = this.postings.get(key);
        if (!list) continue;
        const fuzzy = !key.startsWith("t:");
        if (list.length > (fuzzy ? MAX_FUZZY_POSTINGS : MAX_POSTINGS)) continue;
        const weight = Math.log(1 + total / list.length) * (fuzzy ? 0.8 : 1);
        for (const slot of list) {
          const seen = best.get(slot);
          if (seen === undefined || seen < weight) best.set(slot, weight);
        }
      }
      for (const [slot, weight] of best) {
        if (acc[slot] === 0) touched.push(slot);
        acc[slot] = (acc[slot] ?? 0) + weight;
      }
    }
    touched.sort((a, b) => (acc[b] ?? 0) - (acc[a] ?? 0) || a - b);
    // Candidates that share far less with the query than the best one are not worth scoring.
    const floor = (acc[touched[0] ?? 0] ?? 0) * MIN_SHARE_OF_BEST;
    let end = Math.min(limit, touched.length);
    while (end > 5 && (acc[touched[end - 1] ?? 0] ?? 0) < floor) end--;
    const chosen = touched.slice(0, end);
    for (const slot of touched) acc[slot] = 0;
    return chosen;
  }

  search(query: MatchQuery, top = 5): MatchResult[] {
    const prepared = prepareQuery(query);
    const form = prepared.names[0];
    if (!form) return [];
    const slots = this.candidates(nameKeyGroups(form), Math.max(CANDIDATES, top * 2));
    const results: MatchResult[] = [];
    for (const slot of slots) {
      const entry = this.slots[slot];
      if (!entry) continue;
      const { score, explanation } = scorePrepared(prepared, entry.prepared, this.stats);
      const result: MatchResult = {
        entityId: entry.profile.entityId,
        caption: entry.profile.caption,
        score,
        alert: score >= DEFAULT_ALERT_THRESHOLD,
        explanation,
      };
      if (entry.profile.listRef) result.listRef = entry.profile.listRef;
      results.push(result);
    }
    results.sort(
      (a, b) => b.score - a.score || (a.entityId < b.entityId ? -1 : a.entityId > b.entityId ? 1 : 0),
    );
    return results.slice(0, top);
  }
}
