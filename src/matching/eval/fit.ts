import { type BirthDate, compareDates } from "../compare/date.ts";

/**
 * Fellegi–Sunter m/u estimation from labelled pairs: for each comparison outcome, m is its share among
 * true pairs and u its share among non-pairs; ln(m/u) is the evidence weight it deserves. Used to check
 * the birth-date weights against febrl's labelled duplicates (see docs/matching.md).
 */
export interface OutcomeWeight {
  outcome: string;
  m: number;
  u: number;
  weight: number;
}

export function fitOutcomes(truePairs: string[], nonPairs: string[]): OutcomeWeight[] {
  const count = (list: string[]) => {
    const counts = new Map<string, number>();
    for (const o of list) counts.set(o, (counts.get(o) ?? 0) + 1);
    return counts;
  };
  const m = count(truePairs);
  const u = count(nonPairs);
  const outcomes = [...new Set([...m.keys(), ...u.keys()])].sort();
  // Add-one smoothing so an outcome never seen on one side gets a finite weight.
  return outcomes.map((outcome) => {
    const mi = ((m.get(outcome) ?? 0) + 1) / (truePairs.length + outcomes.length);
    const ui = ((u.get(outcome) ?? 0) + 1) / (nonPairs.length + outcomes.length);
    return { outcome, m: mi, u: ui, weight: Math.log(mi / ui) };
  });
}

/** The date comparator's outcome for a pair, named by its sentence ("equals", "differs from", …). */
export function dateOutcome(a: BirthDate, b: BirthDate): string {
  const e = compareDates(a, b);
  return `${e.detail.replace(`birth date ${a.text} `, "").replace(` ${b.text}`, "")} (${e.weight})`;
}
