import { makeToken, type NameForm, type NameToken, type TextFacts, tokenFacts } from "../names.ts";
import { readingPairs } from "../readings.ts";
import type { NameStats } from "../stats.ts";
import type { Evidence } from "../types.ts";
import {
  compareCheaply,
  compareTokens,
  mayAgreeStrongly,
  plainlyApart,
  STRONG_AGREEMENT,
  type TokenAgreement,
  type TokenFacts,
  type TokenMatch,
} from "./tokens.ts";

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
/** Similarity from which an alignment counts as strong for the complete-name bonus. */
export const STRONG_ALIGNMENT = 0.7;
/** The share of its weight an agreement of parts written as one earns. */
export const JOINED_SHARE = 0.9;

/** A run of one to three neighbouring tokens compared as one ("Jin Ping" / "Jinping"). */
interface Span {
  start: number;
  length: number;
}

interface Pair {
  q: Span;
  c: Span;
  similarity: number;
  agreement: TokenAgreement;
}

/** What a piece of name evidence says; worded only for the best of a profile's names (see nameEvidence). */
type ItemKind =
  | "initial"
  | "agrees"
  | "further"
  | "nasab"
  | "legal form"
  | "acronym"
  | "listed acronym"
  | "clash"
  | "query only"
  | "listed only"
  | "initial unmatched"
  | "complete"
  | "none";

interface Item {
  weight: number;
  kind: ItemKind;
  /** The aligned parts, for "initial", "agrees" and "further". */
  pair: Pair | null;
  /** The texts the wording names (the agreement for "agrees" and "further"). */
  a: string;
  b: string;
}

export interface NameComparison {
  logOdds: number;
  /** Aligned token pairs, for callers that want to know how much of the name agreed. */
  aligned: number;
  items: Item[];
  query: NameForm;
  listed: NameForm;
}

const round = (x: number) => Math.round(x * 1000) / 1000;

const item = (weight: number, kind: ItemKind, pair: Pair | null = null, a = "", b = ""): Item => ({
  weight,
  kind,
  pair,
  a,
  b,
});

/** Tokens from `start` that can be written joined to the ones before them: neither initials nor numbers. */
export function joinable(form: NameForm, start: number, length: number): boolean {
  for (let i = start; i < start + length; i++) {
    const t = form.tokens[i];
    if (!t || t.initial || t.numeric) return false;
  }
  return true;
}

/** The facts of neighbouring tokens written as one; most comparisons need no more (see strongAgainstJoined). */
export function joinedFacts(form: NameForm, start: number, length: number): TextFacts {
  let text = "";
  for (let i = start; i < start + length; i++) text += form.tokens[i]?.text ?? "";
  return tokenFacts(text);
}

/**
 * A token's strong agreement with a joined unit, or null (`queryFirst`: the token is the query's). The
 * unit becomes a token (makeToken keeps one per text) only when its facts leave room for one: most joined
 * units are far longer or shorter than the token they meet.
 */
export function strongAgainstJoined(
  token: NameToken,
  unit: TokenFacts,
  queryFirst: boolean,
  abjad: boolean,
): TokenMatch | null {
  if (plainlyApart(token, unit, abjad)) return null;
  let match = compareCheaply(token, unit, abjad);
  if (match === undefined) {
    if (!mayAgreeStrongly(token, unit, abjad)) return null;
    const joined = makeToken(unit.text);
    match = queryFirst ? compareTokens(token, joined, abjad) : compareTokens(joined, token, abjad);
  }
  return match !== null && match.similarity >= STRONG_AGREEMENT ? match : null;
}

function spanWeight(span: Span, form: NameForm, stats: NameStats): number {
  let best = 0;
  for (let i = span.start; i < span.start + span.length; i++) {
    const token = form.tokens[i];
    if (token) best = Math.max(best, stats.tokenWeight(token));
  }
  return best;
}

function spanText(span: Span, form: NameForm): string {
  return form.tokens
    .slice(span.start, span.start + span.length)
    .map((t) => t.text)
    .join(" ");
}

function byStrength(x: Pair, y: Pair): number {
  return (
    y.similarity - x.similarity ||
    x.q.length + x.c.length - (y.q.length + y.c.length) ||
    x.q.start - y.q.start ||
    x.c.start - y.c.start
  );
}

