/**
 * Per-query working memory of the index's candidate search, kept between queries so a query allocates
 * nothing per candidate: a slot's blocking score so far, the group it was last offered in (a slot counts
 * once per token group), and the slots touched, to pick the best and to clear afterwards. The touched list
 * is a typed array with a count (a slot is touched at most once per query), so a query does not regrow
 * arrays the collector then has to sweep. Two arrays read per offer: the scan is bound by memory, not work.
 */
export class CandidateScratch {
  private score_ = new Float64Array(0);
  private groupStamp = new Uint32Array(0);
  private stamp = 0;
  private touched = new Int32Array(0);
  private touchedCount = 0;

  /** Makes room for slots 0..capacity-1. */
  reserve(capacity: number): void {
    if (this.score_.length >= capacity) return;
    const size = Math.max(capacity * 2, 1024);
    const grow = <T extends Float64Array | Uint32Array | Int32Array>(old: T, fresh: T): T => {
      fresh.set(old);
      return fresh;
    };
    this.score_ = grow(this.score_, new Float64Array(size));
    this.groupStamp = grow(this.groupStamp, new Uint32Array(size));
    this.touched = grow(this.touched, new Int32Array(size));
  }

  startGroup(): void {
    this.stamp++;
    if (this.stamp === 0xffffffff) {
      this.groupStamp.fill(0);
      this.stamp = 1;
    }
  }

  /**
   * Adds `weight` to a slot's score unless the slot was already offered in this group. Callers offer a
   * group's keys from the highest weight down, so a slot counts once per group, with its best key.
   */
  offer(slot: number, weight: number): void {
    if (this.groupStamp[slot] === this.stamp) return;
    this.groupStamp[slot] = this.stamp;
    const before = this.score_[slot] ?? 0;
    if (before === 0) this.touched[this.touchedCount++] = slot;
    this.score_[slot] = before + weight;
  }

  score(slot: number): number {
    return this.score_[slot] ?? 0;
  }

  /** The `limit` touched slots of highest score, best first, ties by slot (a partial selection, not a sort). */
  best(limit: number): number[] {
    const score = this.score_;
    const chosen: number[] = [];
    if (limit <= 0) return chosen;
    const ahead = (slot: number, other: number) => before(score[slot] ?? 0, slot, score[other] ?? 0, other);
    for (let i = 0; i < this.touchedCount; i++) {
      const slot = this.touched[i] ?? 0;
      if (chosen.length === limit && !ahead(slot, chosen[limit - 1] ?? 0)) continue;
      let at = chosen.length === limit ? limit - 1 : chosen.length;
      while (at > 0 && ahead(slot, chosen[at - 1] ?? 0)) {
        chosen[at] = chosen[at - 1] ?? 0;
        at--;
      }
      chosen[at] = slot;
    }
    return chosen;
  }

  /** Resets the scores of the touched slots for the next query. */
  clear(): void {
    for (let i = 0; i < this.touchedCount; i++) this.score_[this.touched[i] ?? 0] = 0;
    this.touchedCount = 0;
  }
}

/** Whether slot a (score sa) ranks before slot b (score sb): higher score first, then lower slot. */
const before = (sa: number, a: number, sb: number, b: number): boolean => sa > sb || (sa === sb && a < b);
