import { editsUpToOne } from "./compare/strings.ts";
import { japaneseUnits, koreanReading, loadHanDictionaries } from "./han-readings.ts";
import { foreignSpelling, KANA, kanaUnits } from "./kana.ts";
import { analyzeName, makeToken, type NameForm } from "./names.ts";
import { isTranscription, transcriptionUnits } from "./transcription.ts";
import { wadeGilesUnits } from "./wade-giles.ts";

/**
 * Names in scripts that one cannot spell in Latin one way only. A Han character reads differently in
 * Mandarin, Japanese (several readings each) and Korean; kana write foreign names loosely. Such a name is a
 * sequence of units (a character, a mora), each with its possible Latin readings, and is compared in the
 * reading that best fits the name it is compared with: the readings are aligned with the other name's
 * letters (an edit-distance alignment in which a unit's reading is one step), tried for each order of the
 * other name's parts, and the units that fall within one part become one token. The comparison that
 * follows (compare/name.ts) judges the fitted reading like any other spelling.
 */
export interface ReadingUnit {
  /** The character or mora, for explanations. */
  glyph: string;
  /** Latin readings, the usual one first. */
  readings: readonly string[];
  /** Which written word the unit is in: units of different words never join into one token. */
  word: number;
}

/** How loosely a script's readings are fitted. */
export interface Fitting {
  /** Names the fitting in the cache key. */
  id: string;
  /** Letters a unit's reading may differ from the letters it is aligned with. */
  edits: 0 | 1;
  /**
   * Units join into one token only when their readings spell a part of the other name exactly and
   * wholly; otherwise each unit stays a token of its own (so 山田 read "yama-to" is not passed off as a
   * fuzzy Yamamoto).
   */
  wholeParts: boolean;
}

/** Han readings are listed with their spelling variants, so they must spell the other name as written. */
export const HAN_FITTING: Fitting = { id: "han", edits: 0, wholeParts: true };
/**
 * Kana and Chinese transcriptions write foreign names loosely (vowels added, letters lost): a letter may
 * differ per mora or syllable.
 */
export const LOOSE_FITTING: Fitting = { id: "loose", edits: 1, wholeParts: false };

/** Leaving out a whole part of the other name costs as much as misreading two letters. */
const PART_MISSING = 2;
const ACROSS_PARTS = 0.5;

interface Alignment {
  cost: number;
  /** Per unit: the reading chosen and where in `order` its letters lie (-1: unaligned). */
  choice: { reading: string; part: number }[];
  /** Parts (indices into `order`) not spelt exactly and wholly by their units. */
  inexact: Set<number>;
}

/**
 * The alignment table, kept between calls (alignments do not nest) in typed arrays, so a comparison
 * allocates no object per cell. Cell (i, k) at i * width + k: the cheapest cost of reading i units into
 * k letters, and the step that reached it: the letter it came from, the reading used (-1: a letter of the
 * other name no unit reads, or a part left out), whether the unit was read in letters, and its edits.
 */
class AlignmentTable {
  cost = new Float64Array(256);
  reached = new Uint8Array(256);
  from = new Int32Array(256);
  reading = new Int32Array(256);
  aligned = new Uint8Array(256);
  edits = new Int32Array(256);
  /** Per letter of the joined parts: its part; per letter where a part starts: where it ends (else -1). */
  partAt = new Int32Array(64);
  partEnd = new Int32Array(64);

  reset(cells: number, letters: number): void {
    if (this.cost.length < cells) {
      const size = cells * 2;
      this.cost = new Float64Array(size);
      this.reached = new Uint8Array(size);
      this.from = new Int32Array(size);
      this.reading = new Int32Array(size);
      this.aligned = new Uint8Array(size);
      this.edits = new Int32Array(size);
    }
    if (this.partAt.length <= letters) {
      this.partAt = new Int32Array((letters + 1) * 2);
      this.partEnd = new Int32Array((letters + 1) * 2);
    }
    this.cost.fill(Number.POSITIVE_INFINITY, 0, cells);
    this.reached.fill(0, 0, cells);
    this.partEnd.fill(-1, 0, letters + 1);
  }

  /** Records a cheaper way into `cell`. */
  step(cell: number, cost: number, from: number, reading: number, aligned: boolean, edits: number): void {
    this.cost[cell] = cost;
    this.reached[cell] = 1;
    this.from[cell] = from;
    this.reading[cell] = reading;
    this.aligned[cell] = aligned ? 1 : 0;
    this.edits[cell] = edits;
  }
}
const table = new AlignmentTable();

