/**
 * A token's key group merged into one list: every slot of the group's usable posting lists once, with the
 * weight of its best key, which is what the candidate search adds for the slot. Queries repeat their tokens
 * (payment parties share first names and surnames), and a token's lists overlap (its skeleton, phonetic and
 * one-letter-deletion keys find many of the same names), so a group asked for again is read from its merged
 * list: half the entries, in typed arrays. A group is merged the second time it is asked for (most tokens
 * of a batch come once), and merged lists are dropped when the index changes, or, least recently used
 * first, when they hold more than `budget` slots in all.
 */
export interface MergedGroup {
  slots: Int32Array;
  /** Per slot, which of `weights` it earns (a group has at most a few dozen keys). */
  keyOf: Uint8Array;
  weights: Float64Array;
}

interface Entry extends MergedGroup {
  /** The index state it was merged in (see `lookup`). */
  version: number;
}

export class MergedGroups {
  private readonly merged = new Map<readonly number[], Entry>();
  private readonly askedOnce = new WeakSet<readonly number[]>();
  private held = 0;
  /** Per slot: the build it was last collected in, so a build takes each slot once. */
  private marks = new Int32Array(0);
  private build = 0;

  constructor(private readonly budget = 8_000_000) {}

  /**
   * The group's merged list when it was merged in index state `version`; undefined when the group must be
   * read list by list (then `shouldMerge` tells whether to merge it now).
   */
  lookup(group: readonly number[], version: number): MergedGroup | undefined {
    const entry = this.merged.get(group);
    if (!entry) return undefined;
    if (entry.version !== version) {
      this.drop(group, entry);
      return undefined;
    }
    // Most recently used last, so eviction takes the least recently used first.
    this.merged.delete(group);
    this.merged.set(group, entry);
    return entry;
  }

  /** Whether the group was asked for before (and so is worth merging now). */
  shouldMerge(group: readonly number[]): boolean {
    if (this.askedOnce.has(group)) return true;
    this.askedOnce.add(group);
    return false;
  }

  /**
   * Merges the group's first `count` lists, given from the highest weight down with their weights, for
   * slots below `capacity`, and keeps the result for `group` in index state `version`.
   */
  store(
    group: readonly number[],
    lists: readonly (readonly number[])[],
    weights: ArrayLike<number>,
    count: number,
    capacity: number,
    version: number,
  ): void {
    if (this.marks.length < capacity) this.marks = new Int32Array(Math.max(capacity * 2, 1024));
    // Counted first, so the merged list is allocated once at its size.
    let size = 0;
    this.build++;
    for (let k = 0; k < count; k++) {
      for (const slot of lists[k] as readonly number[]) {
        if (this.marks[slot] === this.build) continue;
        this.marks[slot] = this.build;
        size++;
      }
    }
    this.build++;
    const entry: Entry = {
      slots: new Int32Array(size),
      keyOf: new Uint8Array(size),
      weights: Float64Array.from({ length: count }, (_, k) => weights[k] as number),
      version,
    };
    let n = 0;
    for (let k = 0; k < count; k++) {
      for (const slot of lists[k] as readonly number[]) {
        if (this.marks[slot] === this.build) continue;
        this.marks[slot] = this.build;
        entry.slots[n] = slot;
        entry.keyOf[n++] = k;
      }
    }
    const before = this.merged.get(group);
    if (before) this.drop(group, before);
    this.merged.set(group, entry);
    this.held += n;
    for (const [oldest, old] of this.merged) {
      if (this.held <= this.budget) break;
      this.drop(oldest, old);
    }
  }

  private drop(group: readonly number[], entry: Entry): void {
    this.merged.delete(group);
    this.held -= entry.slots.length;
  }
}
