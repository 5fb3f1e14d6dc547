import { makeToken, type NameForm, type NameToken } from "../names.ts";
import { readingPairs } from "../readings.ts";
import type { NameStats } from "../stats.ts";
import type { Evidence } from "../types.ts";
import { compareTokens, type TokenAgreement } from "./tokens.ts";

/**
 * Name evidence: an order-insensitive alignment of the query's name tokens with a listed name's, each
 * aligned pair earning a share of the token's log-odds weight (rare tokens weigh more), each clash and
 * each token left over costing a little. Joined and split tokens ("Abdul Hai" / "Abdulhai") align as units.
 */

// Log-odds, set by hand from the febrl/splink pair sets (see docs/matching.md): m ~ 0.1 for a clash in a
// true pair against u ~ 1, and small costs for one-sided extra parts, which true pairs often show.
export const NAME_CLASH_BASE = -5;
/**
 * A clash costs more the more distinctive the clashing tokens are (a surname more than "Ali"): two names
 * that agree on several parts but clash on one are typically relatives (brothers share the father's and
 * grandfather's names), so a clash outweighs the agreements.
 */
export const NAME_CLASH_SHARE = 1;
export const NUMBER_CLASH = -1;
/** Name parts beyond the two strongest agreements are not independent evidence (shared family chains). */
export const LATER_AGREEMENT_SHARE = 0.1;
export const NASAB_ORDER = -9;
export const LEGAL_FORM_DIFFERS = -4;
export const NAME_EXTRA = -1;
export const ACRONYM_SHARE = 0.8;
export const NAME_EXTRA_INITIAL = -0.3;
export const INITIAL_AGREES = 0.8;
export const NAME_COMPLETE = 4;

interface Unit {
  tokens: number[];
  token: NameToken;
}

const unitCache = new WeakMap<NameForm, Unit[]>();

const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, k) => from + k);

function units(form: NameForm): Unit[] {
  const known = unitCache.get(form);
  if (known) return known;
  const list: Unit[] = form.tokens.map((token, i) => ({ tokens: [i], token }));
  // Runs of two or three words written as one ("Jin Ping" / "Jinping", "van der Bilt" / "Vanderbilt").
  for (let i = 0; i + 1 < form.tokens.length; i++) {
    let text = "";
    for (let j = i; j < Math.min(i + 3, form.tokens.length); j++) {
      const t = form.tokens[j];
      if (!t || t.initial || t.numeric) break;
      text += t.text;
      if (j > i) list.push({ tokens: range(i, j), token: makeToken(text) });
    }
  }
  unitCache.set(form, list);
  return list;
}

interface Pair {
  q: Unit;
  c: Unit;
  similarity: number;
  agreement: TokenAgreement;
}

/** One piece of name evidence before it is worded (wording is only done for the best of a profile's names). */
interface Item {
  weight: number;
  word: () => string;
}

export interface NameComparison {
  logOdds: number;
  /** Aligned token pairs, for callers that want to know how much of the name agreed. */
  aligned: number;
  items: Item[];
}

const round = (x: number) => Math.round(x * 1000) / 1000;

function unitWeight(unit: Unit, form: NameForm, stats: NameStats): number {
  let best = 0;
  for (const i of unit.tokens) {
    const token = form.tokens[i];
    if (token) best = Math.max(best, stats.tokenWeight(token));
  }
  return best;
}

function unitText(unit: Unit, form: NameForm): string {
  return unit.tokens.map((i) => form.tokens[i]?.text ?? "").join(" ");
}

function byStrength(x: Pair, y: Pair): number {
  return (
    y.similarity - x.similarity ||
    x.q.tokens.length + x.c.tokens.length - (y.q.tokens.length + y.c.tokens.length) ||
    (x.q.tokens[0] ?? 0) - (y.q.tokens[0] ?? 0) ||
    (x.c.tokens[0] ?? 0) - (y.c.tokens[0] ?? 0)
  );
}

export function compareNames(query: NameForm, listed: NameForm, stats: NameStats): NameComparison {
  let best = compareForms(query, listed, stats);
  // Han and kana names: also in the readings that fit the other name best (readings.ts).
  if (query.readAgainst || listed.readAgainst) {
    for (const [q, l] of readingPairs(query, listed)) {
      const reading = compareForms(q, l, stats);
      if (reading.logOdds > best.logOdds) best = reading;
    }
  }
  return best;
}

