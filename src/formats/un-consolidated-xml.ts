import { addValues, type FtmEntity, type Properties } from "../model/entity.ts";
import { validateEntity } from "../model/schema.ts";
import { badInput } from "../platform/errors.ts";
import { stableId } from "../platform/ids.ts";
import { addCountry } from "./countries.ts";
import { isoDate, parseLooseDate, yearsBetween } from "./dates.ts";
import { addDocument, documentKind, holderPropertyFor } from "./documents.ts";
import { childElements, childText, childTexts, elementLine, parseXml, type XmlElement } from "./xml.ts";

/**
 * The UN Security Council Consolidated List (XML as published at UN_SOURCE_URL) → FtM entities: a Person
 * or Organization per listing, a Sanction per listing, and a Passport or Identification per document.
 */
export const UN_DATASET = "un-sc-consolidated";
export const UN_SOURCE_URL = "https://scsanctions.un.org/resources/xml/en/consolidated.xml";
const UN_AUTHORITY = "United Nations Security Council";
const ID_PREFIX = "un-sc";

const LISTINGS = [
  { group: "INDIVIDUALS", tag: "INDIVIDUAL", schema: "Person", prefix: "INDIVIDUAL" },
  { group: "ENTITIES", tag: "ENTITY", schema: "Organization", prefix: "ENTITY" },
] as const;

type Listing = (typeof LISTINGS)[number];

/** Tells where a listing sits, computed only when an error needs it. */
type Where = () => string;

export function parseUnConsolidatedXml(text: string, file: string): FtmEntity[] {
  const root = parseXml(text, file, "CONSOLIDATED_LIST");
  const entities: FtmEntity[] = [];
  const seen = new Map<string, Where>();
  for (const listing of LISTINGS) {
    const elements = childElements(root, listing.group).flatMap((group) => childElements(group, listing.tag));
    elements.forEach((element, index) => {
      const where = () => {
        const line = elementLine(text, element);
        return line
          ? `${file}:${line}`
          : `${file}: CONSOLIDATED_LIST/${listing.group}/${listing.tag}[${index + 1}]`;
      };
      const dataId = required(element, "DATAID", listing, where);
      const first = seen.get(dataId);
      if (first) throw badInput(`DATAID ${dataId} appears twice (first at ${first()})`, where());
      seen.set(dataId, where);
      entities.push(...listingEntities(element, dataId, listing, where));
    });
  }
  for (const entity of entities) validateEntity(entity, file);
  return entities;
}

function required(element: XmlElement, name: string, listing: Listing, where: Where): string {
  const value = childText(element, name);
  if (!value) throw badInput(`<${listing.tag}> without <${name}>`, where());
  return value;
}

function listingEntities(element: XmlElement, dataId: string, listing: Listing, where: Where): FtmEntity[] {
  const reference = required(element, "REFERENCE_NUMBER", listing, where);
  const id = stableId(ID_PREFIX, dataId);
  const properties: Properties = {};
  addNames(properties, element, listing, where);
  addAliases(properties, element, listing);
  addValues(properties, "alias", ...childTexts(element, "NAME_ORIGINAL_SCRIPT"));
  addValues(properties, "title", ...valuesOf(element, "TITLE"));
  addValues(properties, "position", ...valuesOf(element, "DESIGNATION"));
  for (const nationality of valuesOf(element, "NATIONALITY"))
    addCountry(properties, "nationality", nationality);
  const gender = childText(element, "GENDER")?.toLowerCase();
  if (gender === "male" || gender === "female") addValues(properties, "gender", gender);
  for (const dob of childElements(element, `${listing.prefix}_DATE_OF_BIRTH`))
    addBirthDate(properties, dob, where);
  for (const pob of childElements(element, `${listing.prefix}_PLACE_OF_BIRTH`))
    addBirthPlace(properties, pob);
  for (const address of childElements(element, `${listing.prefix}_ADDRESS`)) addAddress(properties, address);
  const program = childText(element, "UN_LIST_TYPE");
  addValues(properties, "program", program);
  addValues(properties, "topics", "sanction");

  const subject: FtmEntity = {
    id,
    schema: listing.schema,
    properties,
    listRef: reference,
    datasets: [UN_DATASET],
  };
  const documents: FtmEntity[] = [];
  for (const document of childElements(element, `${listing.prefix}_DOCUMENT`)) {
    addUnDocument(documents, subject, dataId, document, where);
  }
  return [subject, sanction(element, id, dataId, reference, program, where), ...documents];
}

