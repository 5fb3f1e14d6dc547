import type { JoinedRun, NameForm, NameShape, NameToken } from "../names.ts";
import type { NameStats } from "../stats.ts";
import {
  ACRONYM_SHARE,
  ACRONYM_TEXT,
  INITIAL_AGREES,
  JOINED_SHARE,
  joinable,
  joinedFacts,
  LATER_AGREEMENT_SHARE,
  NAME_COMPLETE,
  STRONG_ALIGNMENT,
  spellsInitials,
  strongAgainstJoined,
} from "./name.ts";
import { compareTokens, type TokenFacts } from "./tokens.ts";

/**
 * The most a comparison of this query name can add, worked out before any alignment: the two heaviest
 * query parts at their full weight and the others at the share later agreements get (an initial at least
 * INITIAL_AGREES; an agreement earns at most the lighter side's weight), a complete name, a query part in
 * full where it spells the initials of a run of listed parts, and an acronym a listed name writes for a run
 * of the query's initials. Clashes and extra parts only subtract. Names compared through their readings
 * (Han, kana) are not covered. `against` looks at the query alone (and the listed names' acronyms);
 * `closerBelow` looks at every pair of parts, for candidates `against` cannot rule out.
 */
export class NameBound {
  private readonly base: number;
  /** The initials of every run of two to six query parts ("ms" for "Maribel Smith"), with where such runs start. */
  private readonly initialRuns = new Map<string, number[]>();
  /** The longest of those runs: longer listed parts cannot spell one. */
  private readonly longestRun: number;
  /** Query parts that could be acronyms, and what counting one in full would add to the base. */
  private readonly mayBeAcronyms: { text: string; gain: number }[] = [];
  /** Per query part: its weight, and whether it could be an acronym. */
  private readonly weights: number[] = [];
  private readonly acronymLike: boolean[] = [];
  /** What a part not looked at yet may add besides its agreement: an initial's and an acronym's share. */
  private readonly unseenExtra: number[] = [];
  /** The query parts, heaviest first. */
  private readonly heaviestFirst: number[];
  /** Per query part: the joined runs of query parts it is in, written as one (see joinsStrongly). */
  private readonly runsWith: TokenFacts[][];

  constructor(
    private readonly query: NameForm,
    private readonly stats: NameStats,
  ) {
    // Only the two strongest agreements count in full, later ones at LATER_AGREEMENT_SHARE (compareForms);
    // an initial earns INITIAL_AGREES wherever it ranks, an acronym a share of its weight (see `against`).
    let base = NAME_COMPLETE;
    const gains: number[] = [];
    for (const token of query.tokens) {
      const weight = stats.tokenWeight(token);
      const full = Math.max(weight, INITIAL_AGREES);
      const later = Math.max(LATER_AGREEMENT_SHARE * weight, INITIAL_AGREES);
      base += later;
      gains.push(full - later);
      const acronymLike = ACRONYM_TEXT.test(token.text);
      if (acronymLike) this.mayBeAcronyms.push({ text: token.text, gain: full - later });
      this.weights.push(Math.max(0, weight));
      this.acronymLike.push(acronymLike);
      this.unseenExtra.push(INITIAL_AGREES + (acronymLike ? ACRONYM_SHARE * Math.max(0, weight) : 0));
    }
    this.heaviestFirst = query.tokens
      .map((_, i) => i)
      .sort((a, b) => (this.weights[b] ?? 0) - (this.weights[a] ?? 0) || a - b);
    gains.sort((a, b) => b - a);
    this.base = base + (gains[0] ?? 0) + (gains[1] ?? 0);
    const tokens = query.tokens;
    this.runsWith = tokens.map(() => []);
    for (const { start, length, unit } of joinedRuns(query))
      for (let i = start; i < start + length; i++) this.runsWith[i]?.push(unit);
    this.longestRun = Math.min(tokens.length, 6);
    for (let start = 0; start < tokens.length; start++) {
      let run = "";
      for (let end = start; end < Math.min(tokens.length, start + 6); end++) {
        run += tokens[end]?.text[0] ?? "";
        if (run.length < 2) continue;
        const starts = this.initialRuns.get(run);
        if (starts) starts.push(start);
        else this.initialRuns.set(run, [start]);
      }
    }
  }

