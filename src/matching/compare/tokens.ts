import jaroWinkler from "talisman/metrics/jaro-winkler.js";
import { J_OR_Y, lettersMissing, sameGroup } from "../letters.ts";
import type { NameToken } from "../names.ts";
import { osaDistance } from "./strings.ts";

/** How two name tokens agree, from strongest to weakest. */
export type TokenAgreement =
  | "exact"
  | "variant"
  | "joined"
  | "typo"
  | "transliteration"
  | "phonetic"
  | "skeleton"
  | "similar"
  | "compound part"
  | "near"
  | "initial";

export interface TokenMatch {
  /** Share of the token's full weight this agreement earns, 0..1. */
  similarity: number;
  agreement: TokenAgreement;
}

const VOWELS = "aeiouy";

// Latin letters Arabic script has no letter for, written with the nearest one: b for p, f for v, j for g.
const ABJAD_STANDS_FOR: Record<string, string> = {
  b: "pv",
  d: "z",
  f: "v",
  j: "g",
  k: "cg",
  q: "kcg",
  s: "c",
};

/**
 * Edit distance between a romanised abjad token (vowels mostly absent) and a Latin spelling: inserting
 * or dropping a vowel costs little, a long-vowel letter (w, y) may stand for u/o/i/e, related consonants
 * are close. Normalised by the longer length, 0 (same) .. 1.
 */
export function abjadDistance(abjad: string, latin: string): number {
  const n = abjad.length;
  const m = latin.length;
  const width = m + 1;
  // The table, row i at i * width; kept between calls (rows are looked back on for digraphs).
  if (table.length < (n + 1) * width) table = new Float64Array((n + 1) * width * 2);
  const rows = table;
  rows[0] = 0;
  for (let j = 1; j <= m; j++) rows[j] = (rows[j - 1] as number) + insertAt(latin, j);
  for (let i = 1; i <= n; i++) {
    const prev = (i - 1) * width;
    const cur = i * width;
    const a = abjad[i - 1] ?? "";
    const deleteA = deleteCost(a, i);
    rows[cur] = (rows[prev] as number) + deleteA;
    // Letters that Arabic writes with two or three Latin letters (خ kh, ش sh, تش tsh …), as other languages spell them.
    let digraphs = 0;
    for (let k = 0; k < DIGRAPH_SPELLINGS.length; k++) {
      const d = DIGRAPH_SPELLINGS[k]?.[0] ?? "";
      if (d.length <= i && abjad.endsWith(d, i)) digraphs |= 1 << k;
    }
    for (let j = 1; j <= m; j++) {
      const b = latin[j - 1] ?? "";
      const insertB = insertAt(latin, j);
      let sub = 1;
      if (a === b) sub = 0;
      else if (VOWELS.includes(b) && (VOWELS.includes(a) || a === "w")) sub = 0.2;
      // A final h is a written vowel (ة, ه, ה): -a, -ah, -eh.
      else if (a === "h" && i === n && VOWELS.includes(b)) sub = 0.1;
      else if (ABJAD_STANDS_FOR[a]?.includes(b)) sub = 0.1;
      else if (sameGroup(a, b)) sub = 0.35;
      let best = Math.min(
        (rows[prev + j] as number) + deleteA,
        (rows[cur + j - 1] as number) + insertB,
        (rows[prev + j - 1] as number) + sub,
      );
      for (let k = 0; digraphs >> k !== 0; k++) {
        if (!(digraphs & (1 << k))) continue;
        const [digraph, spellings] = DIGRAPH_SPELLINGS[k] as [string, string[]];
        for (const spelling of spellings) {
          if (spelling.length <= j && latin.endsWith(spelling, j)) {
            const before = rows[(i - digraph.length) * width + j - spelling.length] as number;
            if (before + 0.1 < best) best = before + 0.1;
          }
        }
      }
      rows[cur + j] = best;
    }
  }
  return (rows[n * width + m] as number) / Math.max(n, m, 1);
}
let table = new Float64Array(1024);

const insertCost = (c: string) => (VOWELS.includes(c) || c === "h" ? 0.25 : 1);
// A leading w or y is a consonant (وليد is Walid, not Lid); inside a word they are long vowels.
const deleteCost = (c: string, i: number) =>
  c === "w" || c === "y" ? (i > 1 ? 0.3 : 1) : VOWELS.includes(c) || c === "h" ? 0.3 : 1;
// A doubled letter in the Latin spelling ("Barnett") is one letter in the abjad one.
const insertAt = (latin: string, j: number) =>
  j > 1 && latin[j - 1] === latin[j - 2] ? 0.15 : insertCost(latin[j - 1] ?? "");