function compareForms(query: NameForm, listed: NameForm, stats: NameStats): NameComparison {
  // Vowel-tolerant comparison only across scripts; two abjad spellings compare letter by letter.
  const abjad = query.abjad !== listed.abjad;
  const pairs: Pair[] = [];
  const qUnits = units(query);
  const cUnits = units(listed);
  const strongQ = new Array<boolean>(query.tokens.length).fill(false);
  const strongC = new Array<boolean>(listed.tokens.length).fill(false);
  // Single tokens first; joined units only where single tokens found no good partner (saves most work).
  for (const q of qUnits) {
    if (q.tokens.length > 1) continue;
    for (const c of cUnits) {
      if (c.tokens.length > 1) continue;
      const match = compareTokens(q.token, c.token, abjad);
      if (!match) continue;
      pairs.push({ q, c, similarity: match.similarity, agreement: match.agreement });
      if (match.similarity >= 0.8) strongQ[q.tokens[0] ?? 0] = strongC[c.tokens[0] ?? 0] = true;
    }
  }
  const weak = (unit: Unit, strong: boolean[]) => unit.tokens.every((i) => !strong[i]);
  for (const q of qUnits) {
    if (!weak(q, strongQ)) continue;
    for (const c of cUnits) {
      if (Math.min(q.tokens.length, c.tokens.length) !== 1 || q.tokens.length === c.tokens.length) continue;
      if (!weak(c, strongC)) continue;
      const match = compareTokens(q.token, c.token, abjad);
      if (match && match.similarity >= 0.8)
        pairs.push({ q, c, similarity: match.similarity, agreement: "joined" });
    }
  }
  // Strongest agreements first; singles before joined units; ties broken by position for determinism.
  pairs.sort(byStrength);
  const usedQ = new Array<boolean>(query.tokens.length).fill(false);
  const usedC = new Array<boolean>(listed.tokens.length).fill(false);
  const items: Item[] = [];
  const agreements: { weight: number; how: string; texts: () => string; pair: Pair }[] = [];
  let aligned = 0;
  let strong = 0;
  for (const pair of pairs) {
    if (pair.q.tokens.some((i) => usedQ[i]) || pair.c.tokens.some((i) => usedC[i])) continue;
    for (const i of pair.q.tokens) usedQ[i] = true;
    for (const i of pair.c.tokens) usedC[i] = true;
    aligned++;
    if (pair.similarity >= 0.7 || pair.agreement === "initial") strong++;
    const texts = () => `${unitText(pair.q, query)} ~ ${unitText(pair.c, listed)}`;
    if (pair.agreement === "initial") {
      items.push({ weight: INITIAL_AGREES, word: () => `name ${texts()}: initial` });
      continue;
    }
    const full = Math.min(unitWeight(pair.q, query, stats), unitWeight(pair.c, listed, stats));
    const how = pair.agreement === "exact" ? "equal" : pair.agreement;
    agreements.push({
      weight: full * (pair.agreement === "joined" ? 0.9 : pair.similarity),
      how,
      texts,
      pair,
    });
  }
  agreements.sort((x, y) => y.weight - x.weight);
  agreements.forEach((a, rank) => {
    const share = rank < 2 || a.weight < 0 ? 1 : LATER_AGREEMENT_SHARE;
    const note = share < 1 ? " (further part, quarter weight)" : "";
    items.push({ weight: round(a.weight * share), word: () => `name ${a.texts()}: ${a.how}${note}` });
  });
  const swapped = Boolean(query.nasab && listed.nasab) && inverted(agreements.map((a) => a.pair));
  if (swapped) {
    items.push({
      weight: NASAB_ORDER,
      word: () => "name parts in another order around bin/ibn (father and son swapped?)",
    });
  }
  if (query.legalForm && listed.legalForm && query.legalForm !== listed.legalForm) {
    const [a, b] = [query.legalForm, listed.legalForm];
    items.push({ weight: LEGAL_FORM_DIFFERS, word: () => `legal form ${a} differs from ${b}` });
  }
  for (const [short, long, usedShort, usedLong, forQuery] of [
    [query, listed, usedQ, usedC, true],
    [listed, query, usedC, usedQ, false],
  ] as const) {
    for (const found of acronyms(short, long, usedShort, usedLong)) {
      aligned++;
      strong++;
      const weight = round(ACRONYM_SHARE * stats.tokenWeight(found.token));
      const [s, l] = [found.token.text, found.expansion];
      items.push({
        weight,
        word: () => (forQuery ? `name ${s} ~ ${l}: acronym` : `name ${l} ~ ${s}: acronym`),
      });
    }
  }
  const extra = NAME_EXTRA;
  const leftQ = query.tokens.filter((_, i) => !usedQ[i]);
  const leftC = listed.tokens.filter((_, i) => !usedC[i]);
  const fullLeftQ = leftQ.filter((t) => !t.initial);
  const fullLeftC = leftC.filter((t) => !t.initial);
  const clashes = Math.min(fullLeftQ.length, fullLeftC.length);
  for (let i = 0; i < clashes; i++) {
    const [q, c] = [fullLeftQ[i], fullLeftC[i]];
    if (!q || !c) continue;
    const weight =
      q.numeric || c.numeric
        ? NUMBER_CLASH
        : round(NAME_CLASH_BASE - NAME_CLASH_SHARE * Math.max(stats.tokenWeight(q), stats.tokenWeight(c)));
    items.push({ weight, word: () => `name ${q.text} differs from ${c.text}` });
  }
  for (const t of fullLeftQ.slice(clashes)) {
    items.push({ weight: extra, word: () => `name part ${t.text} only in the query` });
  }
  for (const t of fullLeftC.slice(clashes)) {
    items.push({ weight: extra, word: () => `name part ${t.text} only in the listed name` });
  }
  for (const t of [...leftQ, ...leftC]) {
    if (t.initial) items.push({ weight: NAME_EXTRA_INITIAL, word: () => `initial ${t.text} unmatched` });
  }
  if (aligned > 0 && leftQ.length === 0 && leftC.length === 0 && strong === aligned && !swapped) {
    items.push({ weight: NAME_COMPLETE, word: () => "every name part agrees" });
  }
  if (aligned === 0) items.push({ weight: 0, word: () => "no name part agrees" });
  let logOdds = 0;
  for (const item of items) logOdds += item.weight;
  return { logOdds, aligned, items };
}

