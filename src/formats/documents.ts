import { addValues, type FtmEntity, type Properties } from "../model/entity.ts";
import { schemaHasProperty } from "../model/schema.ts";
import { addCountry } from "./countries.ts";

/** An identity document as a list states it, before it becomes an FtM Passport or Identification. */
export interface DocumentFacts {
  id: string;
  kind: "Passport" | "Identification";
  number: string;
  /** The holder's property that also gets the number (passportNumber, idNumber, taxNumber, …). */
  holderProperty: string;
  types: string[];
  /** Issuing country as the list names it. */
  country?: string | undefined;
  issued?: string | undefined;
  expires?: string | undefined;
  summary?: string | undefined;
}

const PASSPORT = /pass(?:e)?port|pasaporte/i;

/** Passport when any of the stated types says passport (in English, French or Spanish). */
export function documentKind(types: string[]): DocumentFacts["kind"] {
  return types.some((type) => PASSPORT.test(type)) ? "Passport" : "Identification";
}

/** The holder property for a document's number when the list says nothing more specific. */
export function holderPropertyFor(kind: DocumentFacts["kind"]): string {
  return kind === "Passport" ? "passportNumber" : "idNumber";
}

/**
 * Adds a document entity held by `holder` (merging one already added under the same id) and copies its
 * number onto the holder (`holderProperty`, when the holder's schema has it) so screening finds it there too.
 */
export function addDocument(documents: FtmEntity[], holder: FtmEntity, facts: DocumentFacts): void {
  let document = documents.find((existing) => existing.id === facts.id);
  if (!document) {
    document = { id: facts.id, schema: facts.kind, properties: {}, datasets: holder.datasets ?? [] };
    documents.push(document);
  }
  const properties: Properties = document.properties;
  addValues(properties, "holder", holder.id);
  addValues(properties, "number", facts.number);
  addValues(properties, "type", ...facts.types);
  addCountry(properties, "country", facts.country, "summary");
  addValues(properties, "startDate", facts.issued);
  addValues(properties, "endDate", facts.expires);
  addValues(properties, "summary", facts.summary);
  if (schemaHasProperty(holder.schema, facts.holderProperty)) {
    addValues(holder.properties, facts.holderProperty, facts.number);
  }
}
