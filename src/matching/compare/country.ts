import { ftmModel } from "../../model/schema.ts";
import { ALPHA3_TO_ALPHA2, COUNTRY_ALIASES } from "../data/countries.ts";
import type { Evidence } from "../types.ts";

/** Country names and codes -> ISO alpha-2 (lower case), from FtM's country list, Intl and the lists' spellings. */
const byName = new Map<string, string>();
const key = (s: string) =>
  s
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, " ")
    .trim();

const ftmCountries = ftmModel.getType("country").values;
const english = new Intl.DisplayNames(["en"], { type: "region" });
for (const [code, label] of ftmCountries) {
  byName.set(key(code), code);
  byName.set(key(label), code);
  if (code.length === 2) {
    try {
      byName.set(key(english.of(code.toUpperCase()) ?? ""), code);
    } catch {
      // Intl knows no name for FtM's extra codes (e.g. "zz"); FtM's label is enough there.
    }
  }
}
for (const [a3, a2] of ALPHA3_TO_ALPHA2) byName.set(a3, a2);
for (const [name, code] of Object.entries(COUNTRY_ALIASES)) byName.set(key(name), code);
byName.delete("");

/** ISO alpha-2 in lower case, or null when the value names no known country. */
export function normalizeCountry(value: string): string | null {
  return byName.get(key(value)) ?? null;
}

export const NATIONALITY_AGREES = 1.5;
export const NATIONALITY_DIFFERS = -1;

export function compareNationality(query: string | null, listed: string[]): Evidence | null {
  if (!query || listed.length === 0) return null;
  if (listed.includes(query)) {
    return { feature: "nationality", weight: NATIONALITY_AGREES, detail: `nationality ${query} is listed` };
  }
  return {
    feature: "nationality",
    weight: NATIONALITY_DIFFERS,
    detail: `nationality ${query} not among ${listed.join(", ")}`,
  };
}
