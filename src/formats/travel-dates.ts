/**
 * Dates as airline and border messages write them: two-digit years (YYMMDD, DDMMYY, 30MAY76), times as
 * HHMM. Every reader returns ISO text (`YYYY-MM-DD`, `YYYY-MM-DDTHH:MM`) or undefined when the text is not
 * a real date, so each caller can name the segment or field in its own error.
 */

/**
 * Which century a two-digit year falls in. A birth date cannot lie after the reference date (the message's
 * preparation date, or today for a passport), so "past" picks the latest such year; expiry, issue and
 * travel dates are "near": within 50 years either side of the reference.
 */
export type Century = "past" | "near";

export function expandYear(twoDigits: number, referenceYear: number, century: Century): number {
  const base = referenceYear - (referenceYear % 100) + twoDigits;
  if (century === "past") return base > referenceYear ? base - 100 : base;
  if (base > referenceYear + 49) return base - 100;
  if (base < referenceYear - 50) return base + 100;
  return base;
}

/** `YYYY-MM-DD` when the parts make a calendar date. */
export function isoDate(year: number, month: number, day: number): string | undefined {
  if (!Number.isInteger(year) || month < 1 || month > 12 || day < 1) return undefined;
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day > daysInMonth) return undefined;
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/** `HH:MM` (or `HH:MM:SS`) from `HHMM` / `HHMMSS`. */
export function isoTime(text: string): string | undefined {
  const m = /^(\d{2})(\d{2})(\d{2})?$/.exec(text);
  if (!m) return undefined;
  const [hours, minutes, seconds] = [Number(m[1]), Number(m[2]), m[3] === undefined ? 0 : Number(m[3])];
  if (hours > 23 || minutes > 59 || seconds > 59) return undefined;
  return m[3] === undefined ? `${m[1]}:${m[2]}` : `${m[1]}:${m[2]}:${m[3]}`;
}

/** EDIFACT and MRZ order: `YYMMDD`, or `CCYYMMDD` when the century is written. */
export function readYearFirst(text: string, referenceYear: number, century: Century): string | undefined {
  const m = /^(\d{2})?(\d{2})(\d{2})(\d{2})$/.exec(text);
  if (!m) return undefined;
  const year =
    m[1] === undefined ? expandYear(Number(m[2]), referenceYear, century) : Number(`${m[1]}${m[2]}`);
  return isoDate(year, Number(m[3]), Number(m[4]));
}

/** PNRGOV order: `DDMMYY`. */
export function readDayFirst(text: string, referenceYear: number, century: Century): string | undefined {
  const m = /^(\d{2})(\d{2})(\d{2})$/.exec(text);
  if (!m) return undefined;
  return isoDate(expandYear(Number(m[3]), referenceYear, century), Number(m[2]), Number(m[1]));
}

const MONTHS = ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"];

/** Airline free-text order: `30MAY76` (SSR DOCS, DOCO, INFT). */
export function readDayMonthName(text: string, referenceYear: number, century: Century): string | undefined {
  const m = /^(\d{1,2})([A-Z]{3})(\d{2})$/.exec(text.toUpperCase());
  if (!m) return undefined;
  const month = MONTHS.indexOf(m[2] ?? "") + 1;
  if (month === 0) return undefined;
  return isoDate(expandYear(Number(m[3]), referenceYear, century), month, Number(m[1]));
}