/** The list of readings that start with a letter beyond ASCII (the exact-fit check still compares them). */
const OTHER_LETTERS = 127;
/** For loose fits: the list of every reading. */
const ALL_READINGS = 0;

/**
 * Each unit's readings by their first letter, kept between calls like the table: per unit and letter a
 * list of reading indices in reading order, so trying them keeps the order ties are settled in. A loose
 * fit may change the first letter: then each unit has one list of all its readings.
 */
class ReadingsByFirstLetter {
  /** (unit * 128 + list): the first entry of that list, -1 for none. */
  private head = new Int32Array(128 * 8);
  /** Per entry: the next entry of its list (-1: the last), and the reading it stands for. */
  private next = new Int32Array(64);
  private readingAt = new Int32Array(64);

  fill(units: readonly ReadingUnit[], byLetter: boolean): void {
    let entries = 0;
    for (const unit of units) entries += unit.readings.length;
    if (this.head.length < units.length * 128) this.head = new Int32Array(units.length * 256);
    if (this.next.length < entries) {
      this.next = new Int32Array(entries * 2);
      this.readingAt = new Int32Array(entries * 2);
    }
    this.head.fill(-1, 0, units.length * 128);
    let entry = 0;
    units.forEach((unit, i) => {
      // Added last reading first, so each list runs in reading order.
      for (let r = unit.readings.length - 1; r >= 0; r--) {
        const list = byLetter
          ? Math.min(unit.readings[r]?.charCodeAt(0) || OTHER_LETTERS, OTHER_LETTERS)
          : ALL_READINGS;
        this.next[entry] = this.head[i * 128 + list] as number;
        this.readingAt[entry] = r;
        this.head[i * 128 + list] = entry++;
      }
    });
  }

  /** The first entry of unit `i`'s list; -1 for none. */
  first(i: number, list: number): number {
    return this.head[i * 128 + list] as number;
  }

  /** The entry after `entry` in its list; -1 after the last. */
  after(entry: number): number {
    return this.next[entry] as number;
  }

  /** The reading (its index in the unit) an entry stands for. */
  reading(entry: number): number {
    return this.readingAt[entry] as number;
  }
}
const byFirst = new ReadingsByFirstLetter();

/** Aligns the units with the parts written one after another, in the given order. */
function align(units: readonly ReadingUnit[], order: readonly string[], maxEdits: 0 | 1): Alignment {
  const target = order.join("");
  const n = units.length;
  const m = target.length;
  const width = m + 1;
  table.reset((n + 1) * width, m);
  const { cost, partAt, partEnd } = table;
  let letter = 0;
  order.forEach((part, p) => {
    partEnd[letter] = letter + part.length;
    for (let k = 0; k < part.length; k++) partAt[letter++] = p;
  });
  cost[0] = 0;
  byFirst.fill(units, maxEdits === 0);
  for (let i = 0; i <= n; i++) {
    for (let k = 0; k <= m; k++) {
      const here = cost[i * width + k] as number;
      if (here === Number.POSITIVE_INFINITY) continue;
      // A letter of the other name that no unit reads.
      if (k < m && here + 1 < (cost[i * width + k + 1] as number))
        table.step(i * width + k + 1, here + 1, k, -1, false, 1);
      // A whole part of the other name that this name does not have (a patronymic, a middle name).
      const end = partEnd[k] as number;
      if (end >= 0 && here + PART_MISSING < (cost[i * width + end] as number))
        table.step(i * width + end, here + PART_MISSING, k, -1, false, 0);
      if (i === n) continue;
      const unit = units[i] as ReadingUnit;
      const next = (i + 1) * width;
      // The unit read in none of the other name's letters.
      const skip = here + (unit.readings[0]?.length ?? 1);
      if (skip < (cost[next + k] as number)) table.step(next + k, skip, k, 0, false, 0);
      if (k === m) continue;
      // An exact fit reads only where the reading's first letter stands: only those readings are tried.
      const bucket = maxEdits === 0 ? Math.min(target.charCodeAt(k), OTHER_LETTERS) : ALL_READINGS;
      for (let e = byFirst.first(i, bucket); e >= 0; e = byFirst.after(e)) {
        const r = byFirst.reading(e);
        const reading = unit.readings[r] as string;
        const len = reading.length;
        for (let j = Math.max(k + 1, k + len - maxEdits); j <= Math.min(m, k + len + maxEdits); j++) {
          const edits =
            j - k === len && target.startsWith(reading, k)
              ? 0
              : maxEdits > 0
                ? editsUpToOne(reading, target, k, j)
                : 1;
          if (edits > maxEdits) continue;
          // A unit read across two parts of the other name is less likely than one read within a part.
          const total = here + edits + (partAt[k] === partAt[j - 1] ? 0 : ACROSS_PARTS);
          if (total < (cost[next + j] as number)) table.step(next + j, total, k, r, true, edits);
        }
      }
    }
  }
  const choice: { reading: string; part: number }[] = new Array(n);
  const inexact = new Set<number>();
  let k = m;
  for (let i = n; i > 0 || k > 0; ) {
    const cell = i * width + k;
    if (!table.reached[cell]) break;
    const from = table.from[cell] as number;
    const edits = table.edits[cell] as number;
    const r = table.reading[cell] as number;
    if (r === -1) {
      if (edits > 0) inexact.add(from < m ? (partAt[from] as number) : -1);
      k = from;
      continue;
    }
    const unit = units[i - 1] as ReadingUnit;
    const reading = unit.readings[r] ?? "";
    const at = Math.floor((from + k - 1) / 2);
    const part = table.aligned[cell] ? (at >= 0 && at < m ? (partAt[at] as number) : -1) : -1;
    if (edits > 0) inexact.add(part);
    choice[i - 1] = { reading, part };
    k = from;
    i--;
  }
  return { cost: cost[n * width + m] as number, choice, inexact };
}

