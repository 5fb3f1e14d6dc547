import { DEFAULT_ALERT_THRESHOLD, scorePair } from "../score.ts";
import { nameProfile } from "./cross-script.ts";

/** Reusable evaluation of labelled name pairs (the nomenklatura benchmark's shape) at a threshold. */
export interface LabelledPair {
  name1: string;
  name2: string;
  schema?: string;
  isMatch: boolean;
}

export interface ScoredPair extends LabelledPair {
  score: number;
}

export function scorePairs(pairs: LabelledPair[]): ScoredPair[] {
  return pairs.map((p) => {
    const schema = p.schema || "Person";
    return { ...p, score: scorePair({ name: p.name1, schema }, nameProfile(p.name2, "name2", schema)).score };
  });
}

export interface Confusion {
  threshold: number;
  tp: number;
  fp: number;
  fn: number;
  tn: number;
  precision: number;
  recall: number;
  f1: number;
}

export function confusionAt(scored: ScoredPair[], threshold = DEFAULT_ALERT_THRESHOLD): Confusion {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  let tn = 0;
  for (const p of scored) {
    const alert = p.score >= threshold;
    if (alert && p.isMatch) tp++;
    else if (alert) fp++;
    else if (p.isMatch) fn++;
    else tn++;
  }
  const precision = tp / (tp + fp || 1);
  const recall = tp / (tp + fn || 1);
  return {
    threshold,
    tp,
    fp,
    fn,
    tn,
    precision,
    recall,
    f1: (2 * precision * recall) / (precision + recall || 1),
  };
}
