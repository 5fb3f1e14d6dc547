import { defaultModel, Model, type Schema } from "@alephdata/followthemoney";
import { badInput } from "../platform/errors.ts";
import type { FtmEntity } from "./entity.ts";

type ModelSpec = typeof defaultModel;

/**
 * FtM properties newer than the npm package's model (3.8.4 is the newest published there): current
 * FollowTheMoney gives LegalEntity an `abbreviation` name property, and published FtM data uses it.
 */
function withNewerProperties(spec: ModelSpec): ModelSpec {
  const copy = structuredClone(spec) as ModelSpec & {
    schemata: Record<string, { properties: Record<string, unknown> }>;
  };
  const legalEntity = copy.schemata.LegalEntity;
  if (legalEntity && !legalEntity.properties.abbreviation) {
    legalEntity.properties.abbreviation = {
      label: "Abbreviation",
      description: "Short form of the name",
      name: "abbreviation",
      qname: "LegalEntity:abbreviation",
      type: "name",
      matchable: true,
      maxLength: 384,
    };
  }
  return copy;
}

/** The FollowTheMoney model, loaded once: the authority on schemata and their properties. */
export const ftmModel = new Model(withNewerProperties(defaultModel));

/**
 * Property names per schema, computed once: the FtM library rebuilds a schema's whole property map on
 * every `hasProperty` call, which dominated import time.
 */
const PROPERTY_NAMES = new Map<string, ReadonlySet<string>>();

export function getSchema(name: string, where?: string): Schema {
  try {
    return ftmModel.getSchema(name);
  } catch {
    throw badInput(`unknown FtM schema "${name}"`, where);
  }
}

export function schemaHasProperty(schema: string, property: string): boolean {
  let names = PROPERTY_NAMES.get(schema);
  if (!names) {
    names = new Set(getSchema(schema).getProperties().keys());
    PROPERTY_NAMES.set(schema, names);
  }
  return names.has(property);
}

/** Throws a bad-input error naming the entity and property when the entity is not valid FtM. */
export function validateEntity(entity: FtmEntity, where?: string): void {
  if (!entity.id) throw badInput("entity has no id", where);
  const schema = getSchema(entity.schema, where);
  if (schema.abstract) throw badInput(`FtM schema "${entity.schema}" is abstract`, where);
  for (const [name, values] of Object.entries(entity.properties)) {
    if (!schemaHasProperty(entity.schema, name)) {
      throw badInput(`unknown property "${name}" for schema ${entity.schema} (entity ${entity.id})`, where);
    }
    if (!Array.isArray(values) || values.some((v) => typeof v !== "string")) {
      throw badInput(`property "${name}" of entity ${entity.id} must be a list of strings`, where);
    }
  }
}

/** The display name FtM would choose: the first caption property that has a value. */
export function captionOf(entity: FtmEntity): string {
  const schema = getSchema(entity.schema);
  for (const prop of schema.caption) {
    const value = entity.properties[prop]?.[0];
    if (value) return value;
  }
  return entity.id;
}
