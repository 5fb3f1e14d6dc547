/**
 * Per-query working memory of the index's candidate search, kept between queries so a query allocates
 * nothing per candidate: a slot's blocking score so far, the group it was last offered in (a slot counts
 * once per token group), and the slots touched, to pick the best and to clear afterwards. A slot's group
 * stamp and score sit side by side in one array, so an offer reads one cache line: the scan is bound by
 * memory, not work. The touched list is a typed array with a count (a slot is touched at most once per
 * query), so a query does not regrow arrays the collector then has to sweep.
 */
export class CandidateScratch {
  /** Slot s: its group stamp at 2s, its score at 2s + 1 (stamps count up for ever: doubles hold 2^53). */
  private cells = new Float64Array(0);
  private stamp = 0;
  private touched = new Int32Array(0);
  private touchedCount = 0;

  /** Makes room for slots 0..capacity-1. */
  reserve(capacity: number): void {
    if (this.touched.length >= capacity) return;
    const size = Math.max(capacity * 2, 1024);
    const cells = new Float64Array(size * 2);
    cells.set(this.cells);
    this.cells = cells;
    const touched = new Int32Array(size);
    touched.set(this.touched);
    this.touched = touched;
  }

  startGroup(): void {
    this.stamp++;
  }

  /**
   * Adds `weight` to a slot's score unless the slot was already offered in this group. Callers offer a
   * group's keys from the highest weight down, so a slot counts once per group, with its best key.
   */
  offer(slot: number, weight: number): void {
    const cells = this.cells;
    const at = slot * 2;
    if (cells[at] === this.stamp) return;
    cells[at] = this.stamp;
    const before = cells[at + 1] ?? 0;
    if (before === 0) this.touched[this.touchedCount++] = slot;
    cells[at + 1] = before + weight;
  }

  score(slot: number): number {
    return this.cells[slot * 2 + 1] ?? 0;
  }

  /** The `limit` touched slots of highest score, best first, ties by slot (a partial selection, not a sort). */
  best(limit: number): number[] {
    const cells = this.cells;
    const chosen: number[] = [];
    if (limit <= 0) return chosen;
    // The last one chosen once `limit` are: most touched slots rank below it and are passed over at once.
    let lastScore = Number.NEGATIVE_INFINITY;
    let lastSlot = -1;
    for (let i = 0; i < this.touchedCount; i++) {
      const slot = this.touched[i] as number;
      const score = cells[slot * 2 + 1] as number;
      if (chosen.length === limit && !before(score, slot, lastScore, lastSlot)) continue;
      let at = chosen.length === limit ? limit - 1 : chosen.length;
      while (at > 0) {
        const other = chosen[at - 1] as number;
        if (!before(score, slot, cells[other * 2 + 1] as number, other)) break;
        chosen[at] = other;
        at--;
      }
      chosen[at] = slot;
      if (chosen.length === limit) {
        lastSlot = chosen[limit - 1] as number;
        lastScore = cells[lastSlot * 2 + 1] as number;
      }
    }
    return chosen;
  }

  /** Resets the scores of the touched slots for the next query. */
  clear(): void {
    for (let i = 0; i < this.touchedCount; i++) this.cells[(this.touched[i] ?? 0) * 2 + 1] = 0;
    this.touchedCount = 0;
  }
}

/** Whether slot a (score sa) ranks before slot b (score sb): higher score first, then lower slot. */
const before = (sa: number, a: number, sb: number, b: number): boolean => sa > sb || (sa === sb && a < b);
