/**
 * The matching engine's public shapes. Everything that screens (CLI, API, traveller and payment screening)
 * speaks these; the engine itself is pure and needs no database.
 */

/** What is asked: one person or organisation as a traveller, payment party or analyst describes it. */
export interface MatchQuery {
  id?: string;
  /** FtM schema; defaults to Person. */
  schema?: string;
  name: string;
  /** `YYYY-MM-DD`, `YYYY-MM` or `YYYY`. */
  birthDate?: string;
  /** ISO alpha-2, alpha-3 or a country name. */
  nationality?: string;
  gender?: string;
  documentNumber?: string;
  documentCountry?: string;
  /** Place of birth as free text. */
  birthPlace?: string;
}

/** A registered subject flattened for matching: everything the scorer compares, from one FtM entity. */
export interface MatchProfile {
  entityId: string;
  listRef?: string;
  caption: string;
  schema: string;
  names: string[];
  birthDates: string[];
  nationalities: string[];
  genders: string[];
  birthPlaces: string[];
  documents: { number: string; country?: string; type?: string }[];
}

/** One named piece of evidence in log-odds; the weights of a match's explanation sum to its total. */
export interface Evidence {
  feature: string;
  weight: number;
  detail: string;
}

export interface MatchResult {
  entityId: string;
  listRef?: string;
  caption: string;
  /** Calibrated probability that query and profile are the same subject. */
  score: number;
  /** True when the score reaches the default alert threshold. */
  alert: boolean;
  explanation: Evidence[];
}
