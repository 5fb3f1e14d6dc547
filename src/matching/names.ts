import { ownEntry } from "../platform/own-entry.ts";
import { GIVEN_NAME_CLASS } from "./data/given-names.ts";
import {
  ABD_PREFIXES,
  DIN_SUFFIXES,
  DIVINE_NAMES,
  KUNYA,
  LEGAL_FORMS,
  type LegalForm,
  NASAB,
  ORG_ABBREVIATIONS,
  ORG_STOPWORDS,
  PARTICLES,
  TITLES,
} from "./data/name-words.ts";
import { metaphone, skeleton } from "./keys.ts";
import { firstLetterClass, letterSet } from "./letters.ts";
import { readingsOf } from "./readings.ts";
import { isAbjad, transliterate } from "./transliterate.ts";

/** One name part, with every key the comparators and the index use. */
export interface NameToken {
  /** The same for equal texts (an interned number). */
  id: number;
  text: string;
  /** Given-name variant class id, or the text itself: tokens with equal keys are the same name. */
  key: string;
  /** The key's number (equal keys, equal numbers) and the text's length: checks that need no string read them. */
  keyId: number;
  letters: number;
  /** Its letters and its first letter's sound class as numbers (see letters.ts and plainlyUnlike). */
  letterSet: number;
  firstClass: number;
  skeleton: string;
  phonetic: [string, string];
  initial: boolean;
  numeric: boolean;
  /** Han or Hangul character the token was read from: same-script names compare by character. */
  glyph?: string;
  /** Read from Arabic or Hebrew script (no short vowels written). */
  abjad?: boolean;
  /** For compounds ("abdrahman", "abubakr", "salahdin"): the distinctive part alone, often written alone. */
  tail?: NameToken;
  /** The tail is the name after a joined Arabic article, as good as the whole. */
  articleTail?: boolean;
}

/** A name analysed once, then compared many times. */
export interface NameForm {
  original: string;
  tokens: NameToken[];
  /** Written in Arabic or Hebrew script: vowels were never there, so skeleton agreement counts more. */
  abjad: boolean;
  /** Has a "son/daughter of" connector: then the order of the parts says who is whose father. */
  nasab?: boolean;
  /** Organisations: the legal form's family (jsc, llc, …) removed from the tokens. */
  legalForm?: string;
  /** An organisation's name: its single letters are abbreviations or numbers, not a person's initials. */
  organization?: true;
  /** Han and kana names: their other Latin readings, fitted to the name they are compared with (readings.ts). */
  readAgainst?: (other: NameForm) => NameForm[];
  /**
   * Its joined runs, worked out the first time a score bound asks (see compare/name-bound.ts). Every form is
   * made with the field, unset, so forms keep one layout when it is set.
   */
  joined: readonly JoinedRun[] | undefined;
}

/** The facts of a text not yet made a token, enough to tell most comparisons apart (see compare/tokens.ts). */
export interface TextFacts {
  text: string;
  key: string;
  /**
   * The key's number when the text is a given-name variant; otherwise NO_KEY_ID, which no token has. Such a
   * text is its own key and no token's key is it unless the token has the same text, so the number still
   * tells keys apart wherever plainlyApart asks (lengths more than three apart), and a joined text is not
   * given a number it would keep for the life of the process.
   */
  keyId: number;
  letters: number;
  initial: boolean;
  tail: boolean;
}

/** A run of two or three neighbouring parts of a name that may be written as one, as facts. */
export interface JoinedRun {
  start: number;
  length: number;
  unit: TextFacts;
}

/** What a score bound needs to know of a subject's names without reading them all (see compare/name.ts). */
export interface NameShape {
  /** Letters in the shortest name part. */
  shortestPart: number;
  /** Some name is compared through its readings (Han, kana). */
  readings: boolean;
}

export type NameKind = "person" | "organization";

const ORGANIZATION_SCHEMATA = new Set([
  "Organization",
  "Company",
  "LegalEntity",
  "PublicBody",
  "Vessel",
  "Airplane",
]);

