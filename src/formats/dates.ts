import { ownEntry } from "../platform/own-entry.ts";

/**
 * Dates as official lists write them, turned into FtM date values: ISO 8601 prefixes of the precision the
 * source states (`1975`, `1975-03`, `1975-03-02`). Nothing is invented: a year stays a year.
 */

const MONTHS: Record<string, number> = {
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  may: 5,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  sept: 9,
  oct: 10,
  nov: 11,
  dec: 12,
  january: 1,
  february: 2,
  march: 3,
  april: 4,
  june: 6,
  july: 7,
  august: 8,
  september: 9,
  october: 10,
  november: 11,
  december: 12,
};

/** A birth-year range wider than this says little; it yields only its two ends instead of every year. */
export const MAX_YEAR_RANGE = 20;

const pad = (n: number) => String(n).padStart(2, "0");

function isoFromParts(year: number, month?: number, day?: number): string | undefined {
  if (year < 1000 || year > 2999) return undefined;
  if (month === undefined) return String(year);
  if (month < 1 || month > 12) return undefined;
  if (day === undefined) return `${year}-${pad(month)}`;
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day < 1 || day > daysInMonth) return undefined;
  return `${year}-${pad(month)}-${pad(day)}`;
}

/** `YYYY`, `YYYY-MM` or `YYYY-MM-DD` when the text is exactly one of those and a real date. */
export function isoDate(text: string): string | undefined {
  const match = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(text.trim());
  if (!match) return undefined;
  const [, year, month, day] = match;
  return isoFromParts(Number(year), month ? Number(month) : undefined, day ? Number(day) : undefined);
}

function monthNumber(name: string): number | undefined {
  return ownEntry(MONTHS, name.toLowerCase().replace(/\.$/, ""));
}

/**
 * Reads the date forms the lists use: ISO, `02 Mar 1975`, `2 March 1975`, `11Jun. 2017`, `March 22, 2018`,
 * `Mar 1975`, `1975`. Returns undefined for anything else rather than guessing.
 */
export function parseLooseDate(text: string): string | undefined {
  const value = text.trim().replace(/\.$/, "");
  const iso = isoDate(value);
  if (iso) return iso;
  let match = /^(\d{1,2})\s*([A-Za-z]{3,9})\.?\s+(\d{4})$/.exec(value);
  if (match) {
    const month = monthNumber(match[2] ?? "");
    return month ? isoFromParts(Number(match[3]), month, Number(match[1])) : undefined;
  }
  match = /^([A-Za-z]{3,9})\.?\s+(\d{1,2}),\s*(\d{4})$/.exec(value);
  if (match) {
    const month = monthNumber(match[1] ?? "");
    return month ? isoFromParts(Number(match[3]), month, Number(match[2])) : undefined;
  }
  match = /^([A-Za-z]{3,9})\.?\s+(\d{4})$/.exec(value);
  if (match) {
    const month = monthNumber(match[1] ?? "");
    return month ? isoFromParts(Number(match[2]), month) : undefined;
  }
  return undefined;
}

/** Every year from `from` to `to` (either order) as FtM year dates; only the two ends past MAX_YEAR_RANGE. */
export function yearsBetween(from: number, to: number): string[] {
  const [low, high] = from <= to ? [from, to] : [to, from];
  if (high - low > MAX_YEAR_RANGE) return [String(low), String(high)];
  const years: string[] = [];
  for (let year = low; year <= high; year++) years.push(String(year));
  return years;
}