/** The orders of the other name's parts worth trying (all for up to three parts). */
function orders(parts: string[]): string[][] {
  if (parts.length <= 1) return [parts];
  if (parts.length > 3) {
    const [first, ...rest] = parts;
    const last = parts.slice(0, -1);
    return [parts, [...parts].reverse(), [...rest, first ?? ""], [parts.at(-1) ?? "", ...last]];
  }
  const out: string[][] = [];
  parts.forEach((part, i) => {
    for (const tail of orders(parts.filter((_, j) => j !== i))) out.push([part, ...tail]);
  });
  return out;
}

const fitted = new Map<string, NameForm>();
const FITTED_LIMIT = 10_000;

/**
 * The reading of `units` that best fits `other`, as a name form whose tokens are the runs of units read
 * within one part of the other name. `name` is the original text (the cache key and the form's original).
 */
export function fitReading(
  name: string,
  units: readonly ReadingUnit[],
  other: NameForm,
  fitting: Fitting,
): NameForm | null {
  const parts = other.tokens.filter((t) => !t.initial && !t.glyph).map((t) => t.text);
  if (parts.length === 0 || units.length === 0) return null;
  const key = `${fitting.id}\u0000${name}\u0000${parts.join(" ")}`;
  const known = fitted.get(key);
  if (known) return known;
  let best: Alignment | null = null;
  for (const order of orders(parts)) {
    const alignment = align(units, order, fitting.edits);
    if (!best || alignment.cost < best.cost) best = alignment;
  }
  if (!best) return null;
  const texts: string[] = [];
  let previous: { part: number; word: number } | null = null;
  const { choice, inexact } = best;
  choice.forEach((chosen, i) => {
    const word = units[i]?.word ?? 0;
    const part = fitting.wholeParts && inexact.has(chosen.part) ? -1 : chosen.part;
    const joins = previous && part >= 0 && previous.part === part && previous.word === word;
    if (joins) texts[texts.length - 1] += chosen.reading;
    else texts.push(chosen.reading);
    previous = { part, word };
  });
  const form: NameForm = {
    original: name,
    tokens: texts.filter(Boolean).map((text) => makeToken(text)),
    abjad: false,
    joined: undefined,
  };
  if (fitted.size >= FITTED_LIMIT) fitted.clear();
  fitted.set(key, form);
  return form;
}

/**
 * The pairs of readings to compare besides the pair as written: each side's readings fitted to the other
 * side as written. Names without readings give none (the usual case, at no cost).
 */