export function nameKind(schema: string | undefined): NameKind {
  return schema && ORGANIZATION_SCHEMATA.has(schema) ? "organization" : "person";
}

/** Lower-case ASCII words: transliterated, apostrophes joined, number words as digits. */
export function words(name: string): string[] {
  return numbersAsDigits(
    transliterate(name.replace(/&/g, " and "))
      .replace(/['`’‘ʼʻ´"]/g, "")
      // Assimilated Arabic articles are only particles when hyphenated: "ad-Din", "ur-Rahman", "as-Sayed".
      .replace(/\b(?:a|e|u)(?:sh|th|dh|d|t|s|z|r|n)-(?=[a-z])/g, " ")
      .split(/[^a-z0-9]+/)
      .filter(Boolean)
      .map(deobfuscate),
  );
}

// Digits typed for look-alike letters inside a word ("Ig0r Sech1n"); numbers and ordinals stay numbers.
const LEET: Record<string, string> = { "0": "o", "1": "i", "3": "e", "4": "a", "5": "s", "7": "t", "9": "g" };
function deobfuscate(word: string): string {
  if (!/[a-z]/.test(word) || !/\d/.test(word) || /^\d+(st|nd|rd|th|s)?$/.test(word)) return word;
  return word.replace(/\d/g, (d) => LEET[d] ?? d);
}

// Maps, not object literals: a name word such as "constructor" must not find Object's own properties.
const UNITS = new Map(
  "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen"
    .split(" ")
    .map((word, value) => [word, value]),
);
const TENS = new Map([
  ["twenty", 20],
  ["thirty", 30],
  ["forty", 40],
  ["fourty", 40],
  ["fifty", 50],
  ["sixty", 60],
  ["seventy", 70],
  ["eighty", 80],
  ["ninety", 90],
]);
const ORDINALS = new Map([
  ["first", 1],
  ["second", 2],
  ["third", 3],
  ["fourth", 4],
  ["fifth", 5],
  ["sixth", 6],
  ["seventh", 7],
  ["eighth", 8],
  ["ninth", 9],
  ["tenth", 10],
]);

/** English number words and ordinals as digits: "Forty-Four" = "44", "1st" = "First" = "1". */
function numbersAsDigits(input: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < input.length; i++) {
    const word = input[i] ?? "";
    const tens = TENS.get(word);
    const ordinal = ORDINALS.get(word) ?? ORDINAL_DIGITS.exec(word)?.[1];
    const units = UNITS.get(word) ?? 0;
    if (ordinal !== undefined) out.push(String(ordinal));
    else if (tens !== undefined) {
      const next = input[i + 1] ?? "";
      const unit = /^[1-9]$/.test(next) ? Number(next) : (UNITS.get(next) ?? 0);
      if (unit > 0 && unit < 10) i++;
      out.push(String(tens + (unit > 0 && unit < 10 ? unit : 0)));
    } else if (units > 0) out.push(String(units));
    else out.push(word);
  }
  return out;
}

const ORDINAL_DIGITS = /^(\d+)(?:st|nd|rd|th)$/;

const ABD_JOINED = /^abd(?:oul|ul|el|al|il|ol|ur|us|uz|ar|as|ou|u|o|e|a|i)?([a-z]{3,})$/;
const DIN_JOINED = /^([a-z]{3,}?)(?:[aeiou]l?|)d?d(?:in|een|ine|ine)$/;

/** A name of God, however the Arabic article before it was written ("ar-Rahman", "urrahman"). */
function isDivine(word: string): boolean {
  return (
    DIVINE_NAMES.has(word) ||
    DIVINE_NAMES.has(word.replace(/^(?:a|u|e)?([a-z])\1?/, "$1")) ||
    DIVINE_NAMES.has(word.slice(1))
  );
}

/** "Abdullah", "Abdallah", "Abd Allah", "Abdulla", عبد الله: one spelling of "servant of God". */
function godName(compound: string): string {
  return /^abd(?:a|u|e)?l+a*h?$/.test(compound) ? "abdlah" : compound;
}

function stripArticle(word: string): string {
  const m = /^(?:al|el|ul|ar|ur|as|us|ad|ud|an|un|at|ut)([a-z]{3,})$/.exec(word);
  return m?.[1] ?? word;
}

/** Arabic name structure: titles and connectors out, "abd al-X", "abu X" and "X ud-din" as one unit. */
function personWords(input: string[], abjad: boolean): string[] {
  const out: string[] = [];
  const meaningful = input.filter((w) => !TITLES.has(w) && !NASAB.has(w) && !PARTICLES.has(w));
  // A name made only of such words (e.g. a bare "Sheikh") keeps them rather than vanishing.
  if (meaningful.length === 0) return input;
  for (let i = 0; i < input.length; i++) {
    const word = input[i] ?? "";
    if (TITLES.has(word) || NASAB.has(word)) continue;
    let next = i + 1;
    while (next < input.length && PARTICLES.has(input[next] ?? "")) next++;
    const following = input[next];
    const abdOfGod = ABD_PREFIXES.has(word) && following !== undefined && isDivine(stripArticle(following));
    if ((abdOfGod || KUNYA.has(word)) && following && !TITLES.has(following)) {
      const head = ABD_PREFIXES.has(word)
        ? "abd"
        : word === "umm" || word === "um" || word === "oum"
          ? "umm"
          : "abu";
      out.push(godName(head + stripArticle(following)));
      i = next;
      continue;
    }
    // A particle is an article before a name (al-Qaida); last in a name it is a name itself (Kim Jong Il).
    if (PARTICLES.has(word) && i < input.length - 1) continue;
    if (DIN_SUFFIXES.has(word) && out.length > 0) {
      out[out.length - 1] = `${out[out.length - 1]}din`;
      continue;
    }
    // "JC Juncker": a short run of consonants is a set of initials.
    if (!abjad && /^[b-df-hj-np-tv-z]{2}$/.test(word) && input.length > 1) out.push(...word);
    else out.push(canonicalCompound(word));
  }
  return out;
}

/** Joined spellings of the same compounds: "abdurrahman" -> "abdrahman", "salahuddin" -> "salahdin". */
function canonicalCompound(word: string): string {
  if (GIVEN_NAME_CLASS.has(word)) return word;
  if (godName(word) !== word) return godName(word);
  const abd = ABD_JOINED.exec(word);
  if (abd?.[1] && isDivine(abd[1])) return godName(`abd${abd[1]}`);
  const din = DIN_JOINED.exec(word);
  if (din?.[1] && word.length > 6) return `${din[1]}din`;
  const abu = /^(?:abu|abou)([a-z]{4,})$/.exec(word);
  if (abu?.[1]) return `abu${abu[1]}`;
  return word;
}

/** Organisation names: legal forms and function words out, spelled-out initialisms ("s c") joined. */
/** Runs of single letters ("S.A.R.L.", "A.B.C.") written as one word. */
function joinLetters(words: string[]): string[] {
  const out: string[] = [];
  let run = "";
  for (const word of [...words, ""]) {
    if (/^[a-z]$/.test(word)) {
      run += word;
      continue;
    }
    if (run) out.push(run);
    run = "";
    if (word) out.push(word);
  }
  return out;
}

/** The legal forms by their first word, longest first as in LEGAL_FORMS (most words start none). */
const LEGAL_FORMS_BY_FIRST_WORD = new Map<string, LegalForm[]>();
for (const form of LEGAL_FORMS) {
  const first = form.words[0] ?? "";
  LEGAL_FORMS_BY_FIRST_WORD.set(first, [...(LEGAL_FORMS_BY_FIRST_WORD.get(first) ?? []), form]);
}

function organizationWords(words: string[], found: string[]): string[] {
  const input = joinLetters(words);
  const kept: string[] = [];
  for (let i = 0; i < input.length; ) {
    const starting = LEGAL_FORMS_BY_FIRST_WORD.get(input[i] ?? "");
    const form = starting?.find((f) => f.words.every((w, j) => input[i + j] === w));
    // A legal form only counts as one when something else names the organisation.
    if (form && input.length > form.words.length) {
      found.push(ownEntry(LEGAL_FAMILY, form.canonical) ?? form.canonical);
      i += form.words.length;
      continue;
    }
    const word = ownEntry(ORG_ABBREVIATIONS, input[i] ?? "") ?? input[i] ?? "";
    // After van/von, der/den/de are part of a family name ("van der Bilt" = "Vanderbilt"), not function words.
    const particle = kept.length > 0 && /^v[ao]n$/.test(kept[kept.length - 1] ?? "");
    if (!ORG_STOPWORDS.has(word) || input.length === 1 || particle) kept.push(word);
    i++;
  }
  // Letters that were apart around a function word ("L & H") join once it is gone.
  const joined = joinLetters(kept);
  return joined.length > 0 ? joined : input;
}

/**
 * Arabic script writes the article joined ("البخاري" -> "albkhary"); Latin spellings keep it or not
 * (Bukhari, al-Bukhari, Elbukhari), so the part after it is the token's tail.
 */
function abjadToken(text: string): NameToken {
  const token = { ...makeToken(text), abjad: true };
  const bare = /^al([a-z]{3,})$/.exec(text)?.[1];
  if (bare && !token.tail) {
    token.tail = basicToken(bare);
    token.articleTail = true;
  }
  return token;
}

const ROMAN_NUMERAL = /^(?:i{1,3}|iv|vi{0,3}|ix|x{1,3})$/;

const COMPOUND_TAIL = /^(?:abd|abu|umm)([a-z]{3,})$|^([a-z]{3,})din$/;

// Names repeat across a registry (and token texts across names): one analysis per distinct text, shared.
// Tokens are never changed after they are made; callers that adjust one copy it first.
const madeTokens = new Map<string, NameToken>();

export function makeToken(text: string): NameToken {
  let token = madeTokens.get(text);
  if (!token) {
    token = makeTokenUncached(text);
    madeTokens.set(text, token);
  }
  return token;
}

const NO_KEY_ID = -1;

/** The facts of a text that tell most comparisons apart before it is worth making a token (see tokens.ts). */
export function tokenFacts(text: string): TextFacts {
  const classKey = GIVEN_NAME_CLASS.get(text);
  return {
    text,
    key: classKey ?? text,
    keyId: classKey === undefined ? NO_KEY_ID : tokenId(classKey),
    letters: text.length,
    initial: isInitialText(text),
    tail: COMPOUND_TAIL.test(text),
  };
}

const isInitialText = (text: string): boolean => text.length === 1 && /[a-z]/.test(text);

function makeTokenUncached(text: string): NameToken {
  const compound = COMPOUND_TAIL.exec(text);
  const tail = compound ? (compound[1] ?? compound[2]) : undefined;
  const token = basicToken(text);
  if (tail) token.tail = basicToken(tail);
  return token;
}

// Every distinct token text gets a small number, so comparisons can be cached under a numeric key.
const tokenIds = new Map<string, number>();
function tokenId(text: string): number {
  let id = tokenIds.get(text);
  if (id === undefined) {
    id = tokenIds.size;
    tokenIds.set(text, id);
  }
  return id;
}

function basicToken(text: string): NameToken {
  const key = GIVEN_NAME_CLASS.get(text) ?? text;
  return {
    id: tokenId(text),
    text,
    key,
    keyId: tokenId(key),
    letters: text.length,
    letterSet: letterSet(text),
    firstClass: firstLetterClass(text),
    skeleton: skeleton(text),
    phonetic: metaphone(text),
    initial: isInitialText(text),
    numeric: /\d/.test(text) || ROMAN_NUMERAL.test(text),
  };
}

// Legal forms that are the same kind of company under different national names.
const LEGAL_FAMILY: Record<string, string> = {
  oao: "jsc",
  zao: "jsc",
  pao: "jsc",
  ao: "jsc",
  ag: "jsc",
  sa: "jsc",
  nv: "jsc",
  plc: "jsc",
  spa: "jsc",
  ab: "jsc",
  as: "jsc",
  oy: "jsc",
  se: "jsc",
  kk: "jsc",
  inc: "jsc",
  corp: "jsc",
  ooo: "llc",
  gmbh: "llc",
  sarl: "llc",
  srl: "llc",
  spzoo: "llc",
  bv: "llc",
  ltd: "llc",
  sl: "llc",
  pte: "llc",
  llc: "llc",
  sas: "llc",
};

const HAN_HANGUL = /[\u3400-\u9FFF\uF900-\uFAFF\uAC00-\uD7AF]/u;

/**
 * Han and Hangul: a name written as one short run (习近平, 김정은) is family name plus given-name
 * syllables, one token per character; longer runs or runs split by spaces or an interpunct (弗拉基米尔·普京)
 * spell foreign names sound by sound and stay whole words. Tokens remember their characters.
 */
function syllableTokens(name: string): NameToken[] {
  const runs = name.split(/[\s·・.,]+/u).filter(Boolean);
  const native = runs.length === 1 && [...(runs[0] ?? "")].length <= 4;
  const tokens: NameToken[] = [];
  for (const run of runs) {
    const pieces = native ? [...run] : [run];
    for (const piece of pieces) {
      const text = words(piece).join("");
      if (text) tokens.push({ ...makeToken(text), glyph: piece, initial: false });
    }
  }
  return tokens;
}

const ONE_WORD_LEGAL_FORMS = new Set(LEGAL_FORMS.filter((f) => f.words.length === 1).map((f) => f.words[0]));
/** A legal form written on to the name in capitals ("SiemensAG", "AcmeLtd") stands apart. */
function gluedLegalForm(name: string): string {
  return name.replace(/(?<=[a-z])[A-Z][A-Za-z]{1,4}\b/g, (tail) =>
    ONE_WORD_LEGAL_FORMS.has(tail.toLowerCase()) ? ` ${tail}` : tail,
  );
}

/**
 * Letters written with dots as one abbreviation ("L.P.", "S.A.R.L.", "U.S.A.") become one word before the
 * dots are lost, so a lone letter beside them ("Fund X L.P.") is not joined into the same run.
 */
function closeAbbreviations(name: string): string {
  return name.replace(/(?<!\p{L})(?:\p{L}\.){1,}\p{L}\.?(?!\p{L})/gu, (abbreviation) =>
    abbreviation.replace(/\./g, ""),
  );
}

/** "SURNAME, Given Names" (one comma, as lists write it) read in the natural order, so order checks see it. */
function uninvert(name: string): string {
  const parts = name.split(",");
  const [family, given] = [parts[0]?.trim(), parts[1]?.trim()];
  return parts.length === 2 && family && given ? `${given} ${family}` : name;
}

export function analyzeName(name: string, kind: NameKind = "person"): NameForm {
  const form = analyzeWritten(name, kind);
  const readAgainst = kind === "person" ? readingsOf(name) : undefined;
  if (readAgainst) form.readAgainst = readAgainst;
  return form;
}

function analyzeWritten(name: string, kind: NameKind): NameForm {
  if (HAN_HANGUL.test(name))
    return { original: name, tokens: syllableTokens(name), abjad: false, joined: undefined };
  const abjad = isAbjad(name);
  // In Arabic script the article is written joined ("الرحمن" -> "alrhmn"); it is never part of the name.
  const raw = words(kind === "person" ? uninvert(name) : closeAbbreviations(gluedLegalForm(name)));
  const legalForms: string[] = [];
  const parts = kind === "organization" ? organizationWords(raw, legalForms) : personWords(raw, abjad);
  const form: NameForm = {
    original: name,
    tokens: parts.map((p) => (abjad ? abjadToken(p) : makeToken(p))),
    abjad,
    joined: undefined,
  };
  // "X bin Y" names X's father; a connector at either end ("bin Salman, Mohammed") is a reordered name.
  if (kind === "person" && raw.some((w, i) => NASAB.has(w) && i > 0 && i < raw.length - 1)) form.nasab = true;
  if (legalForms[0]) form.legalForm = legalForms[0];
  if (kind === "organization") form.organization = true;
  return form;
}
