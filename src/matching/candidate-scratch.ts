/**
 * Per-query working memory of the index's candidate search, kept between queries so a query allocates
 * nothing per candidate: a slot's blocking score so far, the group it was last offered in (a slot counts
 * once per token group), and the slots touched, to pick the best and to clear afterwards. The scan is bound
 * by memory, not work, so scores and group stamps live in arrays of their own: a merged group holds each
 * slot once and needs no stamp (`add`), so two thirds of the offers read only the scores. The touched list
 * is a typed array with a count (a slot is touched at most once per query), so a query does not regrow
 * arrays the collector then has to sweep.
 */
export class CandidateScratch {
  private scores = new Float64Array(0);
  /** Per slot: the group it was last offered in (stamps count up, and start again on cleared stamps after 2^32 - 1). */
  private stamps = new Uint32Array(0);
  private stamp = 0;
  private touched = new Int32Array(0);
  private touchedCount = 0;

  /** Makes room for slots 0..capacity-1. */
  reserve(capacity: number): void {
    if (this.touched.length >= capacity) return;
    const size = Math.max(capacity * 2, 1024);
    const scores = new Float64Array(size);
    scores.set(this.scores);
    this.scores = scores;
    const stamps = new Uint32Array(size);
    stamps.set(this.stamps);
    this.stamps = stamps;
    const touched = new Int32Array(size);
    touched.set(this.touched);
    this.touched = touched;
  }

  startGroup(): void {
    if (this.stamp === 0xffffffff) {
      this.stamps.fill(0);
      this.stamp = 0;
    }
    this.stamp++;
  }

  /**
   * Adds `weight` to a slot's score unless the slot was already offered in this group. Callers offer a
   * group's keys from the highest weight down, so a slot counts once per group, with its best key.
   */
  offer(slot: number, weight: number): void {
    if (this.stamps[slot] === this.stamp) return;
    this.stamps[slot] = this.stamp;
    this.add(slot, weight);
  }

  /** Adds `weight` to a slot's score: for a group that offers each slot once. */
  add(slot: number, weight: number): void {
    const before = this.scores[slot] as number;
    if (before === 0) this.touched[this.touchedCount++] = slot;
    this.scores[slot] = before + weight;
  }

  score(slot: number): number {
    return this.scores[slot] ?? 0;
  }

  /** The `limit` touched slots of highest score, best first, ties by slot (a partial selection, not a sort). */
  best(limit: number): number[] {
    const scores = this.scores;
    const chosen: number[] = [];
    if (limit <= 0) return chosen;
    // The last one chosen once `limit` are: most touched slots rank below it and are passed over at once.
    let lastScore = Number.NEGATIVE_INFINITY;
    let lastSlot = -1;
    for (let i = 0; i < this.touchedCount; i++) {
      const slot = this.touched[i] as number;
      const score = scores[slot] as number;
      if (chosen.length === limit && !before(score, slot, lastScore, lastSlot)) continue;
      let at = chosen.length === limit ? limit - 1 : chosen.length;
      while (at > 0) {
        const other = chosen[at - 1] as number;
        if (!before(score, slot, scores[other] as number, other)) break;
        chosen[at] = other;
        at--;
      }
      chosen[at] = slot;
      if (chosen.length === limit) {
        lastSlot = chosen[limit - 1] as number;
        lastScore = scores[lastSlot] as number;
      }
    }
    return chosen;
  }

  /** Resets the scores of the touched slots for the next query. */
  clear(): void {
    for (let i = 0; i < this.touchedCount; i++) this.scores[this.touched[i] as number] = 0;
    this.touchedCount = 0;
  }
}

/** Whether slot a (score sa) ranks before slot b (score sb): higher score first, then lower slot. */
const before = (sa: number, a: number, sb: number, b: number): boolean => sa > sb || (sa === sb && a < b);
