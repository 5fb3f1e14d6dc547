import { addValues, type FtmEntity } from "../model/entity.ts";
import { schemaHasProperty } from "../model/schema.ts";
import { stableId } from "../platform/ids.ts";
import { countryCode } from "./countries.ts";
import { parseLooseDate, yearsBetween } from "./dates.ts";
import { addDocument } from "./documents.ts";

/**
 * The remarks column of the OFAC SDN list: `;`-separated items such as `DOB 02 Mar 1975`, `POB Cairo, Egypt`,
 * `nationality Egypt`, `Passport A123 (Egypt) issued 01 Jan 2010 expires 01 Jan 2020`, `Gender Male`,
 * `a.k.a. 'NAME'`. Items this file understands become FtM properties or documents; every other item is kept
 * verbatim in `notes`, so nothing is lost.
 */

/** Labelled numbers: the property they fill on the subject, and whether they become a document entity. */
const NUMBER_LABELS: Record<string, { property: string; document?: "Passport" | "Identification" }> = {};
const label = (
  property: string,
  document: "Passport" | "Identification" | undefined,
  ...labels: string[]
) => {
  for (const name of labels) NUMBER_LABELS[name] = document ? { property, document } : { property };
};
label("passportNumber", "Passport", "Passport", "Diplomatic Passport");
label(
  "idNumber",
  "Identification",
  "National ID No.",
  "Cedula No.",
  "Identification Number",
  "C.U.R.P.",
  "C.U.R.P. #",
  "D.N.I.",
  "SSN",
  "Personal ID Card",
  "Electoral Registry No.",
  "Driver's License No.",
  "Credencial electoral",
  "Residency Number",
  "Birth Certificate Number",
  "Kenyan ID No.",
  "Travel Document Number",
  "Turkish Identification Number",
  "National Foreign ID Number",
  "Numero de Identidad",
  "Citizen's Card Number",
  "Tazkira National ID Card",
  "I.F.E.",
  "Italian Fiscal Code",
  "Cartilla de Servicio Militar Nacional",
  "Immigration No.",
  "Pilot License Number",
);
label(
  "taxNumber",
  "Identification",
  "Tax ID No.",
  "NIT #",
  "R.F.C.",
  "R.F.C. #",
  "RFC",
  "RUC #",
  "V.A.T. Number",
);
label("taxNumber", "Identification", "RIF #", "C.U.I.T.", "US FEIN", "C.I.F.", "C.U.I.P.", "C.U.I.");
label(
  "registrationNumber",
  "Identification",
  "Registration Number",
  "Registration ID",
  "Company Number",
  "UK Company Number",
  "Commercial Registry Number",
  "Folio Mercantil No.",
  "Matricula Mercantil No",
  "Government Gazette Number",
  "C.R. No.",
  "Trade License No.",
  "Business Registration Number",
  "Business Registration Document #",
  "Chamber of Commerce Number",
  "Public Registration Number",
  "Legal Entity Number",
  "Certificate of Incorporation Number",
  "Enterprise Number",
  "Registered Charity No.",
  "Unified Social Credit Code (USCC)",
  "United Social Credit Code Certificate (USCCC)",
  "Dubai Chamber of Commerce Membership No.",
);
label("dunsCode", undefined, "D-U-N-S Number");
label("swiftBic", undefined, "SWIFT/BIC");
label("mmsi", undefined, "MMSI");
label("serialNumber", undefined, "Aircraft Manufacturer's Serial Number (MSN)");
label("registrationNumber", undefined, "Aircraft Tail Number");

/** Labels followed by free text rather than a number. */
const TEXT_LABELS: Record<string, string> = {
  "Email Address": "email",
  Website: "website",
  "Phone Number": "phone",
  "Telephone No.": "phone",
  "Telephone:": "phone",
  Telephone: "phone",
  "Aircraft Model": "model",
};

/** Labels followed by a date. */
const DATE_LABELS: Record<string, string> = {
  "Aircraft Manufacture Date": "buildDate",
  "Vessel Year of Build": "buildDate",
  "Organization Established Date": "incorporationDate",
};

/**
 * The labels by their first word, longest first within each: an item can only start with `label ` when its
 * own first word is the label's, so each item is tried against a handful of labels instead of all of them.
 */
const LABELS_BY_FIRST_WORD = new Map<string, string[]>();
for (const name of [
  ...Object.keys(NUMBER_LABELS),
  ...Object.keys(TEXT_LABELS),
  ...Object.keys(DATE_LABELS),
].sort((a, b) => b.length - a.length)) {
  const [word] = splitFirstWord(name);
  LABELS_BY_FIRST_WORD.set(word, [...(LABELS_BY_FIRST_WORD.get(word) ?? []), name]);
}

const ALIAS_PROPERTY: Record<string, string> = {
  "a.k.a.": "weakAlias",
  "f.k.a.": "previousName",
  "n.k.a.": "alias",
};

const DATE_TEXT = String.raw`(?:\d{1,2} )?(?:[A-Za-z]{3} )?\d{4}`;
const NUMBERED = new RegExp(
  String.raw`^(.+?)(?: \(([^()]+)\))?(?: issued (${DATE_TEXT}))?(?: expires (${DATE_TEXT}))?\.?$`,
);
const IMO = /^(?:Vessel Registration Identification|Identification Number|Company Number) IMO (\d{7})$/;

