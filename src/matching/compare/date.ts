import type { Evidence } from "../types.ts";

/**
 * Birth dates: exact, month, year-only and range (UN "BETWEEN", OFAC "1960 to 1962") values; one-digit
 * typos and day/month swaps count as weaker agreement. Weights in log-odds; see docs/matching.md.
 */
export interface BirthDate {
  year: number;
  month?: number;
  day?: number;
  /** Inclusive upper year for ranges; `year` is the lower bound. */
  toYear?: number;
  text: string;
}

const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

/** Parses the forms lists and queries use; null when nothing date-like is there. */
export function parseBirthDate(value: string): BirthDate | null {
  const text = value.trim();
  const s = text.toLowerCase();
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})/.exec(s);
  if (m) return valid({ year: Number(m[1]), month: Number(m[2]), day: Number(m[3]), text });
  m = /^(\d{4})-(\d{1,2})$/.exec(s);
  if (m) return valid({ year: Number(m[1]), month: Number(m[2]), text });
  m = /^(\d{1,2})[ -]([a-z]{3})[a-z]*[ -](\d{4})$/.exec(s);
  if (m) {
    const month = MONTHS.indexOf(m[2] as string) + 1;
    if (month > 0) return valid({ year: Number(m[3]), month, day: Number(m[1]), text });
  }
  m = /^(\d{2})[./](\d{2})[./](\d{4})$/.exec(s);
  if (m) return valid({ year: Number(m[3]), month: Number(m[2]), day: Number(m[1]), text });
  m = /(\d{4})\s*(?:to|-|\/|\.\.|–|and)\s*(\d{4})/.exec(s);
  if (m && Number(m[2]) >= Number(m[1])) return { year: Number(m[1]), toYear: Number(m[2]), text };
  m = /(?:^|\D)(\d{4})(?:\D|$)/.exec(s);
  if (m) return { year: Number(m[1]), text };
  return null;
}

function valid(d: BirthDate): BirthDate | null {
  if (d.month !== undefined && (d.month < 1 || d.month > 12)) return { year: d.year, text: d.text };
  if (d.day !== undefined && (d.day < 1 || d.day > 31)) return { year: d.year, month: d.month, text: d.text };
  return d;
}

/**
 * Agreement weights are ln(m/u) fitted on febrl's labelled duplicates (eval/fit.ts: exact 8.16, same
 * year and month 3.77, same year 2.75, one digit off 2.73, one year apart -1.97, 2-3 years -2.95). For a
 * gap of more than three years febrl gives -3.0 because its duplicates carry synthetic corruptions; a
 * screening query that far off is stronger evidence, so -8 is used (see docs/matching.md).
 */
export const DATE_WEIGHTS = {
  exact: 8.2,
  swap: 3,
  typo: 2.7,
  month: 3.8,
  year: 2.75,
  inRange: 1.5,
  sameYearOtherDay: -1,
  sameYearOtherMonth: -1.5,
  offByOne: -2,
  offByFew: -3,
  far: -8,
};

function digitsDiffer(a: string, b: string): number {
  let n = 0;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) n++;
  return n;
}

const iso = (d: BirthDate) =>
  `${d.year}${String(d.month ?? 0).padStart(2, "0")}${String(d.day ?? 0).padStart(2, "0")}`;

/** How two dates agree: a weight and the words that put it between them in a sentence. */
interface DateAgreement {
  weight: number;
  how: string;
}

// Every agreement there is, made once: a screening compares the query's date with every candidate's.
const agree = (weight: number, how: string): DateAgreement => ({ weight, how });
const AGREEMENTS = {
  inRange: agree(DATE_WEIGHTS.inRange, "falls within"),
  outsideByOne: agree(DATE_WEIGHTS.offByOne, "is outside"),
  outsideByFew: agree(DATE_WEIGHTS.offByFew, "is outside"),
  outsideFar: agree(DATE_WEIGHTS.far, "is outside"),
  yearByOne: agree(DATE_WEIGHTS.offByOne, "differs from"),
  yearByFew: agree(DATE_WEIGHTS.offByFew, "differs from"),
  yearFar: agree(DATE_WEIGHTS.far, "differs from"),
  year: agree(DATE_WEIGHTS.year, "has the same year as"),
  exact: agree(DATE_WEIGHTS.exact, "equals"),
  swap: agree(DATE_WEIGHTS.swap, "is day/month swapped from"),
  typo: agree(DATE_WEIGHTS.typo, "differs by one digit from"),
  otherDay: agree(DATE_WEIGHTS.sameYearOtherDay, "differs from"),
  otherMonth: agree(DATE_WEIGHTS.sameYearOtherMonth, "differs from"),
  month: agree(DATE_WEIGHTS.month, "has the same month as"),
  monthDiffers: agree(DATE_WEIGHTS.sameYearOtherMonth, "differs in month from"),
};

function dateAgreement(q: BirthDate, p: BirthDate): DateAgreement {
  const range = q.toYear !== undefined ? q : p.toYear !== undefined ? p : null;
  if (range) {
    const other = range === q ? p : q;
    const lo = range.year;
    const hi = range.toYear ?? range.year;
    const otherHi = other.toYear ?? other.year;
    if (otherHi >= lo && other.year <= hi) return AGREEMENTS.inRange;
    const gap = other.year > hi ? other.year - hi : lo - otherHi;
    return gap <= 1 ? AGREEMENTS.outsideByOne : gap <= 3 ? AGREEMENTS.outsideByFew : AGREEMENTS.outsideFar;
  }
  if (q.year !== p.year) {
    const full = q.day !== undefined && p.day !== undefined;
    if (full && q.month === p.month && q.day === p.day && digitsDiffer(String(q.year), String(p.year)) === 1)
      return AGREEMENTS.typo;
    const gap = Math.abs(q.year - p.year);
    return gap === 1 ? AGREEMENTS.yearByOne : gap <= 3 ? AGREEMENTS.yearByFew : AGREEMENTS.yearFar;
  }
  if (q.month === undefined || p.month === undefined) return AGREEMENTS.year;
  if (q.day !== undefined && p.day !== undefined) {
    if (q.month === p.month && q.day === p.day) return AGREEMENTS.exact;
    if (q.month === p.day && q.day === p.month) return AGREEMENTS.swap;
    if (digitsDiffer(iso(q), iso(p)) === 1) return AGREEMENTS.typo;
    return q.month === p.month ? AGREEMENTS.otherDay : AGREEMENTS.otherMonth;
  }
  return q.month === p.month ? AGREEMENTS.month : AGREEMENTS.monthDiffers;
}

function evidence(q: BirthDate, p: BirthDate, { weight, how }: DateAgreement): Evidence {
  return { feature: "birthDate", weight, detail: `birth date ${q.text} ${how} ${p.text}` };
}

/** One comparison of two dates: a weight and a sentence. */
export function compareDates(q: BirthDate, p: BirthDate): Evidence {
  return evidence(q, p, dateAgreement(q, p));
}

/** The best agreement between the query's date and any of the listed dates (the first of equals). */
export function compareBirthDates(query: BirthDate | null, listed: BirthDate[]): Evidence | null {
  if (!query) return null;
  let best: DateAgreement | null = null;
  let bestDate: BirthDate | null = null;
  for (const p of listed) {
    const agreement = dateAgreement(query, p);
    if (!best || agreement.weight > best.weight) [best, bestDate] = [agreement, p];
  }
  return best && bestDate ? evidence(query, bestDate, best) : null;
}