// Romanised Arabic letters and the spellings other languages give the same sound.
const DIGRAPH_SPELLINGS: [string, string[]][] = [
  ["kh", ["j", "ch", "x", "h"]],
  ["sh", ["sch", "ch", "sc", "sz", "s"]],
  ["tsh", ["ch", "tch", "tsch", "c", "cc", "cz", "cs", "ci"]],
  ["gh", ["g", "gu", "r"]],
  ["th", ["t", "s"]],
  ["dh", ["d", "z"]],
];

const SEMIVOWEL = /(?<=[aeiou])[jy](?![aeiou])/g;
const HAS_SEMIVOWEL = /(?<=[aeiou])[jy](?![aeiou])/;
function semivowelAsI(text: string): string {
  return text.replace(SEMIVOWEL, "i");
}

/**
 * Comparisons already made, by token ids: a direct-mapped table of fixed size in typed arrays (no boxed
 * keys, no growth, no clearing); a pair that lands on an occupied entry replaces it and is worked out
 * again when asked again.
 */
const CACHE_BITS = 19;
const cachedA = new Int32Array(1 << CACHE_BITS).fill(-1);
const cachedB = new Int32Array(1 << CACHE_BITS);
const cachedMatch: (TokenMatch | null)[] = new Array(1 << CACHE_BITS).fill(null);

/**
 * A token's text id and how it was read: a token read from Arabic or Hebrew script, or from a Han or Hangul
 * character, can differ from the Latin token of the same text (a tail, an initial), so it compares apart.
 */
const cacheKey = (token: NameToken): number => token.id * 4 + (token.abjad ? 1 : 0) + (token.glyph ? 2 : 0);

/** What `compareCheaply` needs of a token: a NameToken, or the facts of a text not yet made a token. */
export type TokenFacts = Pick<NameToken, "text" | "key" | "keyId" | "letters" | "initial" | "glyph"> & {
  tail?: unknown;
};

/**
 * Whether `compareCheaply` certainly finds no agreement, from numbers and flags alone: both Latin, lengths
 * more than three apart (so the texts differ), different keys, nothing to unpack, neither an initial nor both
 * characters. Most joined units meet the tokens they are checked against like this, and the test reads
 * neither text.
 */
export function plainlyApart(a: TokenFacts, b: TokenFacts, abjad: boolean): boolean {
  return (
    !abjad &&
    Math.abs(a.letters - b.letters) > 3 &&
    a.keyId !== b.keyId &&
    !a.tail &&
    !b.tail &&
    !a.initial &&
    !b.initial &&
    !(a.glyph && b.glyph)
  );
}

/**
 * What two tokens' texts, class keys and flags alone decide (symmetric): agreement, null for none, or
 * undefined when only the full comparison can tell.
 */
export function compareCheaply(a: TokenFacts, b: TokenFacts, abjad: boolean): TokenMatch | null | undefined {
  // Two characters of the same script that read alike (石/市) are still different names.
  if (a.glyph && b.glyph) return a.glyph === b.glyph ? EXACT : null;
  if (a.text === b.text) return EXACT;
  if (a.key === b.key && !a.initial && !b.initial) return VARIANT;
  // Far apart in length and with nothing to unpack: no comparator can find agreement.
  if (!abjad && !a.tail && !b.tail && !a.initial && !b.initial && Math.abs(a.text.length - b.text.length) > 3)
    return null;
  return undefined;
}

/** Agreements at least this close let one token stand for neighbours written joined (see name.ts). */
export const STRONG_AGREEMENT = 0.8;

/**
 * Whether a token and another token's facts leave room for a strong agreement (STRONG_AGREEMENT or more),
 * as compareUncached finds them: one class, equal texts once doubled letters count once, two compounds of
 * a kind whose tails agree, the joined Arabic article; between Latin spellings a й read as i or one edit
 * in names of six letters or more, which keeps one of the first two letters; and against an abjad spelling
 * only lengths as close as its vowel-tolerant comparison asks.
 */
export function mayAgreeStrongly(a: NameToken, b: TokenFacts, abjad: boolean): boolean {
  if (a.articleTail) return true;
  const [x, y] = [a.text, b.text];
  if (x === y || (a.key === b.key && !a.initial && !b.initial)) return true;
  if (a.initial || b.initial || a.numeric) return false;
  if ((a.tail && b.tail && x.slice(0, 3) === y.slice(0, 3)) || equalUndoubled(x, y)) return true;
  const gap = Math.abs(x.length - y.length);
  const shorter = Math.min(x.length, y.length);
  if (abjad) return gap <= Math.max(3, shorter / 2);
  if (gap === 0 && semivowelAsI(x) === semivowelAsI(y)) return true;
  return gap <= 1 && shorter >= 6 && shareAnOpening(x, y);
}

