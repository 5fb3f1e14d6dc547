/**
 * The entity model: FollowTheMoney-compatible entities (schema + multi-valued properties) plus what a
 * shared FTF registry needs on top — originator, handling, status, list reference and review dates.
 */
export const HANDLING_CODES = ["CLEAR", "GREEN", "AMBER", "AMBER+STRICT", "RED"] as const;
export type Handling = (typeof HANDLING_CODES)[number];
export const DEFAULT_HANDLING: Handling = "AMBER";

export const ENTITY_STATUSES = ["active", "delisted", "withdrawn"] as const;
export type EntityStatus = (typeof ENTITY_STATUSES)[number];

/** FtM properties: every property holds a list of string values. */
export type Properties = Record<string, string[]>;

/** An FtM entity as a parser produces it, before the registry gives it provenance. */
export interface FtmEntity {
  id: string;
  schema: string;
  properties: Properties;
  /** The source list's own reference, e.g. UN `QDi.001` or OFAC `ent_num`. */
  listRef?: string;
  datasets?: string[];
}

/** An entity as the registry holds it. Dates are ISO 8601 strings. */
export interface RegistryEntity extends FtmEntity {
  caption: string;
  originator: string;
  datasets: string[];
  handling: Handling;
  status: EntityStatus;
  listRef?: string;
  firstSeen: string;
  lastSeen: string;
  reviewBy?: string;
  retainUntil?: string;
  version: number;
}

export function isHandling(value: string): value is Handling {
  return (HANDLING_CODES as readonly string[]).includes(value);
}

/** Appends values to a property, skipping blanks and duplicates (FtM properties are sets in practice). */
export function addValues(
  properties: Properties,
  property: string,
  ...values: (string | undefined | null)[]
): void {
  for (const raw of values) {
    const value = raw?.trim();
    if (!value) continue;
    const list = properties[property] ?? [];
    if (!list.includes(value)) list.push(value);
    properties[property] = list;
  }
}

export function firstValue(properties: Properties, property: string): string | undefined {
  return properties[property]?.[0];
}