/** The texts of `<NAME><VALUE>…</VALUE></NAME>` lists (nationality, title, designation, …). */
function valuesOf(element: XmlElement, name: string): string[] {
  return childElements(element, name).flatMap((list) => childTexts(list, "VALUE"));
}

const NAME_PARTS = ["FIRST_NAME", "SECOND_NAME", "THIRD_NAME", "FOURTH_NAME"] as const;

/**
 * The UN numbers name parts rather than naming them. For people: the first part is the first name, the last
 * part (of two or more) the last name, parts between are middle names, and SECOND_NAME is also FtM's
 * secondName. The full name joins them in the list's order.
 */
function addNames(properties: Properties, element: XmlElement, listing: Listing, where: Where): void {
  const parts = NAME_PARTS.map((part) => childText(element, part)).filter((part): part is string => !!part);
  if (parts.length === 0) throw badInput(`<${listing.tag}> without a name (FIRST_NAME is empty)`, where());
  addValues(properties, "name", parts.join(" "));
  if (listing.schema !== "Person") return;
  addValues(properties, "firstName", parts[0]);
  addValues(properties, "secondName", childText(element, "SECOND_NAME"));
  if (parts.length > 1) addValues(properties, "lastName", parts[parts.length - 1]);
  addValues(properties, "middleName", ...parts.slice(1, -1));
}

/** Good and a.k.a. → alias, Low → weakAlias, f.k.a. → previousName; an alias's own birth data is kept. */
function addAliases(properties: Properties, element: XmlElement, listing: Listing): void {
  for (const alias of childElements(element, `${listing.prefix}_ALIAS`)) {
    const name = childText(alias, "ALIAS_NAME");
    if (!name) continue;
    const quality = childText(alias, "QUALITY")?.toLowerCase();
    const property = quality === "low" ? "weakAlias" : quality === "f.k.a." ? "previousName" : "alias";
    addValues(properties, property, name);
    addNote(properties, `alias ${name}`, childText(alias, "NOTE"));
    if (listing.schema !== "Person") continue;
    for (const date of childTexts(alias, "DATE_OF_BIRTH"))
      addValues(properties, "birthDate", isoDate(date) ?? date);
    const city = childText(alias, "CITY_OF_BIRTH");
    const country = childText(alias, "COUNTRY_OF_BIRTH");
    addValues(properties, "birthPlace", joinParts([city, country]));
    addCountry(properties, "birthCountry", country);
  }
}

/**
 * Dates of birth in every form the list uses: EXACT or APPROXIMATELY with a full DATE or a YEAR (the stated
 * value), BETWEEN FROM_YEAR and TO_YEAR (every year of the range, see yearsBetween), or only a NOTE that
 * names a month and year ("Nov. 1973"). Other notes are kept in `notes`.
 */
function addBirthDate(properties: Properties, dob: XmlElement, where: Where): void {
  const from = childText(dob, "FROM_YEAR");
  const to = childText(dob, "TO_YEAR");
  const date = childText(dob, "DATE");
  const year = childText(dob, "YEAR");
  const note = childText(dob, "NOTE");
  const noteDate = note ? parseLooseDate(note) : undefined;
  if (from || to) {
    const range = [requireYear(from, "FROM_YEAR", where), requireYear(to, "TO_YEAR", where)] as const;
    addValues(properties, "birthDate", ...yearsBetween(...range));
  } else if (date) {
    addValues(properties, "birthDate", requireDate(date, "date of birth", where));
  } else if (year) {
    addValues(properties, "birthDate", String(requireYear(year, "YEAR", where)));
  } else if (noteDate) {
    addValues(properties, "birthDate", noteDate);
    return;
  }
  addNote(properties, "date of birth", note);
}

function requireYear(value: string | undefined, what: string, where: Where): number {
  if (!value || !/^\d{4}$/.test(value))
    throw badInput(`date of birth ${what} "${value ?? ""}" is not a year`, where());
  return Number(value);
}

/** xs:date as the list writes it, possibly with a time zone (`2015-04-07-04:00`) that FtM dates drop. */
function requireDate(value: string, what: string, where: Where): string {
  const match = /^(\d{4}-\d{2}-\d{2})(?:Z|[+-]\d{2}:\d{2})?$/.exec(value);
  const date = match?.[1] ? isoDate(match[1]) : undefined;
  if (!date) throw badInput(`${what} "${value}" is not a date (YYYY-MM-DD)`, where());
  return date;
}