/** Whether one of the first two letters of each agree (i, j and y alike, for a й read as i): one edit keeps one. */
function shareAnOpening(x: string, y: string): boolean {
  const [x0, x1, y0, y1] = [x[0] ?? "", x[1] ?? "", y[0] ?? "", y[1] ?? ""];
  return alike(x0, y0) || alike(x1, y1) || alike(x0, y1) || alike(x1, y0);
}

const alike = (p: string, q: string) => p === q || ("ijy".includes(p) && "ijy".includes(q));

/**
 * Whether two Latin tokens certainly agree in no way compareUncached knows, from numbers alone: different
 * keys, first letters of different sound classes (every agreement short of two edits needs alike first
 * letters), no compound to unpack, no j or y (a semivowel read as i), and more than two letters of one
 * missing from the other (each needs an edit, so they are more than two edits apart). Most pairs a score
 * bound meets are like this; they are neither worked out nor cached.
 */
export function plainlyUnlike(a: NameToken, b: NameToken, abjad: boolean): boolean {
  return (
    !abjad &&
    a.firstClass !== b.firstClass &&
    a.keyId !== b.keyId &&
    !a.tail &&
    !b.tail &&
    ((a.letterSet | b.letterSet) & J_OR_Y) === 0 &&
    (lettersMissing(a.letterSet, b.letterSet) > 2 || lettersMissing(b.letterSet, a.letterSet) > 2)
  );
}

/** Compares two tokens; `abjad` when one side was written without short vowels. Null: no agreement. */
export function compareTokens(a: NameToken, b: NameToken, abjad: boolean): TokenMatch | null {
  const cheap = compareCheaply(a, b, abjad);
  if (cheap !== undefined) return cheap;
  if (plainlyUnlike(a, b, abjad)) return null;
  const keyA = cacheKey(a);
  const keyB = cacheKey(b) * 2 + (abjad ? 1 : 0);
  const at = (Math.imul(keyA, 0x9e3779b1) ^ Math.imul(keyB, 0x85ebca6b)) >>> (32 - CACHE_BITS);
  if (cachedA[at] === keyA && cachedB[at] === keyB) return cachedMatch[at] ?? null;
  const result = compareUncached(a, b, abjad);
  cachedA[at] = keyA;
  cachedB[at] = keyB;
  cachedMatch[at] = result;
  return result;
}

const EXACT: TokenMatch = { similarity: 1, agreement: "exact" };
const VARIANT: TokenMatch = { similarity: 0.9, agreement: "variant" };
const INITIAL: TokenMatch = { similarity: 0, agreement: "initial" };
const DOUBLED: TokenMatch = { similarity: 0.85, agreement: "typo" };

/** Whether two texts are equal once a letter written several times in a row counts once ("Hanniball" = "Hanibal"). */
function equalUndoubled(x: string, y: string): boolean {
  let i = 0;
  let j = 0;
  while (i < x.length && j < y.length) {
    const c = x.charCodeAt(i);
    if (c !== y.charCodeAt(j)) return false;
    while (x.charCodeAt(i) === c) i++;
    while (y.charCodeAt(j) === c) j++;
  }
  return i === x.length && j === y.length;
}

/** The strongest agreement found so far while comparing two tokens. */
class Strongest {
  found = false;
  similarity = 0;
  agreement: TokenAgreement = "exact";

  offer(similarity: number, agreement: TokenAgreement): void {
    if (this.found && similarity <= this.similarity) return;
    this.found = true;
    this.similarity = similarity;
    this.agreement = agreement;
  }

  /** A tail of one token compared with the other token, its agreement scaled by `share`. */
  offerMatch(match: TokenMatch | null, share: number): void {
    if (match) this.offer(match.similarity * share, match.agreement);
  }

  result(): TokenMatch | null {
    return this.found ? { similarity: this.similarity, agreement: this.agreement } : null;
  }
}

