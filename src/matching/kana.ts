import { toRomaji } from "wanakana";
import type { ReadingUnit } from "./readings.ts";

/**
 * Hiragana and katakana to Latin. The default spelling is passport Hepburn (long vowels written once:
 * "Tarō" is TARO), with the katakana combinations that write foreign sounds (ティ ti, ディ di, ファ fa,
 * ヴィ vi, ウォ wo …), which wanakana alone reads as two syllables. `kanaUnits` gives each mora its other
 * spellings for the reading aligner (readings.ts): Kunrei/Nihon-shiki (si, ti, tu, hu, zi, di), the
 * sounds katakana stands for in foreign names (a vowel added after a consonant dropped, r for l, ウ for
 * w/v, s or z for th, a long mark for r) and long vowels written out.
 */

// Foreign-sound combinations, as hiragana (wanakana maps katakana through hiragana).
const FOREIGN_SOUNDS: Record<string, string> = {
  てぃ: "ti",
  でぃ: "di",
  とぅ: "tu",
  どぅ: "du",
  ゔぁ: "va",
  ゔぃ: "vi",
  ゔぇ: "ve",
  ゔぉ: "vo",
  ゔ: "vu",
  ふぁ: "fa",
  ふぃ: "fi",
  ふぇ: "fe",
  ふぉ: "fo",
  うぃ: "wi",
  うぇ: "we",
  うぉ: "wo",
  つぁ: "tsa",
  つぃ: "tsi",
  つぇ: "tse",
  つぉ: "tso",
  しぇ: "she",
  じぇ: "je",
  ちぇ: "che",
  くぁ: "kwa",
  ぐぁ: "gwa",
};
const ROMAJI_OPTIONS = { customRomajiMapping: FOREIGN_SOUNDS };

export const KANA = /[\u3041-\u3096\u309D\u309E\u30A1-\u30FA\u30FC-\u30FE]/u;
const KANA_RUN = /[\u3041-\u3096\u309D\u309E\u30A1-\u30FA\u30FC-\u30FE]+/gu;
const SMALL = new Set([..."ァィゥェォャュョヮぁぃぅぇぉゃゅょゎ"]);
const SOKUON = new Set(["ッ", "っ"]);
const LONG = "ー";

/** Passport Hepburn for one run of kana: "ウラジーミル" -> "urajimiru", "たろう" -> "taro". */
export function romanizeKana(run: string): string {
  return toRomaji(run.replace(/ー/g, ""), ROMAJI_OPTIONS).replace(/o[ou]/g, "o").replace(/uu/g, "u");
}

/**
 * The spelling a katakana foreign name most likely stands for, to look candidates up with before any
 * other name is known: チ ti, ツ tu, ジ di (as older transcriptions write them) and the vowel added after
 * a final consonant dropped ("プーチン" -> "putin", "ウラジーミル" -> "uradimir").
 */
export function foreignSpelling(text: string): string {
  return text
    .split(/[\s・]+/u)
    .map((word) =>
      romanizeKana(word)
        .replace(/chi/g, "ti")
        .replace(/tsu/g, "tu")
        .replace(/ji/g, "di")
        .replace(/(?<=[^aiueo])(?:u|(?<=[td])o)$/, ""),
    )
    .join(" ");
}

/** Every kana run in `text` replaced by its Hepburn spelling, with spaces around it. */
export function romanizeKanaIn(text: string): string {
  return text.replace(KANA_RUN, (run) => ` ${romanizeKana(run)} `);
}

/** A mora's spellings besides Hepburn: Kunrei/Nihon-shiki, and what it writes in foreign names. */
function spellings(kana: string, long: boolean, doubled: boolean): string[] {
  const hepburn = toRomaji(kana, ROMAJI_OPTIONS);
  const out = new Set([hepburn]);
  const add = (s: string) => {
    if (s) out.add(s);
  };
  // Kunrei and Nihon-shiki.
  add(hepburn.replace(/^shi/, "si").replace(/^chi/, "ti").replace(/^tsu/, "tu").replace(/^fu/, "hu"));
  if (hepburn.startsWith("ji")) {
    add(`zi${hepburn.slice(2)}`);
    add(`di${hepburn.slice(2)}`);
  }
  // A vowel katakana adds after a foreign consonant ("Smith" スミス sumisu, "Putin" プーチン).
  if (/^[^aiueo]+u$/.test(hepburn) || /^[td]o$/.test(hepburn)) add(hepburn.slice(0, -1));
  if (hepburn === "chi" || hepburn === "shi") add(hepburn.slice(0, -1));
  // Standing alone, ウ writes a foreign w or v ("ウラジオストク" Vladivostok).
  if (hepburn === "u") {
    add("w");
    add("v");
  }
  for (const s of [...out]) if (s.includes("r")) add(s.replace(/r/g, "l"));
  // English th is written with the s and z rows (スミス Smith).
  for (const s of [...out]) if (/^[sz](?!h)/.test(s)) add(`th${s.slice(1)}`);
  if (hepburn === "n") add("m");
  let all = [...out];
  if (long) {
    const vowel = hepburn.at(-1) ?? "";
    all = all.flatMap((s) => (/[aiueo]$/.test(s) ? [s, s + vowel, `${s}r`] : [s]));
  }
  if (doubled) all = all.flatMap((s) => (/^[^aiueo]/.test(s) ? [s, (s[0] ?? "") + s] : [s]));
  return all;
}

// A few hundred morae exist; their spellings are worked out once.
const spellingCache = new Map<string, string[]>();
function moraSpellings(kana: string, long: boolean, doubled: boolean): string[] {
  const key = `${kana}${long ? "ー" : ""}${doubled ? "ッ" : ""}`;
  let known = spellingCache.get(key);
  if (!known) {
    known = spellings(kana, long, doubled);
    spellingCache.set(key, known);
  }
  return known;
}

/** The morae of a kana word as reading units (a mora: a kana, a small kana after it, a long mark). */
export function kanaUnits(word: string, wordIndex: number): ReadingUnit[] {
  const chars = [...word];
  const units: ReadingUnit[] = [];
  let doubled = false;
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i] ?? "";
    if (SOKUON.has(ch)) {
      doubled = true;
      continue;
    }
    let mora = ch;
    while (SMALL.has(chars[i + 1] ?? "")) mora += chars[++i];
    let long = false;
    while (chars[i + 1] === LONG) {
      long = true;
      i++;
    }
    if (mora === LONG) continue;
    units.push({ glyph: mora, readings: moraSpellings(mora, long, doubled), word: wordIndex });
    doubled = false;
  }
  return units;
}