export function readingPairs(query: NameForm, listed: NameForm): [NameForm, NameForm][] {
  const pairs: [NameForm, NameForm][] = [];
  for (const reading of query.readAgainst?.(listed) ?? []) pairs.push([reading, listed]);
  for (const reading of listed.readAgainst?.(query) ?? []) pairs.push([query, reading]);
  return pairs;
}

const HAN = /[\u3400-\u9FFF\uF900-\uFAFF\u3005]/u;
/** Han, kana, or the hyphen or apostrophe without which a name is not Wade–Giles (wade-giles.ts). */
const MAY_HAVE_READINGS = /[-'’‘ʻʼ`´\u3005\u3041-\u30FE\u3400-\u9FFF\uF900-\uFAFF]/u;
const HANGUL = /[\uAC00-\uD7AF]/u;
const SEPARATORS = /[\s·・.,]+/u;

/**
 * The other readings of a name written in Han characters or kana, or romanised in Wade–Giles, to attach
 * to its analysis (undefined for every other name). Han: the Sino-Korean reading, the Japanese reading
 * that best fits the other name and, for a transcribed foreign name, the Latin sounds that fit it best.
 * Kana: the reading, among the spellings of each mora, that best fits the other name. Wade–Giles: the
 * Pinyin reading that fits the other name. Two names in Han characters compare by character instead; a
 * Han name meets a Hangul one in its Korean reading.
 */
export function readingsOf(name: string): ((other: NameForm) => NameForm[]) | undefined {
  // One test settles it for most names (every name is analysed when a registry loads).
  if (!MAY_HAVE_READINGS.test(name)) return undefined;
  if (HAN.test(name)) {
    loadHanDictionaries();
    let units: ReadingUnit[] | null | undefined;
    let transcribed: ReadingUnit[] | undefined;
    return (other) => {
      // Two Han names compare by character, also when one comes as its Korean reading (正 and 政 both read 정).
      if (readingForms.has(other) || other.tokens.some((t) => t.glyph && HAN.test(t.glyph))) return [];
      const korean = koreanForm(name);
      if (other.tokens.some((t) => t.glyph && HANGUL.test(t.glyph))) return korean ? [korean] : [];
      if (units === undefined) units = japaneseUnits(name);
      const japanese = units ? fitReading(name, units, other, HAN_FITTING) : null;
      transcribed ??= isTranscription(name) ? transcriptionUnits(name) : [];
      const foreign = transcribed.length > 0 ? fitReading(name, transcribed, other, LOOSE_FITTING) : null;
      return [korean, japanese, foreign].filter((form) => form !== null);
    };
  }
  if (KANA.test(name)) {
    let units: ReadingUnit[] | undefined;
    return (other) => {
      if (other.tokens.some((t) => t.glyph)) return [];
      units ??= name
        .split(SEPARATORS)
        .filter(Boolean)
        .flatMap((word, w) => kanaUnits(word, w));
      const reading = fitReading(name, units, other, LOOSE_FITTING);
      return reading ? [reading] : [];
    };
  }
  const wadeGiles = wadeGilesUnits(name);
  if (wadeGiles) {
    return (other) => {
      if (other.tokens.some((t) => t.glyph)) return [];
      const reading = fitReading(name, wadeGiles, other, HAN_FITTING);
      return reading ? [reading] : [];
    };
  }
  return undefined;
}

const koreanForms = new Map<string, NameForm | null>();
/** Forms that are readings of a Han name. */
const readingForms = new WeakSet<NameForm>();

function koreanForm(name: string): NameForm | null {
  let form = koreanForms.get(name);
  if (form === undefined) {
    const hangul = koreanReading(name);
    form = hangul ? { ...analyzeName(hangul), original: name } : null;
    if (form) readingForms.add(form);
    if (koreanForms.size >= FITTED_LIMIT) koreanForms.clear();
    koreanForms.set(name, form);
  }
  return form;
}

/**
 * Readings of a Han or kana person name that need no other name, for the index to file and look up
 * candidates under (a Han name read in Korean, a katakana name as the foreign name it likely writes).
 */
export function searchReadings(name: string): NameForm[] {
  if (HAN.test(name)) {
    const korean = koreanForm(name);
    return korean ? [korean] : [];
  }
  if (KANA.test(name)) {
    const spelling = foreignSpelling(name);
    return spelling ? [analyzeName(spelling)] : [];
  }
  return [];
}
