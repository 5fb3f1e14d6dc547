import {
  az,
  base,
  de,
  en,
  en_GB,
  en_US,
  Faker,
  fr,
  generateMersenne53Randomizer,
  id_ID,
  type LocaleDefinition,
  ru,
  tr,
  uz_UZ_latin,
} from "@faker-js/faker";
import anyAscii from "any-ascii";
import type { FtmEntity, Properties } from "../model/entity.ts";
import { addValues } from "../model/entity.ts";
import {
  ARAB_CITIES,
  ARABIC_FAMILY,
  ARABIC_FEMALE_GIVEN,
  ARABIC_MALE_GIVEN,
  type ArabicName,
} from "./synthetic-arabic-names.ts";

/**
 * Synthetic FTF-like profiles for demos, tests and benchmarks. Every record is invented by faker at a fixed
 * seed, lives in the `demo-synthetic` dataset and says so in its notes — no real person is described.
 */
export const SYNTHETIC_DATASET = "demo-synthetic";
export const SYNTHETIC_NOTE = "SYNTHETIC — generated demo record, not a real person";

type Sex = "male" | "female";

interface DrawnName {
  first: string;
  last?: string;
  middle?: string;
  father?: string;
  /** The name as it is usually written in Latin script; becomes the `name` property. */
  primary: string;
  /** Other ways the same person's name is written: original script, other spellings, other orders. */
  variants: string[];
  birthPlace?: string;
}

interface Origin {
  weight: number;
  /** Draws a person's name, birth place and nationality, which go together. */
  draw(sex: Sex): DrawnName & { nationality: string };
}

/** Countries where second-generation FTFs of Arabic-speaking families often hold citizenship. */
const DIASPORA = ["fr", "be", "de", "gb", "nl", "se", "at", "dk"] as const;
const ARAB_COUNTRIES = Object.keys(ARAB_CITIES);
const CYRILLIC = ["ru", "kz", "kg", "tj"] as const;
/** Dates are fixed relative to this year so output never depends on when it runs. */
const REFERENCE_YEAR = 2025;

export function syntheticPeople(count: number, seed = 2178): FtmEntity[] {
  const randomizer = generateMersenne53Randomizer();
  randomizer.seed(seed);
  const fakerFor = (locale: LocaleDefinition) => new Faker({ locale: [locale, en, base], randomizer });
  const f = fakerFor(en);
  const origins = buildOrigins(f, fakerFor);
  const entities: FtmEntity[] = [];
  for (let i = 1; i <= count; i++) {
    const origin = f.helpers.weightedArrayElement(origins.map((o) => ({ weight: o.weight, value: o })));
    const sex: Sex = f.datatype.boolean({ probability: 0.85 }) ? "male" : "female";
    const drawn = origin.draw(sex);
    const nationality = drawn.nationality;
    const id = `syn-${seed}-${i}`;
    const properties: Properties = {};
    addValues(properties, "name", drawn.primary);
    addValues(properties, "alias", ...f.helpers.arrayElements(drawn.variants, { min: 0, max: 2 }));
    addValues(properties, "firstName", drawn.first);
    addValues(properties, "lastName", drawn.last);
    addValues(properties, "middleName", drawn.middle);
    addValues(properties, "fatherName", drawn.father);
    addValues(properties, "gender", sex);
    addValues(properties, "birthDate", birthDate(f));
    addValues(
      properties,
      "birthPlace",
      f.datatype.boolean({ probability: 0.6 }) ? drawn.birthPlace : undefined,
    );
    addValues(properties, "nationality", nationality);
    if (f.datatype.boolean({ probability: 0.08 }))
      addValues(properties, "nationality", f.helpers.arrayElement(DIASPORA));
    addValues(properties, "notes", SYNTHETIC_NOTE);
    entities.push({ id, schema: "Person", properties, datasets: [SYNTHETIC_DATASET] });
    if (f.datatype.boolean({ probability: 0.7 })) entities.push(passport(f, id, nationality));
  }
  return entities;
}

function buildOrigins(f: Faker, fakerFor: (locale: LocaleDefinition) => Faker): Origin[] {
  const russian = fakerFor(ru);
  return [
    { weight: 30, draw: (sex) => arabicName(f, sex) },
    {
      weight: 14,
      draw: (sex) => ({ ...cyrillicName(russian, sex), nationality: f.helpers.arrayElement(CYRILLIC) }),
    },
    latinOrigin(12, ["tr"], fakerFor(tr)),
    latinOrigin(10, ["fr", "be"], fakerFor(fr)),
    latinOrigin(5, ["gb", "au"], fakerFor(en_GB)),
    latinOrigin(5, ["us", "ca"], fakerFor(en_US)),
    latinOrigin(8, ["de", "at", "ch"], fakerFor(de)),
    latinOrigin(8, ["id", "my"], fakerFor(id_ID), 0.2),
    latinOrigin(5, ["uz", "tj"], fakerFor(uz_UZ_latin)),
    latinOrigin(3, ["az"], fakerFor(az)),
  ];
}