/** Two tokens compared in full, without the cache or plainlyUnlike: what those must agree with. */
export function compareUncached(a: NameToken, b: NameToken, abjad: boolean): TokenMatch | null {
  if (a.initial || b.initial) {
    const [short, long] = a.initial ? [a, b] : [b, a];
    return long.text.startsWith(short.text) && !long.numeric ? INITIAL : null;
  }
  if (a.numeric || b.numeric) return null;
  if (a.key === b.key) return VARIANT;
  // A letter written twice or once ("Jong-uun", "Hanniball", "Abdulah") is the same name.
  if (equalUndoubled(a.text, b.text)) return DOUBLED;
  // Cyrillic й after a vowel is romanised i, y or j (Sergei, Sergey, Sergej): read all three as i.
  if (!abjad && (HAS_SEMIVOWEL.test(a.text) || HAS_SEMIVOWEL.test(b.text))) {
    const [ya, yb] = [semivowelAsI(a.text), semivowelAsI(b.text)];
    if (ya === yb) return DOUBLED;
    if (osaDistance(ya, yb, 1) === 1 && Math.min(ya.length, yb.length) >= 6)
      return { similarity: 0.8, agreement: "typo" };
  }
  // Two compounds of the same kind ("Abd al-Rahim", "Abd al-Rahman") differ exactly where their tails do.
  if (a.tail && b.tail && a.text.slice(0, 3) === b.text.slice(0, 3))
    return compareTokens(a.tail, b.tail, abjad);
  const minLen = Math.min(a.text.length, b.text.length);
  const lengthGap = Math.abs(a.text.length - b.text.length);
  const distance = osaDistance(a.text, b.text, 2);
  const best = new Strongest();
  // One letter changes a short name into another name (Ming/Ping), so short tokens earn less.
  if (distance === 1 && minLen >= 3) {
    best.offer(minLen >= 6 ? 0.8 : minLen === 5 ? 0.7 : minLen === 4 ? 0.5 : 0.35, "typo");
  }
  if (distance === 2 && minLen >= 7) best.offer(0.6, "typo");
  if (abjad && lengthGap <= Math.max(3, minLen / 2) && Math.abs(a.skeleton.length - b.skeleton.length) <= 2) {
    // Romanised abjad tokens have no vowels to sound out: consonant skeleton and a vowel-tolerant
    // distance decide, the distance also ranking skeleton matches (Acton vs Aquitaine for آكيتيان).
    const d =
      a.abjad === b.abjad
        ? Math.min(abjadDistance(a.text, b.text), abjadDistance(b.text, a.text))
        : a.abjad
          ? abjadDistance(a.text, b.text)
          : abjadDistance(b.text, a.text);
    if (a.skeleton.length >= 2 && a.skeleton === b.skeleton) {
      best.offer((a.skeleton.length >= 3 ? 0.95 : 0.85) - d, "skeleton");
    }
    if (d <= 0.3 && minLen >= 3) best.offer(0.92 - 2 * d, "transliteration");
  } else if (!abjad) {
    const [pa, pb] = [a.phonetic, b.phonetic];
    const samePhonetic = pa[0] !== "" && (pa[0] === pb[0] || pa[0] === pb[1] || pa[1] === pb[0]);
    // Double Metaphone keeps four sounds: "Ronaldinho" and "Ronaldo" share them, so lengths must agree too.
    // Sounding alike is only evidence when the spellings are close too ("Albano" is not "Albanese").
    if (samePhonetic && minLen >= 4 && lengthGap <= 2 && a.text[0] === b.text[0] && distance <= 2)
      best.offer(0.65, "phonetic");
    // Within Latin the first letters must sound alike too: the skeleton folds j into g for Arabic ج.
    const [fa, fb] = [a.text[0] ?? "", b.text[0] ?? ""];
    if (a.skeleton.length >= 3 && a.skeleton === b.skeleton && (fa === fb || sameGroup(fa, fb)))
      best.offer(0.6, "skeleton");
  }
  // Jaro-Winkler reaches 0.92 only for tokens with a common start.
  if (
    !best.found &&
    lengthGap <= 3 &&
    minLen >= 4 &&
    a.text[0] === b.text[0] &&
    jaroWinkler(a.text, b.text) >= 0.92
  )
    best.offer(0.5, "similar");
  // Two letters apart in a longer name: likely the same name misspelt, but too weak to count for much.
  if (!best.found && distance === 2 && minLen >= 5) best.offer(0.1, "near");
  // The article written joined in Arabic script: the name after it is the name.
  if (a.articleTail && a.tail) best.offerMatch(compareTokens(a.tail, b, abjad), 0.97);
  if (b.articleTail && b.tail) best.offerMatch(compareTokens(b.tail, a, abjad), 0.97);
  // "Rahman" written for "Abd al-Rahman": the same person's name shortened, or another name.
  const [whole, part] = a.tail ? [a, b] : [b, a];
  if (!best.found && whole.tail && !part.tail && !whole.articleTail) {
    const inner = compareTokens(whole.tail, part, abjad);
    if (inner && inner.similarity >= 0.6) best.offer(0.45, "compound part");
  }
  return best.result();
}