// Per-comparison flags, kept between calls (comparisons do not nest): a token agrees strongly, is aligned.
let strongQ = new Uint8Array(32);
let strongC = new Uint8Array(32);
let usedQ = new Uint8Array(32);
let usedC = new Uint8Array(32);

function resetFlags(qn: number, cn: number): void {
  if (strongQ.length < qn) [strongQ, usedQ] = [new Uint8Array(qn * 2), new Uint8Array(qn * 2)];
  if (strongC.length < cn) [strongC, usedC] = [new Uint8Array(cn * 2), new Uint8Array(cn * 2)];
  strongQ.fill(0, 0, qn);
  usedQ.fill(0, 0, qn);
  strongC.fill(0, 0, cn);
  usedC.fill(0, 0, cn);
}

const anySet = (flags: Uint8Array, start: number, length: number): boolean => {
  for (let i = start; i < start + length; i++) if (flags[i]) return true;
  return false;
};
/** An alignment of query tokens from `qStart` with listed ones from `cStart`; more than one on a side are joined. */
function pair(qStart: number, qLength: number, cStart: number, cLength: number, match: TokenMatch): Pair {
  const agreement = qLength + cLength > 2 ? "joined" : match.agreement;
  return {
    q: { start: qStart, length: qLength },
    c: { start: cStart, length: cLength },
    similarity: match.similarity,
    agreement,
  };
}

/**
 * Candidate alignments: every pair of single tokens that agrees, then, where single tokens found no good
 * partner, a single token against two or three neighbours written as one (saves most of that work).
 */