/** Latin spellings with the Arabic script; 30% of these people hold a European nationality instead of the family's. */
function arabicName(f: Faker, sex: Sex): DrawnName & { nationality: string } {
  const homeCountry = f.helpers.arrayElement(ARAB_COUNTRIES);
  const nationality = f.datatype.boolean({ probability: 0.3 })
    ? f.helpers.arrayElement(DIASPORA)
    : homeCountry;
  const given = f.helpers.arrayElement(sex === "male" ? ARABIC_MALE_GIVEN : ARABIC_FEMALE_GIVEN);
  const family = f.helpers.arrayElement(ARABIC_FAMILY);
  const father = f.helpers.arrayElement(ARABIC_MALE_GIVEN);
  const spell = (name: ArabicName) => f.helpers.arrayElement(name.latin);
  const first = spell(given);
  const last = spell(family);
  const primary = `${first} ${last}`;
  const variants = [
    `${given.arabic} ${family.arabic}`,
    `${spell(given)} ${spell(father)} ${spell(family)}`,
    `${given.latin[0]} ${family.latin[0]}`,
    `${given.arabic} ${father.arabic} ${family.arabic}`,
  ];
  if (sex === "male") variants.push(`Abu ${spell(f.helpers.arrayElement(ARABIC_MALE_GIVEN))}`);
  return {
    first,
    last,
    father: father.latin[0],
    primary,
    variants: distinct(variants, primary),
    birthPlace: f.helpers.arrayElement(ARAB_CITIES[homeCountry] ?? ["Damascus"]),
    nationality,
  };
}

/** Russian names in Cyrillic with their Latin transliteration, patronymic and document-style order. */
function cyrillicName(f: Faker, sex: Sex): DrawnName {
  const first = f.person.firstName(sex);
  const last = f.person.lastName(sex);
  const middle = f.person.middleName(sex);
  const [firstLatin, lastLatin, middleLatin] = [first, last, middle].map((part) => anyAscii(part));
  const primary = `${firstLatin} ${lastLatin}`;
  const variants = [
    `${first} ${middle} ${last}`,
    `${last} ${first}`,
    `${firstLatin} ${middleLatin} ${lastLatin}`,
    `${lastLatin} ${firstLatin} ${middleLatin}`,
  ];
  return {
    first: firstLatin ?? first,
    last: lastLatin,
    father: middleLatin,
    primary,
    variants: distinct(variants, primary),
    birthPlace: anyAscii(f.location.city()),
  };
}

/** A Latin-script locale; `mononymRate` is the share of people known by one name (common in Indonesia). */
function latinOrigin(weight: number, nationalities: readonly string[], f: Faker, mononymRate = 0): Origin {
  return {
    weight,
    draw: (sex) => {
      const first = f.person.firstName(sex);
      const birthPlace = f.location.city();
      const nationality = f.helpers.arrayElement(nationalities);
      if (f.datatype.boolean({ probability: mononymRate })) {
        return {
          first,
          primary: first,
          variants: distinct([anyAscii(first)], first),
          birthPlace,
          nationality,
        };
      }
      const last = f.person.lastName(sex);
      const middle = f.person.firstName(sex);
      const primary = `${first} ${last}`;
      const variants = [anyAscii(primary), `${first} ${middle} ${last}`, `${last.toUpperCase()}, ${first}`];
      return { first, last, primary, variants: distinct(variants, primary), birthPlace, nationality };
    },
  };
}

function distinct(variants: string[], primary: string): string[] {
  return [...new Set(variants)].filter((v) => v !== primary);
}

/** A quarter of the dates are year-only, as on many lists where only the year is known. */
function birthDate(f: Faker): string {
  const year = f.number.int({ min: REFERENCE_YEAR - 62, max: REFERENCE_YEAR - 18 });
  if (f.datatype.boolean({ probability: 0.25 })) return String(year);
  const month = f.number.int({ min: 1, max: 12 });
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const day = f.number.int({ min: 1, max: daysInMonth });
  return `${year}-${pad(month)}-${pad(day)}`;
}

function passport(f: Faker, holder: string, country: string): FtmEntity {
  const issued = f.number.int({ min: REFERENCE_YEAR - 12, max: REFERENCE_YEAR - 1 });
  const month = pad(f.number.int({ min: 1, max: 12 }));
  const day = pad(f.number.int({ min: 1, max: 28 }));
  const number = `${f.string.alpha({ length: 2, casing: "upper" })}${f.string.numeric(7)}`;
  return {
    id: `${holder}-passport`,
    schema: "Passport",
    properties: {
      holder: [holder],
      number: [number],
      country: [country],
      type: ["passport"],
      startDate: [`${issued}-${month}-${day}`],
      endDate: [`${issued + 10}-${month}-${day}`],
      description: [SYNTHETIC_NOTE],
    },
    datasets: [SYNTHETIC_DATASET],
  };
}

function pad(value: number): string {
  return String(value).padStart(2, "0");
}
