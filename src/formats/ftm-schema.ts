import { getSchema } from "../model/schema.ts";

/**
 * Property names per FtM schema, computed once. The FtM library rebuilds a schema's whole property map on
 * every `hasProperty` call, which dominated parse time on the OFAC list.
 */
const PROPERTY_NAMES = new Map<string, ReadonlySet<string>>();

export function schemaHasProperty(schema: string, property: string): boolean {
  let names = PROPERTY_NAMES.get(schema);
  if (!names) {
    names = new Set(getSchema(schema).getProperties().keys());
    PROPERTY_NAMES.set(schema, names);
  }
  return names.has(property);
}
