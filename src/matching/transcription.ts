import anyAscii from "any-ascii";
import { ownEntry } from "../platform/own-entry.ts";
import type { ReadingUnit } from "./readings.ts";

/**
 * Foreign names written in Chinese characters sound by sound (弗拉基米尔·普京, 贝拉克·奥巴马). Mandarin
 * syllables end in a vowel or n/ng and its stops are unaspirated, so a transcription writes a foreign
 * consonant as a syllable with a vowel (克 ke for k, 斯 si for s, 尔 er for r or l, 夫 fu for f or v), b and
 * p, d and t, g and k with one letter, and l for r (the conventions of Xinhua's transcription tables, as
 * Wikipedia's "Transcription into Chinese characters" describes them). Each character's pinyin syllable
 * gets those Latin sounds as readings for the reading aligner (readings.ts).
 */

const INITIALS: Record<string, string[]> = {
  b: ["b", "p"],
  p: ["p", "b"],
  d: ["d", "t"],
  t: ["t", "d"],
  g: ["g", "k"],
  k: ["k", "c", "g"],
  j: ["j", "g", "d"],
  q: ["ch", "k", "c"],
  x: ["s", "sh", "h"],
  zh: ["j", "zh", "g"],
  ch: ["ch", "tch"],
  sh: ["sh", "s"],
  z: ["z", "ts", "s"],
  c: ["ts", "c", "s"],
  r: ["r", "j"],
  f: ["f", "v", "ph"],
  h: ["h", "kh", "ch", ""],
  l: ["l", "r"],
  w: ["w", "v", ""],
  y: ["y", "i", "j", ""],
  m: ["m"],
  n: ["n"],
  s: ["s"],
  "": [""],
};

const FINALS: Record<string, string[]> = {
  a: ["a"],
  o: ["o"],
  e: ["e", "a", "u", ""],
  i: ["i", "e", ""],
  u: ["u", "o", ""],
  ai: ["ai", "a", "e"],
  ei: ["ei", "e", "a"],
  ao: ["ao", "o", "au"],
  ou: ["ou", "o", "u"],
  an: ["an", "en", "on"],
  en: ["en", "an", "in"],
  ang: ["ang", "an", "on"],
  eng: ["eng", "en", "in"],
  ong: ["ong", "on"],
  ing: ["ing", "in"],
  in: ["in", "en"],
  un: ["un", "on"],
  ia: ["ia", "ya", "a"],
  ie: ["ie", "ye", "e"],
  iu: ["iu", "yu", "u"],
  ian: ["ian", "yan", "en"],
  iang: ["iang", "yan"],
  iao: ["iao", "yo"],
  uo: ["uo", "o", "wo"],
  ua: ["ua", "wa"],
  ui: ["ui", "wi", "i"],
  uan: ["uan", "wan", "an"],
};

const SYLLABLE = /^(zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw]?)([a-z]+)$/;

/** Latin sounds one pinyin syllable writes in a transcribed foreign name. */
function sounds(pinyin: string): string[] {
  if (pinyin === "er") return ["er", "r", "l"];
  const m = SYLLABLE.exec(pinyin);
  if (!m) return [pinyin];
  const [initial = "", final = ""] = [m[1], m[2]];
  const out = new Set([pinyin]);
  for (const i of ownEntry(INITIALS, initial) ?? [initial]) {
    for (const f of ownEntry(FINALS, final) ?? [final]) if (i + f) out.add(i + f);
  }
  return [...out];
}

const HAN = /[\u3400-\u9FFF\uF900-\uFAFF]/u;
/** The interpuncts that separate the words of a transcribed foreign name (Chinese ·, Japanese ・). */
const INTERPUNCT = /[·・‧•]/u;

/** True for a Han name that is a transcribed foreign name: words split by an interpunct. */
export function isTranscription(name: string): boolean {
  return INTERPUNCT.test(name) && HAN.test(name);
}

/** The characters of a transcribed name as reading units (other characters are left out). */
export function transcriptionUnits(name: string): ReadingUnit[] {
  const units: ReadingUnit[] = [];
  name
    .split(/[\s·・‧•]+/u)
    .filter(Boolean)
    .forEach((word, w) => {
      for (const ch of word) {
        if (!HAN.test(ch)) continue;
        units.push({ glyph: ch, readings: sounds(anyAscii(ch).toLowerCase()), word: w });
      }
    });
  return units;
}
