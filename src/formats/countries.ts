import { addValues, type Properties } from "../model/entity.ts";
import { ftmModel } from "../model/schema.ts";

/**
 * Country names as the UN and OFAC write them → the lowercase ISO codes FtM uses. FtM's own labels cover most
 * names; the table below adds the official long forms and OFAC's inverted forms ("Korea, North").
 */
const EXTRA_NAMES: Record<string, string> = {
  "Democratic Republic of the Congo": "cd",
  "Congo, Democratic Republic of the": "cd",
  Congo: "cg",
  "Republic of the Congo": "cg",
  "Congo, Republic of the": "cg",
  "United Republic of Tanzania": "tz",
  "Syrian Arab Republic": "sy",
  "Iran (Islamic Republic of)": "ir",
  "Democratic People's Republic of Korea": "kp",
  "Korea, North": "kp",
  "Republic of Korea": "kr",
  "Korea, South": "kr",
  "Viet Nam": "vn",
  Turkey: "tr",
  "United States": "us",
  USA: "us",
  "State of Palestine": "ps",
  Palestine: "ps",
  Palestinian: "ps",
  "West Bank": "ps",
  Gaza: "ps",
  "United Kingdom of Great Britain and Northern Ireland": "gb",
  UK: "gb",
  "Russian Federation": "ru",
  "China, Hong Kong Special Administrative Region": "hk",
  "Hong Kong": "hk",
  "China, Macao Special Administrative Region": "mo",
  Macau: "mo",
  Macao: "mo",
  "Virgin Islands, British": "vg",
  "former Soviet Union": "suhh",
  USSR: "suhh",
  Burma: "mm",
  "Czech Republic": "cz",
  "Cabo Verde": "cv",
  "Macedonia, The Former Yugoslav Republic of": "mk",
  "The former Yugoslav Republic of Macedonia": "mk",
  Macedonia: "mk",
  "Lao People's Democratic Republic": "la",
  "Brunei Darussalam": "bn",
  "Republic of Moldova": "md",
  "Bolivia (Plurinational State of)": "bo",
  "Venezuela (Bolivarian Republic of)": "ve",
  "Micronesia (Federated States of)": "fm",
  Swaziland: "sz",
  "East Timor": "tl",
  Crimea: "ua-cri",
  "Ivory Coast": "ci",
};

/** Words lists put where a country is unknown; they carry no country. */
const NO_COUNTRY = new Set(["na", "n a", "none", "none identified", "undetermined", "unknown", "stateless"]);

function normalise(name: string): string {
  let key = name
    .normalize("NFD")
    .replace(/\p{Mn}/gu, "")
    .toLowerCase()
    .replace(/^region:\s*/, "")
    .replace(/&/g, " and ")
    .replace(/\bst\.\s*/g, "saint ")
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
  if (key.endsWith(" the")) key = `the ${key.slice(0, -4)}`; // "Bahamas, The"
  return key.replace(/^the /, "");
}

const CODE_BY_NAME = new Map<string, string>();
const FTM_CODES = ftmModel.getType("country").values;
for (const [code, label] of FTM_CODES) CODE_BY_NAME.set(normalise(label), code);
for (const [name, code] of Object.entries(EXTRA_NAMES)) CODE_BY_NAME.set(normalise(name), code);

/** The FtM country code for a country name, or undefined when the name is unknown or a placeholder. */
export function countryCode(name: string): string | undefined {
  return CODE_BY_NAME.get(normalise(name));
}

/** Like countryCode, but also accepts an FtM/ISO code itself (`DE`, `de`) — for user-made files. */
export function countryCodeOrName(value: string): string | undefined {
  const code = value.trim().toLowerCase();
  return FTM_CODES.has(code) ? code : countryCode(value);
}

/** True for the words that stand for "no country" (`na`, `undetermined`, …). */
export function isNoCountry(name: string): boolean {
  return NO_COUNTRY.has(normalise(name));
}

/**
 * Adds the code of a country name to a country-typed property. A name that cannot be mapped is kept as text
 * in `noteProperty` (as "property: name") so nothing the list says is lost; placeholders are dropped.
 */
export function addCountry(
  properties: Properties,
  property: string,
  name: string | undefined,
  noteProperty = "notes",
): void {
  const value = name?.trim();
  if (!value || isNoCountry(value)) return;
  const code = countryCode(value);
  if (code) addValues(properties, property, code);
  else addValues(properties, noteProperty, `${property}: ${value}`);
}
