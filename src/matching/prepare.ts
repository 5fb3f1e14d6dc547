import { normalizeCountry } from "./compare/country.ts";
import { type BirthDate, parseBirthDate } from "./compare/date.ts";
import {
  type DocumentValue,
  type Gender,
  normalizeDocumentNumber,
  normalizeGender,
} from "./compare/identity.ts";
import { analyzeName, type NameForm, type NameKind, type NameShape, nameKind, words } from "./names.ts";
import { searchReadings } from "./readings.ts";
import type { MatchProfile, MatchQuery } from "./types.ts";

/** Query and profile analysed once: names tokenised, dates parsed, countries and documents normalised. */
export interface Prepared {
  kind: NameKind;
  names: NameForm[];
  /** What the score floor asks of the names (see NameBound): the shortest part, and whether any is read in other scripts. */
  nameShape: NameShape;
  birthDates: BirthDate[];
  nationalities: string[];
  /** Normalised once here: the scorer compares them for every candidate. */
  genders: Gender[];
  documents: DocumentValue[];
  birthPlaces: string[][];
}

/** What the score floor reads of a profile (see ScoreFloor). */
export type ProfileNames = Pick<Prepared, "kind" | "names" | "nameShape">;

const GENERIC_PLACE_WORDS = new Set([
  "city",
  "village",
  "district",
  "province",
  "area",
  "region",
  "governorate",
]);
const placeWords = (place: string) => words(place).filter((w) => w.length > 2 && !GENERIC_PLACE_WORDS.has(w));
const genders = (values: string[]) => [...new Set(values.map(normalizeGender).filter((g) => g !== null))];
const countries = (values: string[]) => [...new Set(values.map(normalizeCountry).filter((c) => c !== null))];

/** Names with their shape (see Prepared). */
function named(names: NameForm[]): { names: NameForm[]; nameShape: NameShape } {
  let shortestPart = Number.POSITIVE_INFINITY;
  let readings = false;
  for (const form of names) {
    if (form.readAgainst) readings = true;
    for (const token of form.tokens) shortestPart = Math.min(shortestPart, token.text.length);
  }
  return { names, nameShape: sharedShape(shortestPart, readings) };
}

/**
 * Shapes are few (a part length and a flag), so each is made once and shared: the score floor reads the
 * shape of every candidate, and a shared one is already in the processor's cache.
 */
const shapes = new Map<string, NameShape>();
function sharedShape(shortestPart: number, readings: boolean): NameShape {
  const key = `${shortestPart} ${readings}`;
  let shape = shapes.get(key);
  if (!shape) {
    shape = Object.freeze({ shortestPart, readings });
    shapes.set(key, shape);
  }
  return shape;
}

export interface PreparedQuery extends Prepared {
  /** Other readings of a Han or kana name to look candidates up with (see readings.ts). */
  searchForms: NameForm[];
  birthDate: BirthDate | null;
  nationality: string | null;
  gender: "male" | "female" | null;
  document: DocumentValue | null;
}

/** A query analysed for scoring; `analyses` shares name analyses between the queries of one batch. */
export function prepareQuery(query: MatchQuery, analyses?: NameAnalyses): PreparedQuery {
  const kind = nameKind(query.schema);
  const birthDate = query.birthDate ? parseBirthDate(query.birthDate) : null;
  const nationality = query.nationality ? normalizeCountry(query.nationality) : null;
  const document = query.documentNumber
    ? {
        number: normalizeDocumentNumber(query.documentNumber),
        country: query.documentCountry ? normalizeCountry(query.documentCountry) : null,
      }
    : null;
  return {
    kind,
    ...named([analyzedName(query.name, kind, analyses)]),
    searchForms: kind === "person" ? searchReadings(query.name) : [],
    birthDates: birthDate ? [birthDate] : [],
    nationalities: nationality ? [nationality] : [],
    genders: genders(query.gender ? [query.gender] : []),
    documents: document ? [document] : [],
    birthPlaces: query.birthPlace ? [placeWords(query.birthPlace)] : [],
    birthDate,
    nationality,
    gender: normalizeGender(query.gender),
    document,
  };
}

/** Name analyses shared between the profiles of one load, per kind of name. */
export type NameAnalyses = Record<NameKind, Map<string, NameForm>>;

export const nameAnalyses = (): NameAnalyses => ({ person: new Map(), organization: new Map() });

/** A name's analysis, taken from `analyses` when it was made before (and kept there). */
export function analyzedName(name: string, kind: NameKind, analyses: NameAnalyses | undefined): NameForm {
  if (!analyses) return analyzeName(name, kind);
  const known = analyses[kind];
  let form = known.get(name);
  if (!form) {
    form = analyzeName(name, kind);
    known.set(name, form);
  }
  return form;
}

/**
 * A profile analysed. `analyses`, when given, shares name analyses between the profiles of one load
 * (analysed names are never modified). The index calls this once per profile and keeps the result.
 */
export function analyzeProfile(profile: MatchProfile, analyses?: NameAnalyses): Prepared {
  const kind = nameKind(profile.schema);
  const seen = new Set<string>();
  const names: NameForm[] = [];
  for (const name of profile.names) {
    // A Han or kana name is also filed in its readings that need no other name (Korean, foreign katakana).
    const readings = kind === "person" ? searchReadings(name) : [];
    for (const form of [analyzedName(name, kind, analyses), ...readings]) {
      const signature = form.tokens.map((t) => t.text).join(" ");
      if (form.tokens.length === 0 || seen.has(signature)) continue;
      seen.add(signature);
      names.push(form);
    }
  }
  return {
    kind,
    ...named(names),
    birthDates: profile.birthDates.map(parseBirthDate).filter((d) => d !== null),
    nationalities: countries(profile.nationalities),
    genders: genders(profile.genders),
    documents: profile.documents.map((d) => ({
      number: normalizeDocumentNumber(d.number),
      country: d.country ? normalizeCountry(d.country) : null,
    })),
    birthPlaces: profile.birthPlaces.map(placeWords).filter((w) => w.length > 0),
  };
}

const cache = new WeakMap<MatchProfile, Prepared>();

/** Profiles are prepared once and remembered (profiles are treated as immutable once prepared). */
export function prepareProfile(profile: MatchProfile): Prepared {
  let prepared = cache.get(profile);
  if (!prepared) {
    prepared = analyzeProfile(profile);
    cache.set(profile, prepared);
  }
  return prepared;
}