function candidatePairs(query: NameForm, listed: NameForm, abjad: boolean): Pair[] {
  const pairs: Pair[] = [];
  const qn = query.tokens.length;
  const cn = listed.tokens.length;
  for (let i = 0; i < qn; i++) {
    const qToken = query.tokens[i] as NameToken;
    for (let j = 0; j < cn; j++) {
      const match = compareTokens(qToken, listed.tokens[j] as NameToken, abjad);
      if (!match) continue;
      pairs.push(pair(i, 1, j, 1, match));
      if (match.similarity >= STRONG_AGREEMENT) strongQ[i] = strongC[j] = 1;
    }
  }
  // Only good agreements count for joined units. (No two
  // of these pairs tie in byStrength, so the order they are found in does not matter.)
  for (let start = 0; start + 1 < cn; start++) {
    for (let length = 2; length <= 3 && start + length <= cn && joinable(listed, start, length); length++) {
      if (anySet(strongC, start, length)) continue;
      let unit: TokenFacts | undefined;
      for (let i = 0; i < qn; i++) {
        if (strongQ[i]) continue;
        unit ??= joinedFacts(listed, start, length);
        const match = strongAgainstJoined(query.tokens[i] as NameToken, unit, true, abjad);
        if (match) pairs.push(pair(i, 1, start, length, match));
      }
    }
  }
  for (let start = 0; start + 1 < qn; start++) {
    for (let length = 2; length <= 3 && start + length <= qn && joinable(query, start, length); length++) {
      if (anySet(strongQ, start, length)) continue;
      let unit: TokenFacts | undefined;
      for (let j = 0; j < cn; j++) {
        if (strongC[j]) continue;
        unit ??= joinedFacts(query, start, length);
        const match = strongAgainstJoined(listed.tokens[j] as NameToken, unit, false, abjad);
        if (match) pairs.push(pair(start, length, j, 1, match));
      }
    }
  }
  return pairs;
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
  const qn = query.tokens.length;
  const cn = listed.tokens.length;
  resetFlags(qn, cn);
  const pairs = candidatePairs(query, listed, abjad);
  // Strongest agreements first; singles before joined units; ties broken by position for determinism.
  pairs.sort(byStrength);
  const items: Item[] = [];
  const agreements: Item[] = [];
  let aligned = 0;
  let strong = 0;
  for (const pair of pairs) {
    if (anySet(usedQ, pair.q.start, pair.q.length) || anySet(usedC, pair.c.start, pair.c.length)) continue;
    usedQ.fill(1, pair.q.start, pair.q.start + pair.q.length);
    usedC.fill(1, pair.c.start, pair.c.start + pair.c.length);
    aligned++;
    if (pair.similarity >= STRONG_ALIGNMENT || pair.agreement === "initial") strong++;
    if (pair.agreement === "initial") {
      items.push(item(INITIAL_AGREES, "initial", pair));
      continue;
    }
    const full = Math.min(spanWeight(pair.q, query, stats), spanWeight(pair.c, listed, stats));
    const how = pair.agreement === "exact" ? "equal" : pair.agreement;
    agreements.push(
      item(full * (pair.agreement === "joined" ? JOINED_SHARE : pair.similarity), "agrees", pair, how),
    );
  }
  agreements.sort((x, y) => y.weight - x.weight);
  for (let rank = 0; rank < agreements.length; rank++) {
    const a = agreements[rank] as Item;
    const share = rank < 2 || a.weight < 0 ? 1 : LATER_AGREEMENT_SHARE;
    items.push(item(round(a.weight * share), share < 1 ? "further" : "agrees", a.pair, a.a));
  }
  const swapped = Boolean(query.nasab && listed.nasab) && inverted(agreements);
  if (swapped) items.push(item(NASAB_ORDER, "nasab"));
  if (query.legalForm && listed.legalForm && query.legalForm !== listed.legalForm) {
    items.push(item(LEGAL_FORM_DIFFERS, "legal form", null, query.legalForm, listed.legalForm));
  }
  const acronymsFound =
    addAcronyms(query, listed, usedQ, usedC, "acronym", stats, items) +
    addAcronyms(listed, query, usedC, usedQ, "listed acronym", stats, items);
  aligned += acronymsFound;
  strong += acronymsFound;
  // Parts left over: full tokens left on both sides clash pairwise in order, the rest are extra.
  let leftQ = 0;
  let leftC = 0;
  let fullLeftQ = 0;
  let fullLeftC = 0;
  for (let i = 0; i < qn; i++) {
    if (usedQ[i]) continue;
    leftQ++;
    if (!query.tokens[i]?.initial) fullLeftQ++;
  }
  for (let j = 0; j < cn; j++) {
    if (usedC[j]) continue;
    leftC++;
    if (!listed.tokens[j]?.initial) fullLeftC++;
  }
  const clashes = Math.min(fullLeftQ, fullLeftC);
  let i = nextFull(query, usedQ, 0);
  let j = nextFull(listed, usedC, 0);
  for (let k = 0; k < clashes; k++, i = nextFull(query, usedQ, i + 1), j = nextFull(listed, usedC, j + 1)) {
    const [q, c] = [query.tokens[i] as NameToken, listed.tokens[j] as NameToken];
    const weight = q.numeric || c.numeric ? NUMBER_CLASH : clashWeight(q, c, stats);
    items.push(item(weight, "clash", null, q.text, c.text));
  }
  // People's names in Latin letters only: a name read from Arabic script starts with whatever letter its
  // transliteration gives, which an initial cannot be held to.
  const latinPeople = !query.organization && !listed.organization && !query.abjad && !listed.abjad;
  if (latinPeople) clashInitials(query, listed, i, j, stats, items);
  for (; i < qn; i = nextFull(query, usedQ, i + 1))
    if (!usedQ[i]) items.push(item(NAME_EXTRA, "query only", null, textAt(query, i)));
  for (; j < cn; j = nextFull(listed, usedC, j + 1))
    if (!usedC[j]) items.push(item(NAME_EXTRA, "listed only", null, textAt(listed, j)));
  addUnmatchedInitials(query, usedQ, items);
  addUnmatchedInitials(listed, usedC, items);
  if (aligned > 0 && leftQ === 0 && leftC === 0 && strong === aligned && !swapped) {
    items.push(item(NAME_COMPLETE, "complete"));
  }
  if (aligned === 0) items.push(item(0, "none"));
  let logOdds = 0;
  for (const it of items) logOdds += it.weight;
  return { logOdds, aligned, items, query, listed };
}

const textAt = (form: NameForm, i: number): string => form.tokens[i]?.text ?? "";

/** Two name parts that differ: the more distinctive of the two, the more it costs. */
const clashWeight = (q: NameToken, c: NameToken, stats: NameStats): number =>
  round(NAME_CLASH_BASE - NAME_CLASH_SHARE * Math.max(stats.tokenWeight(q), stats.tokenWeight(c)));

