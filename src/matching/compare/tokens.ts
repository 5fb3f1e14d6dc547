import jaroWinkler from "talisman/metrics/jaro-winkler.js";
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
// Consonants the romanisations of one sound share; substituting within a group is cheap.
const GROUPS = ["kqcg", "sz", "td", "bp", "vwf", "jy", "hx"];
const GROUP_OF = new Map<string, number>();
GROUPS.forEach((group, i) => {
  for (const ch of group) GROUP_OF.set(ch, i);
});
function sameGroup(a: string, b: string): boolean {
  const g = GROUP_OF.get(a);
  return g !== undefined && g === GROUP_OF.get(b);
}

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
  const insertCost = (c: string) => (VOWELS.includes(c) || c === "h" ? 0.25 : 1);
  // A leading w or y is a consonant (وليد is Walid, not Lid); inside a word they are long vowels.
  const deleteCost = (c: string, i: number) =>
    c === "w" || c === "y" ? (i > 1 ? 0.3 : 1) : VOWELS.includes(c) || c === "h" ? 0.3 : 1;
  // A doubled letter in the Latin spelling ("Barnett") is one letter in the abjad one.
  const insertAt = (j: number) =>
    j > 1 && latin[j - 1] === latin[j - 2] ? 0.15 : insertCost(latin[j - 1] ?? "");
  const first = [0];
  for (let j = 1; j <= m; j++) first.push((first[j - 1] as number) + insertAt(j));
  const rows: number[][] = [first];
  for (let i = 1; i <= n; i++) {
    const prev = rows[i - 1] as number[];
    const a = abjad[i - 1] ?? "";
    const deleteA = deleteCost(a, i);
    const cur = [(prev[0] as number) + deleteA];
    // Letters that Arabic writes with two or three Latin letters (خ kh, ش sh, تش tsh …), as other languages spell them.
    const digraphs = DIGRAPH_SPELLINGS.filter(([d]) => d.length <= i && abjad.endsWith(d, i));
    for (let j = 1; j <= m; j++) {
      const b = latin[j - 1] ?? "";
      const insertB = insertAt(j);
      let sub = 1;
      if (a === b) sub = 0;
      else if (VOWELS.includes(b) && (VOWELS.includes(a) || a === "w")) sub = 0.2;
      // A final h is a written vowel (ة, ه, ה): -a, -ah, -eh.
      else if (a === "h" && i === n && VOWELS.includes(b)) sub = 0.1;
      else if (ABJAD_STANDS_FOR[a]?.includes(b)) sub = 0.1;
      else if (sameGroup(a, b)) sub = 0.35;
      let best = Math.min(
        (prev[j] as number) + deleteA,
        (cur[j - 1] as number) + insertB,
        (prev[j - 1] as number) + sub,
      );
      for (const [digraph, spellings] of digraphs) {
        for (const spelling of spellings) {
          if (spelling.length <= j && latin.endsWith(spelling, j)) {
            const before = rows[i - digraph.length]?.[j - spelling.length];
            if (before !== undefined && before + 0.1 < best) best = before + 0.1;
          }
        }
      }
      cur[j] = best;
    }
    rows.push(cur);
  }
  return ((rows[n] as number[])[m] as number) / Math.max(n, m, 1);
}

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
function semivowelAsI(text: string): string {
  return text.replace(SEMIVOWEL, "i");
}

const cache = new Map<number, TokenMatch | null>();
const CACHE_LIMIT = 500_000;

/** Compares two tokens; `abjad` when one side was written without short vowels. Null: no agreement. */
export function compareTokens(a: NameToken, b: NameToken, abjad: boolean): TokenMatch | null {
  // Two characters of the same script that read alike (石/市) are still different names.
  if (a.glyph && b.glyph) return a.glyph === b.glyph ? EXACT : null;
  if (a.text === b.text) return EXACT;
  if (a.key === b.key && !a.initial && !b.initial) return VARIANT;
  // Far apart in length and with nothing to unpack: no comparator can find agreement.
  if (!abjad && !a.tail && !b.tail && !a.initial && !b.initial && Math.abs(a.text.length - b.text.length) > 3)
    return null;
  const key = (a.id * 67_108_864 + b.id) * 2 + (abjad ? 1 : 0);
  const known = cache.get(key);
  if (known !== undefined) return known;
  if (cache.size >= CACHE_LIMIT) cache.clear();
  const result = compareUncached(a, b, abjad);
  cache.set(key, result);
  return result;
}

const EXACT: TokenMatch = { similarity: 1, agreement: "exact" };
const VARIANT: TokenMatch = { similarity: 0.9, agreement: "variant" };

function better(best: TokenMatch | null, similarity: number, agreement: TokenAgreement): TokenMatch | null {
  return !best || similarity > best.similarity ? { similarity, agreement } : best;
}

