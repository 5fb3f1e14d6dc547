import { addValues, type FtmEntity, type Properties } from "../model/entity.ts";
import { captionOf, validateEntity } from "../model/schema.ts";
import { badInput } from "../platform/errors.ts";

/**
 * FollowTheMoney JSON Lines: one entity a line, `{"id", "schema", "properties", "datasets"?, …}`. Other
 * top-level keys FtM tools write (caption, referents, first_seen, target, …) are accepted and ignored.
 * The list reference travels under LIST_REF_KEY, a key FtM tools ignore in turn.
 */
export const LIST_REF_KEY = "list_ref";

export function parseFtmJsonl(text: string, file: string): FtmEntity[] {
  const byId = new Map<string, { entity: FtmEntity; line: number }>();
  const lines = text.split("\n");
  for (let index = 0; index < lines.length; index++) {
    const raw = lines[index]?.trim();
    if (!raw) continue;
    const where = `${file}:${index + 1}`;
    const entity = readEntity(raw, where);
    validateEntity(entity, where);
    const earlier = byId.get(entity.id);
    if (earlier) mergeFragment(earlier.entity, entity, `${file}:${earlier.line}`, where);
    else byId.set(entity.id, { entity, line: index + 1 });
  }
  return [...byId.values()].map(({ entity }) => entity);
}

function readEntity(raw: string, where: string): FtmEntity {
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch (error) {
    throw badInput(`bad JSON: ${(error as Error).message}`, where);
  }
  if (typeof json !== "object" || json === null || Array.isArray(json)) {
    throw badInput("expected a JSON object (one FtM entity a line)", where);
  }
  const { id, schema, properties, datasets, [LIST_REF_KEY]: listRef } = json as Record<string, unknown>;
  if (typeof id !== "string" || !id.trim()) throw badInput('entity has no "id"', where);
  if (typeof schema !== "string" || !schema) throw badInput(`entity ${id} has no "schema"`, where);
  if (
    properties !== undefined &&
    (typeof properties !== "object" || properties === null || Array.isArray(properties))
  ) {
    throw badInput(`"properties" of entity ${id} must be an object`, where);
  }
  const entity: FtmEntity = { id, schema, properties: { ...(properties as Properties | undefined) } };
  if (datasets !== undefined) {
    if (!Array.isArray(datasets) || datasets.some((value) => typeof value !== "string")) {
      throw badInput(`"datasets" of entity ${id} must be a list of strings`, where);
    }
    entity.datasets = datasets as string[];
  }
  if (listRef !== undefined) {
    if (typeof listRef !== "string")
      throw badInput(`"${LIST_REF_KEY}" of entity ${id} must be a string`, where);
    entity.listRef = listRef;
  }
  return entity;
}

/** FtM streams may split one entity into fragments with the same id; they are merged value by value. */
function mergeFragment(target: FtmEntity, fragment: FtmEntity, firstWhere: string, where: string): void {
  if (fragment.schema !== target.schema) {
    throw badInput(
      `entity ${target.id} is a ${target.schema} at ${firstWhere} but a ${fragment.schema} here`,
      where,
    );
  }
  for (const [property, values] of Object.entries(fragment.properties))
    addValues(target.properties, property, ...values);
  if (fragment.datasets) target.datasets = [...new Set([...(target.datasets ?? []), ...fragment.datasets])];
  if (fragment.listRef && target.listRef && fragment.listRef !== target.listRef) {
    throw badInput(
      `entity ${target.id} has ${LIST_REF_KEY} "${target.listRef}" at ${firstWhere}, "${fragment.listRef}" here`,
      where,
    );
  }
  target.listRef ??= fragment.listRef;
}

/** Writes entities as FtM JSON Lines (with FtM's caption for readers); parseFtmJsonl reads it back unchanged. */
export function toFtmJsonl(entities: FtmEntity[]): string {
  let out = "";
  for (const entity of entities) {
    const line: Record<string, unknown> = {
      id: entity.id,
      schema: entity.schema,
      caption: captionOf(entity),
      properties: entity.properties,
    };
    if (entity.datasets) line.datasets = entity.datasets;
    if (entity.listRef !== undefined) line[LIST_REF_KEY] = entity.listRef;
    out += `${JSON.stringify(line)}\n`;
  }
  return out;
}