/**
 * First letters that spellings of one name start with across romanisations: Cyrillic Е, Ю, Я and Й (E, Ye,
 * Yu, Iu, Ju, Ya, Ja, I, Y, J), Х and Г (Kh, H, X, G), Ц, Ч, Ж and Ш (Ts, C, Z, Ch, Tch, Zh, J, S), Arabic
 * ج, ق, خ and غ (J, G, Dj, Q, K, Kh, Gh), ث, ذ, ض and ظ (Th, S, Dh, D, Z), و (W, V, O, U), the vowels an
 * Arabic alif or ayn is written with, and the Japanese and Korean r/l.
 */
const INITIAL_GROUPS = ["aeiouwy", "eijy", "cghjkqx", "cjstz", "dtz", "dj", "bfpvw", "lr"];
/** Initials that may be all a writer kept of an article ("A." for "al-Salahayn", "E." for "el-Sayed"). */
const ARTICLE_INITIALS = new Set(["a", "e"]);

/**
 * Whether an initial could stand for a name part (or another initial): the same first letter, or one group;
 * for a compound ("Abu Hafs", "Abd al-Samie") its distinctive part counts too.
 */
function mayStandFor(initial: NameToken, other: NameToken): boolean {
  const a = initial.text[0] ?? "";
  // Name analysis drops the article, so the part no longer starts with it.
  if (!other.initial && ARTICLE_INITIALS.has(a)) return true;
  const starts = other.tail ? [other.text[0], other.tail.text[0]] : [other.text[0]];
  return starts.some(
    (b) =>
      b !== undefined && (a === b || INITIAL_GROUPS.some((group) => group.includes(a) && group.includes(b))),
  );
}

/**
 * People's initials left over meet what is left of the other name in the same place, that is with as many
 * aligned parts before them (a middle initial meets the middle name): an initial that no spelling of its
 * partner starts with is a clash ("Hans O. Friedrich" is not "Hans Joachim Friedrich"). Both are then
 * used; an initial without such a partner stays an unmatched initial. `fromQ` and `fromC`: where the full
 * parts left after the full-name clashes start.
 */
function clashInitials(
  query: NameForm,
  listed: NameForm,
  fromQ: number,
  fromC: number,
  stats: NameStats,
  items: Item[],
): void {
  // Most names have no initial left over: settled before anything is gathered.
  if (!hasUnusedInitial(query, usedQ) && !hasUnusedInitial(listed, usedC)) return;
  const restQ = leftOver(query, usedQ, fromQ);
  const restC = leftOver(listed, usedC, fromC);
  const clashes: [number, number][] = [];
  for (const q of restQ) {
    // An initial meets the other side's initial in the same place, else its extra part there; an extra
    // part meets only an initial.
    const there = restC.filter((r) => r.place === q.place && !r.taken);
    const c = there.find((r) => r.initial) ?? (q.initial ? there[0] : undefined);
    if (!c) continue;
    c.taken = true;
    const [qt, ct] = [query.tokens[q.index] as NameToken, listed.tokens[c.index] as NameToken];
    if (!(qt.initial ? mayStandFor(qt, ct) : mayStandFor(ct, qt))) clashes.push([q.index, c.index]);
  }
  for (const [qi, ci] of clashes) {
    const [q, c] = [query.tokens[qi] as NameToken, listed.tokens[ci] as NameToken];
    usedQ[qi] = 1;
    usedC[ci] = 1;
    items.push(item(clashWeight(q, c, stats), "clash", null, q.text, c.text));
  }
}

function hasUnusedInitial(form: NameForm, used: Uint8Array): boolean {
  for (let i = 0; i < form.tokens.length; i++) if (!used[i] && form.tokens[i]?.initial) return true;
  return false;
}

interface LeftOver {
  index: number;
  initial: boolean;
  /** How many aligned parts come before it. */
  place: number;
  taken: boolean;
}

/** A name's initials and its full parts from `from` on that no alignment used, with their places. */
function leftOver(form: NameForm, used: Uint8Array, from: number): LeftOver[] {
  const found: LeftOver[] = [];
  let place = 0;
  for (let i = 0; i < form.tokens.length; i++) {
    if (used[i]) {
      place++;
      continue;
    }
    const initial = form.tokens[i]?.initial === true;
    if (initial || i >= from) found.push({ index: i, initial, place, taken: false });
  }
  return found;
}