function compareUncached(a: NameToken, b: NameToken, abjad: boolean): TokenMatch | null {
  if (a.initial || b.initial) {
    const [short, long] = a.initial ? [a, b] : [b, a];
    return long.text.startsWith(short.text) && !long.numeric ? { similarity: 0, agreement: "initial" } : null;
  }
  if (a.numeric || b.numeric) return null;
  if (a.key === b.key) return { similarity: 0.9, agreement: "variant" };
  // A letter written twice or once ("Jong-uun", "Hanniball", "Abdulah") is the same name.
  if (a.text.replace(/(.)\1+/g, "$1") === b.text.replace(/(.)\1+/g, "$1"))
    return { similarity: 0.85, agreement: "typo" };
  // Cyrillic й after a vowel is romanised i, y or j (Sergei, Sergey, Sergej): read all three as i.
  const [ya, yb] = [semivowelAsI(a.text), semivowelAsI(b.text)];
  if (!abjad && (ya !== a.text || yb !== b.text)) {
    if (ya === yb) return { similarity: 0.85, agreement: "typo" };
    if (osaDistance(ya, yb, 1) === 1 && Math.min(ya.length, yb.length) >= 6)
      return { similarity: 0.8, agreement: "typo" };
  }
  // Two compounds of the same kind ("Abd al-Rahim", "Abd al-Rahman") differ exactly where their tails do.
  if (a.tail && b.tail && a.text.slice(0, 3) === b.text.slice(0, 3))
    return compareTokens(a.tail, b.tail, abjad);
  const minLen = Math.min(a.text.length, b.text.length);
  const lengthGap = Math.abs(a.text.length - b.text.length);
  const distance = osaDistance(a.text, b.text, 2);
  let best: TokenMatch | null = null;
  // One letter changes a short name into another name (Ming/Ping), so short tokens earn less.
  if (distance === 1 && minLen >= 3) {
    best = better(best, minLen >= 6 ? 0.8 : minLen === 5 ? 0.7 : minLen === 4 ? 0.5 : 0.35, "typo");
  }
  if (distance === 2 && minLen >= 7) best = better(best, 0.6, "typo");
  const skeletonGap = Math.abs(a.skeleton.length - b.skeleton.length);
  if (abjad && lengthGap <= Math.max(3, minLen / 2) && skeletonGap <= 2) {
    // Romanised abjad tokens have no vowels to sound out: consonant skeleton and a vowel-tolerant
    // distance decide, the distance also ranking skeleton matches (Acton vs Aquitaine for آكيتيان).
    const d =
      a.abjad === b.abjad
        ? Math.min(abjadDistance(a.text, b.text), abjadDistance(b.text, a.text))
        : a.abjad
          ? abjadDistance(a.text, b.text)
          : abjadDistance(b.text, a.text);
    if (a.skeleton.length >= 2 && a.skeleton === b.skeleton) {
      best = better(best, (a.skeleton.length >= 3 ? 0.95 : 0.85) - d, "skeleton");
    }
    if (d <= 0.3 && minLen >= 3) best = better(best, 0.92 - 2 * d, "transliteration");
  } else if (!abjad) {
    const [pa, pb] = [a.phonetic, b.phonetic];
    const samePhonetic = pa[0] !== "" && (pa[0] === pb[0] || pa[0] === pb[1] || pa[1] === pb[0]);
    // Double Metaphone keeps four sounds: "Ronaldinho" and "Ronaldo" share them, so lengths must agree too.
    // Sounding alike is only evidence when the spellings are close too ("Albano" is not "Albanese").
    if (samePhonetic && minLen >= 4 && lengthGap <= 2 && a.text[0] === b.text[0] && distance <= 2)
      best = better(best, 0.65, "phonetic");
    // Within Latin the first letters must sound alike too: the skeleton folds j into g for Arabic ج.
    const [fa, fb] = [a.text[0] ?? "", b.text[0] ?? ""];
    if (a.skeleton.length >= 3 && a.skeleton === b.skeleton && (fa === fb || sameGroup(fa, fb)))
      best = better(best, 0.6, "skeleton");
  }
  // Jaro-Winkler reaches 0.92 only for tokens with a common start.
  if (
    !best &&
    lengthGap <= 3 &&
    minLen >= 4 &&
    a.text[0] === b.text[0] &&
    jaroWinkler(a.text, b.text) >= 0.92
  )
    best = better(best, 0.5, "similar");
  // Two letters apart in a longer name: likely the same name misspelt, but too weak to count for much.
  if (!best && distance === 2 && minLen >= 5) best = better(best, 0.1, "near");
  // The article written joined in Arabic script: the name after it is the name.
  for (const [whole, part] of [
    [a, b],
    [b, a],
  ] as const) {
    if (whole.articleTail && whole.tail) {
      const inner = compareTokens(whole.tail, part, abjad);
      if (inner) best = better(best, inner.similarity * 0.97, inner.agreement);
    }
  }
  // "Rahman" written for "Abd al-Rahman": the same person's name shortened, or another name.
  const [whole, part] = a.tail ? [a, b] : [b, a];
  if (!best && whole.tail && !part.tail && !whole.articleTail) {
    const inner = compareTokens(whole.tail, part, abjad);
    if (inner && inner.similarity >= 0.6) best = better(best, 0.45, "compound part");
  }
  return best;
}