/**
 * Acronyms: an unaligned token of one name spelling the initials of a run of unaligned tokens of the other
 * ("PLA" = "People's Liberation Army"). Marks what it aligns as used.
 */
function acronyms(
  short: NameForm,
  long: NameForm,
  usedShort: boolean[],
  usedLong: boolean[],
): { token: NameToken; expansion: string }[] {
  const found: { token: NameToken; expansion: string }[] = [];
  short.tokens.forEach((token, i) => {
    if (usedShort[i] || !/^[a-z]{2,6}$/.test(token.text)) return;
    const n = token.text.length;
    for (let start = 0; start + n <= long.tokens.length; start++) {
      const run = long.tokens.slice(start, start + n);
      if (run.some((_, k) => usedLong[start + k]) || run.map((t) => t.text[0]).join("") !== token.text)
        continue;
      usedShort[i] = true;
      for (let k = 0; k < n; k++) usedLong[start + k] = true;
      found.push({ token, expansion: run.map((t) => t.text).join(" ") });
      return;
    }
  });
  return found;
}

/** True when two aligned parts appear in opposite order in the two names. */
function inverted(pairs: Pair[]): boolean {
  for (let i = 0; i < pairs.length; i++) {
    for (let j = i + 1; j < pairs.length; j++) {
      const [a, b] = [pairs[i], pairs[j]];
      if (!a || !b) continue;
      const dq = (a.q.tokens[0] ?? 0) - (b.q.tokens[0] ?? 0);
      const dc = (a.c.tokens[0] ?? 0) - (b.c.tokens[0] ?? 0);
      if (dq * dc < 0) return true;
    }
  }
  return false;
}

/** The worded explanation entries of a name comparison. */
export function nameEvidence(comparison: NameComparison): Evidence[] {
  return comparison.items.map((item) => ({ feature: "name", weight: item.weight, detail: item.word() }));
}
