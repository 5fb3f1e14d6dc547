/**
 * Pure measures for the matching benchmark: confusion counts, precision/recall/F1, a threshold tuned for
 * the best F1 on the data itself, recall at k and latency percentiles. No I/O, no randomness.
 */

export interface Confusion {
  tp: number;
  fp: number;
  fn: number;
  tn: number;
}

export interface Accuracy {
  n: number;
  precision: number;
  recall: number;
  f1: number;
}

/** One scored, labelled pair: `score` is any similarity where higher means "more likely the same". */
export interface Scored {
  score: number;
  label: boolean;
}

export function confusion(items: readonly { predicted: boolean; label: boolean }[]): Confusion {
  const c: Confusion = { tp: 0, fp: 0, fn: 0, tn: 0 };
  for (const { predicted, label } of items) {
    if (predicted && label) c.tp++;
    else if (predicted) c.fp++;
    else if (label) c.fn++;
    else c.tn++;
  }
  return c;
}

/** Precision, recall and F1; an empty denominator counts as 0 (nothing predicted means precision 0). */
export function accuracy(c: Confusion): Accuracy {
  const precision = ratio(c.tp, c.tp + c.fp);
  const recall = ratio(c.tp, c.tp + c.fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { n: c.tp + c.fp + c.fn + c.tn, precision, recall, f1 };
}

/** Accuracy when every item scoring at or above `threshold` is predicted a match. */
export function accuracyAt(items: readonly Scored[], threshold: number): Accuracy {
  return accuracy(confusion(items.map((i) => ({ predicted: i.score >= threshold, label: i.label }))));
}

export interface TunedThreshold extends Accuracy {
  threshold: number;
}

/**
 * The threshold with the best F1 on these very items (an optimistic figure: it is tuned on the test
 * data). Candidates are the distinct scores; ties go to the higher threshold, which alerts less.
 */
export function tuneThreshold(items: readonly Scored[]): TunedThreshold {
  const sorted = [...items].sort((a, b) => b.score - a.score);
  const positives = items.filter((i) => i.label).length;
  let best: TunedThreshold = { threshold: Number.POSITIVE_INFINITY, ...accuracyAt(items, Infinity) };
  let tp = 0;
  let fp = 0;
  for (let i = 0; i < sorted.length; i++) {
    const item = sorted[i] as Scored;
    if (item.label) tp++;
    else fp++;
    // Only a cut between two different scores is a real threshold.
    if (i + 1 < sorted.length && (sorted[i + 1] as Scored).score === item.score) continue;
    const a = accuracy({ tp, fp, fn: positives - tp, tn: items.length - positives - fp });
    if (a.f1 > best.f1) best = { threshold: item.score, ...a };
  }
  return best;
}

/**
 * Share of cases whose true answer is among the first k results; `ranks` holds the 0-based position of
 * the true answer for each case, or undefined when it was not returned at all.
 */
export function recallAtK(ranks: readonly (number | undefined)[], k: number): number {
  return ratio(ranks.filter((r) => r !== undefined && r < k).length, ranks.length);
}

/** The p-th percentile (0–100) with linear interpolation between closest ranks (as numpy's default). */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const position = (p / 100) * (sorted.length - 1);
  const lower = Math.floor(position);
  const upper = Math.ceil(position);
  const low = sorted[lower] as number;
  const high = sorted[upper] as number;
  return low + (high - low) * (position - lower);
}

export function ratio(part: number, whole: number): number {
  return whole === 0 ? 0 : part / whole;
}

/** Groups items by a key, keeping first-seen order of the keys. */
export function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = groups.get(k);
    if (list) list.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

/** At most n items spread evenly over the list (first item included), for deterministic subsamples. */
export function evenSample<T>(items: readonly T[], n: number): T[] {
  if (n >= items.length) return [...items];
  if (n <= 0) return [];
  return Array.from({ length: n }, (_, i) => items[Math.floor((i * items.length) / n)] as T);
}
