import type { FtmEntity } from "../model/entity.ts";
import { captionOf, ftmModel } from "../model/schema.ts";
import type { MatchProfile } from "./types.ts";

/**
 * FtM entities -> match profiles. Every named subject (Person, Organization, Company, LegalEntity, Vessel,
 * Airplane, …) becomes one profile; Passport and Identification entities join their holder's profile as
 * documents. Names are name + alias + weakAlias + previousName, plus the name parts joined in order.
 */
const NAME_PROPS = ["name", "alias", "weakAlias", "previousName"];
const PART_PROPS = ["firstName", "secondName", "middleName", "fatherName", "thirdName", "lastName"];
const DOCUMENT_SCHEMATA = ["Passport", "Identification"];
const PROFILE_SCHEMATA = ["LegalEntity", "Vessel", "Airplane"];

const profileSchemata = new Map<string, boolean>();

function isProfileSchema(schema: string): boolean {
  let known = profileSchemata.get(schema);
  if (known === undefined) {
    known = Boolean(ftmModel.schemata[schema]) && ftmModel.getSchema(schema).isAny(PROFILE_SCHEMATA);
    profileSchemata.set(schema, known);
  }
  return known;
}

function values(entity: FtmEntity, ...props: string[]): string[] {
  const out: string[] = [];
  for (const prop of props) {
    const list = entity.properties[prop];
    if (list) for (const value of list) out.push(value);
  }
  return out;
}

function joinedParts(entity: FtmEntity): string[] {
  const parts = PART_PROPS.map((p) => entity.properties[p]?.[0]).filter((v): v is string => Boolean(v));
  return parts.length > 1 ? [parts.join(" ")] : [];
}

function unique(list: string[]): string[] {
  const seen = new Set<string>();
  for (const value of list) {
    const trimmed = value.trim();
    if (trimmed) seen.add(trimmed);
  }
  return [...seen];
}

export function profileFromEntity(entity: FtmEntity): MatchProfile {
  const profile: MatchProfile = {
    entityId: entity.id,
    caption: captionOf(entity),
    schema: entity.schema,
    names: unique([...values(entity, ...NAME_PROPS), ...joinedParts(entity)]),
    birthDates: unique(values(entity, "birthDate")),
    nationalities: unique(values(entity, "nationality", "citizenship", "country", "jurisdiction", "flag")),
    genders: unique(values(entity, "gender")),
    birthPlaces: unique(values(entity, "birthPlace")),
    documents: [
      ...values(entity, "passportNumber").map((number) => ({ number, type: "passport" })),
      ...values(entity, "idNumber").map((number) => ({ number, type: "id" })),
      ...values(entity, "imoNumber", "registrationNumber").map((number) => ({
        number,
        type: "registration",
      })),
    ],
  };
  if (entity.listRef) profile.listRef = entity.listRef;
  return profile;
}

export function profileFromEntities(entities: FtmEntity[]): MatchProfile[] {
  const profiles = new Map<string, MatchProfile>();
  for (const entity of entities) {
    if (isProfileSchema(entity.schema)) profiles.set(entity.id, profileFromEntity(entity));
  }
  for (const entity of entities) {
    if (!DOCUMENT_SCHEMATA.includes(entity.schema)) continue;
    for (const holder of values(entity, "holder")) {
      const profile = profiles.get(holder);
      if (!profile) continue;
      const country = entity.properties.country?.[0];
      const type = entity.schema === "Passport" ? "passport" : entity.properties.type?.[0];
      for (const number of values(entity, "number", "passportNumber")) {
        const doc: MatchProfile["documents"][number] = { number };
        if (country) doc.country = country;
        if (type) doc.type = type;
        profile.documents.push(doc);
      }
    }
  }
  return [...profiles.values()];
}