/** Applies the remarks of one SDN entry to its subject; documents found are appended to `documents`. */
export function applyRemarks(subject: FtmEntity, remarks: string, documents: FtmEntity[]): void {
  const set = (property: string, ...values: (string | undefined)[]): boolean => {
    if (!schemaHasProperty(subject.schema, property)) return false;
    addValues(subject.properties, property, ...values);
    return true;
  };
  for (const raw of splitRemarks(remarks)) {
    const item = raw.replace(/^alt\.\s+/i, "");
    if (!applyItem(subject, item, documents, set)) addValues(subject.properties, "notes", raw);
  }
}

/** Splits on `;` outside quoted aliases (a.k.a. 'A; B' stays one item) and drops the final full stop. */
function splitRemarks(remarks: string): string[] {
  const items: string[] = [];
  let current = "";
  let quoted = false;
  for (let i = 0; i < remarks.length; i++) {
    const char = remarks[i];
    if (char === "'" && (quoted || /(?:^|\s)$/.test(current))) quoted = !quoted;
    if (char === ";" && !quoted) {
      items.push(current);
      current = "";
    } else current += char;
  }
  items.push(current);
  return items.map((item) => item.trim().replace(/\.$/, "")).filter(Boolean);
}

type Setter = (property: string, ...values: (string | undefined)[]) => boolean;

function applyItem(subject: FtmEntity, item: string, documents: FtmEntity[], set: Setter): boolean {
  const [head, rest = ""] = splitFirstWord(item);
  switch (head) {
    case "DOB": {
      const dates = birthDates(rest);
      return dates.length > 0 && set("birthDate", ...dates);
    }
    case "POB": {
      if (!set("birthPlace", rest)) return false;
      const country = rest.split(",").at(-1)?.trim();
      if (country) set("birthCountry", countryCode(country));
      return true;
    }
    case "nationality":
    case "citizen": {
      const property = head === "nationality" ? "nationality" : "citizenship";
      const code = countryCode(rest);
      return code !== undefined && set(property, code);
    }
    case "Gender":
      return /^(male|female)$/i.test(rest) && set("gender", rest.toLowerCase());
  }
  const alias = /^([afn]\.k\.a\.) '(.+)'$/.exec(item);
  if (alias?.[1] && alias[2]) return set(ALIAS_PROPERTY[alias[1]] ?? "alias", alias[2]);
  const imo = IMO.exec(item);
  if (imo) return set("imoNumber", `IMO${imo[1]}`);
  if (item.startsWith("Former Vessel Flag ")) {
    const code = countryCode(item.slice("Former Vessel Flag ".length));
    return code !== undefined && set("pastFlags", code);
  }
  return applyLabelled(subject, head, item, documents, set);
}

function splitFirstWord(item: string): [string, string?] {
  const space = item.indexOf(" ");
  return space === -1 ? [item] : [item.slice(0, space), item.slice(space + 1).trim()];
}

function applyLabelled(
  subject: FtmEntity,
  head: string,
  item: string,
  documents: FtmEntity[],
  set: Setter,
): boolean {
  const name = LABELS_BY_FIRST_WORD.get(head)?.find(
    (candidate) =>
      item.length > candidate.length && item[candidate.length] === " " && item.startsWith(candidate),
  );
  if (!name) return false;
  const value = item.slice(name.length + 1).trim();
  const textProperty = TEXT_LABELS[name];
  if (textProperty) return set(textProperty, value);
  const dateProperty = DATE_LABELS[name];
  if (dateProperty) {
    const date = parseLooseDate(value);
    return date !== undefined && set(dateProperty, date);
  }
  const numbered = NUMBER_LABELS[name];
  const match = NUMBERED.exec(value);
  if (!numbered || !match?.[1]) return false;
  const [, number, country, issued, expires] = match;
  // A number the subject's schema cannot hold (a passport on a vessel) stays a note.
  if (!set(numbered.property, number)) return false;
  if (!numbered.document) return true;
  addDocument(documents, subject, {
    id: stableId("ofac", subject.listRef ?? subject.id, "document", name, number),
    kind: numbered.document,
    number,
    holderProperty: numbered.property,
    types: [name],
    country,
    issued: issued ? parseLooseDate(issued) : undefined,
    expires: expires ? parseLooseDate(expires) : undefined,
  });
  return true;
}

/** `1975`, `02 Mar 1975`, `Mar 1975`, `circa 1975`, `1970 to 1975`, `01 Jan 1970 to 31 Dec 1972`, `circa 1975-1977`. */
function birthDates(text: string): string[] {
  const value = text.replace(/^circa\s+/i, "");
  const range = /^(.+?)\s*(?: to |-)\s*(.+)$/.exec(value);
  if (range?.[1] && range[2] && !/^\d{4}-\d{2}/.test(value)) {
    const from = parseLooseDate(range[1]);
    const to = parseLooseDate(range[2]);
    return from && to ? yearsBetween(Number(from.slice(0, 4)), Number(to.slice(0, 4))) : [];
  }
  const date = parseLooseDate(value);
  return date ? [date] : [];
}
