// Three rows reused across calls: the matcher computes millions of short distances.
let rowA = new Int32Array(64);
let rowB = new Int32Array(64);
let rowC = new Int32Array(64);

/**
 * Optimal-string-alignment distance (Levenshtein plus adjacent transpositions, "Lakahl" vs "Lakhal"),
 * bounded: anything above `max` is reported as `max + 1` without finishing the table.
 */
export function osaDistance(a: string, b: string, max = Number.MAX_SAFE_INTEGER): number {
  if (a === b) return 0;
  const n = a.length;
  const m = b.length;
  if (Math.abs(n - m) > max) return max + 1;
  if (n === 0 || m === 0) return Math.min(Math.max(n, m), max + 1);
  if (rowA.length <= m) {
    rowA = new Int32Array(m * 2 + 1);
    rowB = new Int32Array(m * 2 + 1);
    rowC = new Int32Array(m * 2 + 1);
  }
  let prev2 = rowA;
  let prev = rowB;
  let cur = rowC;
  for (let j = 0; j <= m; j++) prev[j] = j;
  for (let i = 1; i <= n; i++) {
    cur[0] = i;
    let rowMin = i;
    const ai = a.charCodeAt(i - 1);
    for (let j = 1; j <= m; j++) {
      const bj = b.charCodeAt(j - 1);
      const cost = ai === bj ? 0 : 1;
      let best = Math.min(
        (prev[j] as number) + 1,
        (cur[j - 1] as number) + 1,
        (prev[j - 1] as number) + cost,
      );
      if (i > 1 && j > 1 && ai === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === bj) {
        best = Math.min(best, (prev2[j - 2] as number) + 1);
      }
      cur[j] = best;
      if (best < rowMin) rowMin = best;
    }
    if (rowMin > max) return max + 1;
    const t = prev2;
    prev2 = prev;
    prev = cur;
    cur = t;
  }
  return Math.min(prev[m] as number, max + 1);
}

/**
 * `osaDistance(a, b.slice(from, to), 1)` without the slice or the table: 0, 1, or 2 for "more than one
 * edit". Reading fits (readings.ts) ask it for every reading at every letter of the other name.
 */
export function editsUpToOne(a: string, b: string, from: number, to: number): number {
  const n = a.length;
  const m = to - from;
  if (n === m) {
    let first = -1;
    for (let i = 0; i < n; i++) {
      if (a.charCodeAt(i) === b.charCodeAt(from + i)) continue;
      if (first >= 0) {
        // A second difference: one edit only if it is the swap of two neighbours, and the rest agree.
        const swapped =
          i === first + 1 &&
          a.charCodeAt(first) === b.charCodeAt(from + i) &&
          a.charCodeAt(i) === b.charCodeAt(from + first);
        if (!swapped) return 2;
        for (let j = i + 1; j < n; j++) if (a.charCodeAt(j) !== b.charCodeAt(from + j)) return 2;
        return 1;
      }
      first = i;
    }
    return first < 0 ? 0 : 1;
  }
  if (Math.abs(n - m) !== 1) return 2;
  // One letter more on one side: skip it at the first difference, then the rest must agree.
  const [longer, longStart, shorter, shortStart, short] = n > m ? [a, 0, b, from, m] : [b, from, a, 0, n];
  let i = 0;
  while (i < short && longer.charCodeAt(longStart + i) === shorter.charCodeAt(shortStart + i)) i++;
  for (let j = i; j < short; j++) {
    if (longer.charCodeAt(longStart + j + 1) !== shorter.charCodeAt(shortStart + j)) return 2;
  }
  return 1;
}