  /** The bound against a profile's names, or null when readings take part. */
  against(listed: readonly NameForm[], shape: NameShape): number | null {
    if (this.query.readAgainst || shape.readings) return null;
    let acronyms = 0;
    for (const form of listed) {
      let here = 0;
      // A query part that spells the initials of a run of listed parts counts whatever it ranks.
      for (const part of this.mayBeAcronyms) if (spellsAnyRun(part.text, form)) here += part.gain;
      // A listed part that spells a run of the query's initials (none when every listed part is longer).
      if (shape.shortestPart <= this.longestRun) here += this.listedAcronyms(form);
      acronyms = Math.max(acronyms, here);
    }
    return this.base + acronyms;
  }

  /**
   * Whether comparing the query with each of a profile's names certainly adds less than `budget` (false
   * when readings take part): a closer look than `against`, at every pair of parts. See `formBelow`.
   */
  closerBelow(listed: readonly NameForm[], shape: NameShape, budget: number): boolean {
    if (this.query.readAgainst || shape.readings) return false;
    for (const form of listed) if (!this.formBelow(form, shape, budget)) return false;
    return true;
  }

  /**
   * Whether comparing the query with one listed name certainly adds less than `budget`. Each query part
   * agrees at most as well as its best similarity with a listed part (the token cache keeps these for the
   * full comparison that may follow), or at JOINED_SHARE where it strongly agrees with listed parts written
   * as one, or is in a run of query parts that, written as one, strongly agrees with a listed part (decided
   * as candidatePairs decides, by strongAgainstJoined). An agreement weighs at most its heaviest query part's
   * most, and different agreements have different parts, so the agreements ranked by weight are each at
   * most the parts' mosts ranked likewise: the two highest count in full, the others at the later share.
   * Initials and acronyms count in full wherever they rank, the complete-name bonus only where every query
   * part can agree strongly (a part in a run whose initials a listed part spells can: that acronym may take
   * it); clashes and extra parts only subtract. Parts are looked at alone heaviest first, and a part not
   * looked at yet is assumed to agree in every way; most hopeless names are settled once the parts that
   * agree with no single listed part are found to join with nothing either.
   */
  private formBelow(listed: NameForm, shape: NameShape, budget: number): boolean {
    const query = this.query;
    const abjad = query.abjad !== listed.abjad;
    const qn = query.tokens.length;
    if (mosts.length < qn) {
      mosts = new Float64Array(qn * 2);
      strong = new Uint8Array(qn * 2);
      alone = new Float64Array(qn * 2);
      strongAlone = new Uint8Array(qn * 2);
      settled = new Uint8Array(qn * 2);
      covered = new Uint8Array(qn * 2);
    }
    // Until looked at, a part earns its full weight, an initial's and an acronym's share, and is strong.
    covered.fill(0, 0, qn);
    let unranked = shape.shortestPart <= this.longestRun ? this.listedAcronyms(listed, true) : 0;
    for (let i = 0; i < qn; i++) {
      mosts[i] = this.weights[i] as number;
      strong[i] = 1;
      unranked += this.unseenExtra[i] as number;
    }
    // First every part alone, heaviest first, a joined agreement still assumed where it could add.
    for (const i of this.heaviestFirst) {
      const token = query.tokens[i] as NameToken;
      const weight = this.weights[i] as number;
      let similarity = 0;
      let initial = false;
      for (const other of listed.tokens) {
        const match = compareTokens(token, other, abjad);
        if (!match) continue;
        if (match.agreement === "initial") initial = true;
        else if (match.similarity > similarity) similarity = match.similarity;
      }
      const acronym = this.acronymLike[i] === true && spellsAnyRun(token.text, listed);
      unranked +=
        (initial ? INITIAL_AGREES : 0) +
        (acronym ? ACRONYM_SHARE * weight : 0) -
        (this.unseenExtra[i] as number);
      alone[i] = similarity;
      strongAlone[i] = similarity >= STRONG_ALIGNMENT || initial || acronym || covered[i] ? 1 : 0;
      // No joined agreement can add to an agreement this close.
      settled[i] = similarity >= JOINED_SHARE ? 1 : 0;
      mosts[i] = weight * Math.max(similarity, JOINED_SHARE);
      if (this.bound(qn, unranked) < budget) return true;
    }
    // Then joined agreements, first where the part would lose most without one.
    for (;;) {
      let next = -1;
      let loss = 0;
      for (let i = 0; i < qn; i++) {
        if (settled[i]) continue;
        const here =
          (this.weights[i] as number) * (JOINED_SHARE - (alone[i] as number)) +
          (strongAlone[i] ? 0 : NAME_COMPLETE);
        if (next < 0 || here > loss) [next, loss] = [i, here];
      }
      if (next < 0) return false;
      settled[next] = 1;
      if (this.joinsStrongly(next, listed, abjad)) continue;
      mosts[next] = (this.weights[next] as number) * (alone[next] as number);
      strong[next] = strongAlone[next] as number;
      if (this.bound(qn, unranked) < budget) return true;
    }
  }

