import type { Evidence } from "../types.ts";
import { osaDistance } from "./strings.ts";

/** Gender, document numbers and place of birth: the smaller pieces of evidence. */

export type Gender = "male" | "female";

export function normalizeGender(value: string | undefined): Gender | null {
  const v = value?.trim().toLowerCase();
  if (!v) return null;
  if (["m", "male", "man", "masculine"].includes(v)) return "male";
  if (["f", "female", "woman", "feminine"].includes(v)) return "female";
  return null;
}

export const GENDER_AGREES = 0.4;
export const GENDER_DIFFERS = -3;

/** `listed`: the profile's genders, normalised (see prepare.ts). */
export function compareGender(query: Gender | null, known: readonly Gender[]): Evidence | null {
  if (!query || known.length === 0) return null;
  return known.includes(query)
    ? { feature: "gender", weight: GENDER_AGREES, detail: `gender ${query} agrees` }
    : {
        feature: "gender",
        weight: GENDER_DIFFERS,
        detail: `gender ${query} differs from ${known.join(", ")}`,
      };
}

/** Document numbers compare without spaces, dashes or case: "AB 123-456" = "ab123456". */
export function normalizeDocumentNumber(value: string): string {
  return value.toUpperCase().replace(/[^A-Z0-9]/g, "");
}

export interface DocumentValue {
  number: string;
  country: string | null;
}

export const DOCUMENT_WEIGHTS = {
  sameNumberAndCountry: 12,
  sameNumber: 9,
  typo: 3,
  otherNumberSameCountry: -2.5,
};

export function compareDocuments(query: DocumentValue | null, listed: DocumentValue[]): Evidence | null {
  if (!query?.number || listed.length === 0) return null;
  const say = (weight: number, detail: string): Evidence => ({ feature: "document", weight, detail });
  const same = listed.filter((d) => d.number === query.number);
  if (same.some((d) => query.country && d.country === query.country)) {
    return say(
      DOCUMENT_WEIGHTS.sameNumberAndCountry,
      `document ${query.number} (${query.country}) is listed`,
    );
  }
  if (same.length > 0) return say(DOCUMENT_WEIGHTS.sameNumber, `document number ${query.number} is listed`);
  const near = listed.find((d) => d.number.length >= 6 && osaDistance(d.number, query.number, 1) === 1);
  if (near)
    return say(DOCUMENT_WEIGHTS.typo, `document ${query.number} is one character from ${near.number}`);
  const sameCountry = listed.filter((d) => query.country && d.country === query.country);
  if (sameCountry.length > 0) {
    return say(
      DOCUMENT_WEIGHTS.otherNumberSameCountry,
      `document ${query.number} differs from ${sameCountry.map((d) => d.number).join(", ")} of ${query.country}`,
    );
  }
  return null;
}

export const BIRTHPLACE_AGREES = 1;

/** Place of birth: agreement when a place word (not a generic one) appears in both. */
export function compareBirthPlace(query: string[], listed: string[][]): Evidence | null {
  if (query.length === 0 || listed.length === 0) return null;
  for (const place of listed) {
    const shared = query.find((w) => place.includes(w));
    if (shared)
      return {
        feature: "birthPlace",
        weight: BIRTHPLACE_AGREES,
        detail: `place of birth shares "${shared}"`,
      };
  }
  return null;
}