function joinParts(parts: (string | undefined)[]): string {
  return parts.filter((part) => part?.trim()).join(", ");
}

function addNote(properties: Properties, context: string, note: string | undefined): void {
  if (note?.trim()) addValues(properties, "notes", `${context}: ${note.trim()}`);
}

function addBirthPlace(properties: Properties, pob: XmlElement): void {
  const country = childText(pob, "COUNTRY");
  const parts = ["STREET", "CITY", "STATE_PROVINCE"].map((part) => childText(pob, part));
  addValues(properties, "birthPlace", joinParts([...parts, country]));
  addCountry(properties, "birthCountry", country);
  addNote(properties, "place of birth", childText(pob, "NOTE"));
}

function addAddress(properties: Properties, address: XmlElement): void {
  const country = childText(address, "COUNTRY");
  const parts = ["STREET", "CITY", "STATE_PROVINCE", "ZIP_CODE"].map((part) => childText(address, part));
  const text = joinParts([...parts, country]);
  addValues(properties, "address", text);
  addCountry(properties, "country", country);
  addNote(properties, `address ${text}`, childText(address, "NOTE"));
}

/** A document with a number becomes its own entity; one without (number only in the note) stays a note. */
function addUnDocument(
  documents: FtmEntity[],
  holder: FtmEntity,
  dataId: string,
  document: XmlElement,
  where: Where,
) {
  const types = [...childTexts(document, "TYPE_OF_DOCUMENT"), ...childTexts(document, "TYPE_OF_DOCUMENT2")];
  const number = childText(document, "NUMBER");
  const note = childText(document, "NOTE");
  const city = childText(document, "CITY_OF_ISSUE");
  if (!number) {
    addNote(
      holder.properties,
      `document ${types.join(" / ")}`.trim(),
      joinParts([note, city && `issued in ${city}`]),
    );
    return;
  }
  const issued = childText(document, "DATE_OF_ISSUE");
  const kind = documentKind(types);
  addDocument(documents, holder, {
    id: stableId(ID_PREFIX, dataId, "document", types[0] ?? "", number),
    kind,
    number,
    holderProperty: holderPropertyFor(kind),
    types,
    country: childText(document, "ISSUING_COUNTRY") ?? childText(document, "COUNTRY_OF_ISSUE"),
    issued: issued ? requireDate(issued, "DATE_OF_ISSUE", where) : undefined,
    expires: note ? expiryIn(note) : undefined,
    summary: joinParts([city && `issued in ${city}`, note]),
  });
}

const EXPIRY =
  /(?:expir(?:es|ed|ation date)?|valid until)\s*(?:on|:)?\s*(\d{1,2}\s*[A-Za-z]{3,9}\.?\s+\d{4}|[A-Za-z]{3,9}\.?\s+\d{1,2},\s*\d{4}|\d{4}-\d{2}-\d{2})/i;

/** The expiry date a document note states ("Expires on 7 Dec. 2016", "Expiration date: 2026-12-11"). */
function expiryIn(note: string): string | undefined {
  const match = EXPIRY.exec(note);
  return match?.[1] ? parseLooseDate(match[1]) : undefined;
}

function sanction(
  element: XmlElement,
  subjectId: string,
  dataId: string,
  reference: string,
  program: string | undefined,
  where: Where,
): FtmEntity {
  const properties: Properties = {};
  addValues(properties, "entity", subjectId);
  addValues(properties, "authority", UN_AUTHORITY);
  addValues(properties, "program", program);
  addValues(properties, "unscId", reference);
  const listed = childText(element, "LISTED_ON");
  if (listed) addValues(properties, "listingDate", requireDate(listed, "LISTED_ON", where));
  addValues(properties, "reason", childText(element, "COMMENTS1"));
  const updates = valuesOf(element, "LAST_DAY_UPDATED").map((date) =>
    requireDate(date, "LAST_DAY_UPDATED", where),
  );
  addValues(properties, "modifiedAt", updates.sort().at(-1));
  addValues(properties, "sourceUrl", UN_SOURCE_URL);
  return {
    id: stableId(ID_PREFIX, dataId, "sanction"),
    schema: "Sanction",
    properties,
    datasets: [UN_DATASET],
  };
}
