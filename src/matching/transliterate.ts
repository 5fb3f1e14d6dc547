import anyAscii from "any-ascii";
import { romanizeKanaIn } from "./kana.ts";

/**
 * Script-aware transliteration to lower-case Latin. Cyrillic and Greek follow ICAO 9303 (the passport
 * standard, so a name meets its MRZ spelling); Arabic (with Persian/Urdu letters) and Hebrew use tables
 * that keep the long vowels (alef, waw, yeh) as vowels, because any-ascii drops alef entirely. Kana are read
 * in passport Hepburn with the katakana spellings of foreign sounds (kana.ts). Every other script (Han,
 * Thai, Devanagari, …) falls back to any-ascii.
 */

// ICAO 9303 part 3, table for Cyrillic, plus the Ukrainian, Belarusian, Serbian and Kazakh letters.
const CYRILLIC: Record<string, string> = {
  а: "a",
  б: "b",
  в: "v",
  г: "g",
  д: "d",
  е: "e",
  ё: "e",
  ж: "zh",
  з: "z",
  и: "i",
  й: "y",
  к: "k",
  л: "l",
  м: "m",
  н: "n",
  о: "o",
  п: "p",
  р: "r",
  с: "s",
  т: "t",
  у: "u",
  ф: "f",
  х: "kh",
  ц: "ts",
  ч: "ch",
  ш: "sh",
  щ: "shch",
  ъ: "",
  ы: "y",
  ь: "",
  э: "e",
  ю: "yu",
  я: "ya",
  ґ: "g",
  є: "ye",
  і: "i",
  ї: "yi",
  ў: "u",
  ђ: "d",
  ј: "j",
  љ: "lj",
  њ: "nj",
  ћ: "c",
  џ: "dz",
  ѓ: "g",
  ќ: "k",
  ѕ: "dz",
  ә: "a",
  ғ: "g",
  қ: "k",
  ң: "ng",
  ө: "o",
  ұ: "u",
  ү: "u",
  һ: "h",
};

// ICAO 9303 Greek table (modern pronunciation), accents removed before lookup.
const GREEK: Record<string, string> = {
  α: "a",
  β: "v",
  γ: "g",
  δ: "d",
  ε: "e",
  ζ: "z",
  η: "i",
  θ: "th",
  ι: "i",
  κ: "k",
  λ: "l",
  μ: "m",
  ν: "n",
  ξ: "x",
  ο: "o",
  π: "p",
  ρ: "r",
  σ: "s",
  ς: "s",
  τ: "t",
  υ: "y",
  φ: "f",
  χ: "ch",
  ψ: "ps",
  ω: "o",
};

// Arabic and Persian/Urdu letters. Hamza and ayn carry no Latin letter in common romanisations.
const ARABIC: Record<string, string> = {
  ا: "a",
  آ: "a",
  أ: "a",
  إ: "i",
  ٱ: "a",
  ء: "",
  ؤ: "u",
  ئ: "i",
  ب: "b",
  ت: "t",
  ث: "th",
  ج: "j",
  ح: "h",
  خ: "kh",
  د: "d",
  ذ: "dh",
  ر: "r",
  ز: "z",
  س: "s",
  ش: "sh",
  ص: "s",
  ض: "d",
  ط: "t",
  ظ: "z",
  ع: "a",
  غ: "gh",
  ف: "f",
  ق: "q",
  ك: "k",
  ل: "l",
  م: "m",
  ن: "n",
  ه: "h",
  ة: "a",
  و: "w",
  ي: "y",
  ى: "a",
  پ: "p",
  چ: "ch",
  ژ: "zh",
  ک: "k",
  گ: "g",
  ی: "y",
  ے: "e",
  ٹ: "t",
  ڈ: "d",
  ڑ: "r",
  ں: "n",
  ھ: "h",
  ۃ: "a",
  ە: "e",
  ۆ: "o",
  ێ: "e",
  ڤ: "v",
  ڨ: "g",
};

const HEBREW: Record<string, string> = {
  א: "a",
  ב: "v",
  ג: "g",
  ד: "d",
  ה: "h",
  ו: "v",
  ז: "z",
  ח: "ch",
  ט: "t",
  י: "y",
  כ: "k",
  ך: "k",
  ל: "l",
  מ: "m",
  ם: "m",
  נ: "n",
  ן: "n",
  ס: "s",
  ע: "",
  פ: "p",
  ף: "f",
  צ: "ts",
  ץ: "ts",
  ק: "k",
  ר: "r",
  ש: "sh",
  ת: "t",
};

// Abjads, and the Thai/Lao/Khmer/Myanmar scripts whose vowels any-ascii does not spell out.
const ABJAD =
  /[\u0590-\u05FF\u0600-\u06FF\u0750-\u077F\uFB1D-\uFDFF\uFE70-\uFEFF\u0E00-\u0EFF\u1000-\u109F\u1780-\u17FF]/u;
const TABLES: [RegExp, Record<string, string>][] = [
  [/[\u0400-\u04FF]/u, CYRILLIC],
  [/[\u0370-\u03FF\u1F00-\u1FFF]/u, GREEK],
  [/[\u0600-\u06FF\u0750-\u077F\uFB50-\uFDFF\uFE70-\uFEFF]/u, ARABIC],
  [/[\u0590-\u05FF]/u, HEBREW],
];
// Arabic diacritics (harakat, tatweel) and Hebrew points carry no consonant.
const MARKS = /[\u064B-\u065F\u0670\u0640\u0591-\u05C7]/gu;
// CJK and kana: any-ascii gives capitalised syllables ("JinZhengEn"); each syllable is a name part.
const SYLLABIC = /[\u3040-\u30FF\u3400-\u9FFF\uAC00-\uD7AF]/u;

/** True when the text is written in a script that leaves short vowels out (Arabic, Persian, Hebrew). */
export function isAbjad(text: string): boolean {
  return ABJAD.test(text);
}

function mapChar(ch: string): string {
  const lower = ch.toLowerCase();
  for (const [range, table] of TABLES) {
    if (range.test(lower)) {
      const mapped = table[lower] ?? table[lower.normalize("NFD").replace(/\p{M}/gu, "")];
      return mapped ?? anyAscii(ch).toLowerCase();
    }
  }
  return "";
}

const ASCII_ONLY = /^[ -~]*$/;
const GREEK_START = 0x370;

/** Lower-case ASCII for any script; word separators survive as spaces or hyphens. */
export function transliterate(text: string): string {
  // Most names are printable ASCII, which every step below leaves as it is but for the case.
  if (ASCII_ONLY.test(text)) return text.toLowerCase();
  let out = "";
  let pending = "";
  const flush = () => {
    if (!pending) return;
    const ascii = anyAscii(pending);
    // Split syllabic scripts' capitalised syllables ("JinZhengEn" -> "Jin Zheng En") before casefolding.
    out += SYLLABIC.test(pending) ? ascii.replace(/([a-z])([A-Z])/g, "$1 $2") : ascii;
    pending = "";
  };
  for (const ch of romanizeKanaIn(text.normalize("NFC")).replace(MARKS, "")) {
    // No script with a table of its own comes before Greek, and no letter there lower-cases into one.
    if (ch.charCodeAt(0) < GREEK_START) {
      pending += ch;
      continue;
    }
    const mapped = mapChar(ch);
    if (mapped || TABLES.some(([range]) => range.test(ch.toLowerCase()))) {
      flush();
      out += mapped;
    } else pending += ch;
  }
  flush();
  return out.toLowerCase();
}
