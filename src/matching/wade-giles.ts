import { ownEntry } from "../platform/own-entry.ts";
import type { ReadingUnit } from "./readings.ts";

/**
 * Chinese names in Wade–Giles ("Mao Tse-tung", "Chiang Ching-kuo"), the romanisation most older records
 * and Taiwanese documents use, read as the Pinyin syllables they can stand for. Wade–Giles marks
 * aspiration with an apostrophe that records mostly leave out, so an unmarked ch, k, p, t, ts reads both
 * ways (ch: j/zh/q/ch, k: g/k …). Conversion follows the Wade–Giles ↔ Pinyin table in Wikipedia's
 * "Wade–Giles" article. A name is only read so when it has a hyphen or an apostrophe, every word is made
 * of Wade–Giles syllables and one of them could not be Pinyin (hs, ts/tz, an apostrophe, -ung, -ih, -ieh,
 * -ien, -erh, ch before i), so ordinary Latin names never pay for it.
 */

const INITIALS: [string, string[]][] = [
  ["ch'", ["q", "ch"]],
  ["ch", ["j", "zh", "q", "ch"]],
  ["hs", ["x"]],
  ["k'", ["k"]],
  ["k", ["g", "k"]],
  ["p'", ["p"]],
  ["p", ["b", "p"]],
  ["ts'", ["c"]],
  ["tz'", ["c"]],
  ["ts", ["z", "c"]],
  ["tz", ["z", "c"]],
  ["t'", ["t"]],
  ["t", ["d", "t"]],
  ["ss", ["s"]],
  ["sz", ["s"]],
  ["sh", ["sh"]],
  ["j", ["r"]],
  ["m", ["m"]],
  ["f", ["f"]],
  ["n", ["n"]],
  ["l", ["l"]],
  ["h", ["h"]],
  ["s", ["s"]],
  ["y", ["y"]],
  ["w", ["w"]],
  ["", [""]],
];

const FINALS: Record<string, string[]> = {
  a: ["a"],
  ai: ["ai"],
  an: ["an"],
  ang: ["ang"],
  ao: ["ao"],
  e: ["e"],
  ei: ["ei"],
  en: ["en"],
  eng: ["eng"],
  erh: ["er"],
  i: ["i"],
  ia: ["ia"],
  iang: ["iang"],
  iao: ["iao"],
  ieh: ["ie"],
  ien: ["ian"],
  ih: ["i"],
  in: ["in"],
  ing: ["ing"],
  iu: ["iu"],
  iung: ["iong"],
  o: ["o", "e", "uo"],
  ou: ["ou"],
  u: ["u", "i", "ou"],
  ua: ["ua"],
  uai: ["uai"],
  uan: ["uan"],
  uang: ["uang"],
  ui: ["ui"],
  un: ["un"],
  ung: ["ong"],
  uo: ["uo"],
  ueh: ["ue"],
};

const MARKED = /^(?:hs|ts|tz)|'|(?:ung|ih|ieh|ien|erh)$|^ch'?i./;

/** The Pinyin readings of one Wade–Giles syllable, or null if it is not one. */
function pinyin(syllable: string): string[] | null {
  for (const [initial, readings] of INITIALS) {
    if (!syllable.startsWith(initial)) continue;
    const finals = ownEntry(FINALS, syllable.slice(initial.length));
    if (!finals) continue;
    const out = new Set<string>();
    for (const i of readings) for (const f of finals) out.add(i + f);
    return [...out];
  }
  return null;
}

const APOSTROPHES = /[’‘ʻʼ`´]/g;
const HYPHEN_OR_APOSTROPHE = /[-'’‘ʻʼ`´]/;

/** A name's Wade–Giles syllables as reading units, or null when it is not a Wade–Giles name. */
export function wadeGilesUnits(name: string): ReadingUnit[] | null {
  // Wade–Giles joins a given name's syllables with a hyphen (Tse-tung) and marks aspiration with an apostrophe.
  if (!HYPHEN_OR_APOSTROPHE.test(name)) return null;
  const text = name.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase().replace(APOSTROPHES, "'");
  if (!/hs|ts|tz|'|ung\b|ih\b|ieh|ien\b|erh|chi/.test(text)) return null;
  const units: ReadingUnit[] = [];
  let marked = false;
  const words = text.split(/[\s,]+/).filter(Boolean);
  for (const [w, word] of words.entries()) {
    for (const syllable of word.split("-")) {
      const readings = pinyin(syllable);
      if (!readings) return null;
      if (MARKED.test(syllable)) marked = true;
      units.push({ glyph: syllable, readings, word: w });
    }
  }
  return marked && units.length > 1 ? units : null;
}