function addUnmatchedInitials(form: NameForm, used: Uint8Array, items: Item[]): void {
  for (let i = 0; i < form.tokens.length; i++) {
    if (!used[i] && form.tokens[i]?.initial)
      items.push(item(NAME_EXTRA_INITIAL, "initial unmatched", null, textAt(form, i)));
  }
}

/** The next unaligned full (not initial) token of a name from `from` on; the token count when none is left. */
function nextFull(form: NameForm, used: Uint8Array, from: number): number {
  let i = from;
  while (i < form.tokens.length && (used[i] || form.tokens[i]?.initial)) i++;
  return i;
}

/** A token that may be an acronym: two to six letters. */
export const ACRONYM_TEXT = /^[a-z]{2,6}$/;

/**
 * Acronyms: an unaligned token of one name spelling the initials of a run of unaligned tokens of the other
 * ("PLA" = "People's Liberation Army"). Marks what it aligns as used and adds the evidence.
 */
function addAcronyms(
  short: NameForm,
  long: NameForm,
  usedShort: Uint8Array,
  usedLong: Uint8Array,
  kind: "acronym" | "listed acronym",
  stats: NameStats,
  items: Item[],
): number {
  let found = 0;
  for (let i = 0; i < short.tokens.length; i++) {
    const token = short.tokens[i] as NameToken;
    if (usedShort[i] || !ACRONYM_TEXT.test(token.text)) continue;
    const n = token.text.length;
    for (let start = 0; start + n <= long.tokens.length; start++) {
      if (!spellsInitials(token.text, long, start, usedLong)) continue;
      usedShort[i] = 1;
      usedLong.fill(1, start, start + n);
      const expansion = spanText({ start, length: n }, long);
      items.push(item(round(ACRONYM_SHARE * stats.tokenWeight(token)), kind, null, token.text, expansion));
      found++;
      break;
    }
  }
  return found;
}

/** Whether the unaligned tokens of `long` from `start` on begin with the letters of `text`, in order. */
export function spellsInitials(text: string, long: NameForm, start: number, usedLong: Uint8Array): boolean {
  for (let k = 0; k < text.length; k++) {
    if (usedLong[start + k] || long.tokens[start + k]?.text.charCodeAt(0) !== text.charCodeAt(k))
      return false;
  }
  return true;
}

/** True when two aligned parts appear in opposite order in the two names. */
function inverted(agreements: Item[]): boolean {
  for (let i = 0; i < agreements.length; i++) {
    for (let j = i + 1; j < agreements.length; j++) {
      const [a, b] = [agreements[i]?.pair, agreements[j]?.pair];
      if (!a || !b) continue;
      const dq = a.q.start - b.q.start;
      const dc = a.c.start - b.c.start;
      if (dq * dc < 0) return true;
    }
  }
  return false;
}

function word(item: Item, query: NameForm, listed: NameForm): string {
  const texts = () => (item.pair ? `${spanText(item.pair.q, query)} ~ ${spanText(item.pair.c, listed)}` : "");
  switch (item.kind) {
    case "initial":
      return `name ${texts()}: initial`;
    case "agrees":
      return `name ${texts()}: ${item.a}`;
    case "further":
      return `name ${texts()}: ${item.a} (further part, quarter weight)`;
    case "nasab":
      return "name parts in another order around bin/ibn (father and son swapped?)";
    case "legal form":
      return `legal form ${item.a} differs from ${item.b}`;
    case "acronym":
      return `name ${item.a} ~ ${item.b}: acronym`;
    case "listed acronym":
      return `name ${item.b} ~ ${item.a}: acronym`;
    case "clash":
      return `name ${item.a} differs from ${item.b}`;
    case "query only":
      return `name part ${item.a} only in the query`;
    case "listed only":
      return `name part ${item.a} only in the listed name`;
    case "initial unmatched":
      return `initial ${item.a} unmatched`;
    case "complete":
      return "every name part agrees";
    case "none":
      return "no name part agrees";
  }
}

/** The worded explanation entries of a name comparison. */
export function nameEvidence(comparison: NameComparison): Evidence[] {
  const { query, listed } = comparison;
  return comparison.items.map((item) => ({
    feature: "name",
    weight: item.weight,
    detail: word(item, query, listed),
  }));
}
