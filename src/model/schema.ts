import { defaultModel, Model, type Schema } from "@alephdata/followthemoney";
import { badInput } from "../platform/errors.ts";
import type { FtmEntity } from "./entity.ts";

/** The FollowTheMoney model, loaded once: the authority on schemata and their properties. */
export const ftmModel = new Model(defaultModel);

export function getSchema(name: string, where?: string): Schema {
  try {
    return ftmModel.getSchema(name);
  } catch {
    throw badInput(`unknown FtM schema "${name}"`, where);
  }
}

/** Throws a bad-input error naming the entity and property when the entity is not valid FtM. */
export function validateEntity(entity: FtmEntity, where?: string): void {
  if (!entity.id) throw badInput("entity has no id", where);
  const schema = getSchema(entity.schema, where);
  if (schema.abstract) throw badInput(`FtM schema "${entity.schema}" is abstract`, where);
  for (const [name, values] of Object.entries(entity.properties)) {
    if (!schema.hasProperty(name)) {
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
