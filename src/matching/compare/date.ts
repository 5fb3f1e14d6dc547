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

/** One comparison of two dates: a weight and a sentence. */
export function compareDates(q: BirthDate, p: BirthDate): Evidence {
  const say = (weight: number, how: string): Evidence => ({
    feature: "birthDate",
    weight,
    detail: `birth date ${q.text} ${how} ${p.text}`,
  });
  const range = q.toYear !== undefined ? q : p.toYear !== undefined ? p : null;
  if (range) {
    const other = range === q ? p : q;
    const lo = range.year;
    const hi = range.toYear ?? range.year;
    const otherHi = other.toYear ?? other.year;
    if (otherHi >= lo && other.year <= hi) return say(DATE_WEIGHTS.inRange, "falls within");
    const gap = other.year > hi ? other.year - hi : lo - otherHi;
    return say(
      gap <= 1 ? DATE_WEIGHTS.offByOne : gap <= 3 ? DATE_WEIGHTS.offByFew : DATE_WEIGHTS.far,
      "is outside",
    );
  }
  if (q.year !== p.year) {
    const full = q.day !== undefined && p.day !== undefined;
    if (
      full &&
      q.month === p.month &&
      q.day === p.day &&
      digitsDiffer(String(q.year), String(p.year)) === 1
    ) {
      return say(DATE_WEIGHTS.typo, "differs by one digit from");
    }
    const gap = Math.abs(q.year - p.year);
    return say(
      gap === 1 ? DATE_WEIGHTS.offByOne : gap <= 3 ? DATE_WEIGHTS.offByFew : DATE_WEIGHTS.far,
      "differs from",
    );
  }
  if (q.month === undefined || p.month === undefined) return say(DATE_WEIGHTS.year, "has the same year as");
  if (q.day !== undefined && p.day !== undefined) {
    if (q.month === p.month && q.day === p.day) return say(DATE_WEIGHTS.exact, "equals");
    if (q.month === p.day && q.day === p.month) return say(DATE_WEIGHTS.swap, "is day/month swapped from");
    if (digitsDiffer(iso(q), iso(p)) === 1) return say(DATE_WEIGHTS.typo, "differs by one digit from");
    return say(
      q.month === p.month ? DATE_WEIGHTS.sameYearOtherDay : DATE_WEIGHTS.sameYearOtherMonth,
      "differs from",
    );
  }
  if (q.month === p.month) return say(DATE_WEIGHTS.month, "has the same month as");
  return say(DATE_WEIGHTS.sameYearOtherMonth, "differs in month from");
}

/** The best agreement between the query's date and any of the listed dates. */
export function compareBirthDates(query: BirthDate | null, listed: BirthDate[]): Evidence | null {
  if (!query || listed.length === 0) return null;
  let best: Evidence | null = null;
  for (const p of listed) {
    const e = compareDates(query, p);
    if (!best || e.weight > best.weight) best = e;
  }
  return best;
}