  /** The bound from the parts' mosts so far: the two highest in full, the others at the later share. */
  private bound(qn: number, unranked: number): number {
    let first = 0;
    let second = 0;
    let rest = 0;
    let complete = true;
    for (let i = 0; i < qn; i++) {
      if (!strong[i]) complete = false;
      const most = mosts[i] as number;
      if (most > first) {
        rest += second;
        second = first;
        first = most;
      } else if (most > second) {
        rest += second;
        second = most;
      } else rest += most;
    }
    return first + second + LATER_AGREEMENT_SHARE * rest + unranked + (complete ? NAME_COMPLETE : 0);
  }

  /**
   * Whether query part `i` strongly agrees with neighbouring listed parts written as one, or is in a run
   * of query parts that, written as one, strongly agrees with a listed part.
   */
  private joinsStrongly(i: number, listed: NameForm, abjad: boolean): boolean {
    const token = this.query.tokens[i] as NameToken;
    for (const { unit } of joinedRuns(listed)) if (strongAgainstJoined(token, unit, true, abjad)) return true;
    for (const unit of this.runsWith[i] as TokenFacts[])
      for (const other of listed.tokens) if (strongAgainstJoined(other, unit, false, abjad)) return true;
    return false;
  }

  /**
   * What listed parts spelling a run of the query's initials can add. With `mark`, also marks the query
   * parts in those runs as covered: the alignment may give them to that acronym, which counts as a strong
   * agreement of every part it spells, so the name may still be complete.
   */
  private listedAcronyms(form: NameForm, mark = false): number {
    let gain = 0;
    for (const token of form.tokens) {
      const text = token.text;
      if (text.length < 2 || text.length > this.longestRun) continue;
      const starts = this.initialRuns.get(text);
      if (!starts) continue;
      gain += ACRONYM_SHARE * this.stats.tokenWeight(token);
      if (mark) for (const start of starts) covered.fill(1, start, start + text.length);
    }
    return gain;
  }
}

/** Per query part while a form is bounded: the most its agreement can weigh, and whether it can be strong. */
let mosts = new Float64Array(32);
let strong = new Uint8Array(32);
/** Per query part: its best similarity with a single listed part, and whether that alignment is strong. */
let alone = new Float64Array(32);
let strongAlone = new Uint8Array(32);
/** Per query part: whether what it can add is known (its joined agreements looked for, or not needed). */
let settled = new Uint8Array(32);
/** Per query part: whether it is in a run whose initials a listed part spells (see listedAcronyms). */
let covered = new Uint8Array(32);

/**
 * A name's joined runs, worked out once per name and kept on it: listed names live as long as the index
 * and a screening node bounds the same ones again and again.
 */
function joinedRuns(form: NameForm): readonly JoinedRun[] {
  if (form.joined) return form.joined;
  const runs: JoinedRun[] = [];
  const n = form.tokens.length;
  for (let start = 0; start + 1 < n; start++)
    for (let length = 2; length <= 3 && start + length <= n && joinable(form, start, length); length++)
      runs.push({ start, length, unit: joinedFacts(form, start, length) });
  form.joined = runs;
  return runs;
}

/** Whether `text` is the first letters of some run of the form's parts (before any alignment). */
function spellsAnyRun(text: string, form: NameForm): boolean {
  for (let start = 0; start + text.length <= form.tokens.length; start++)
    if (spellsInitials(text, form, start, NOTHING_USED)) return true;
  return false;
}
const NOTHING_USED = new Uint8Array(0);
