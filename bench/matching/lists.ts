/**
 * The screening lists as the benchmark sees them: the listed subjects (people, organisations, vessels…)
 * of the parsed UN and OFAC files, numbered as groups, with the names a name-only peer can search.
 */
import { readListFile } from "../../src/formats/lists.ts";
import type { FtmEntity } from "../../src/model/entity.ts";
import { listPaths } from "./datasets.ts";
import type { Candidate } from "./peers.ts";

const SUBJECT_SCHEMATA = new Set(["Person", "Organization", "Company", "LegalEntity", "Vessel", "Airplane"]);
const NAME_PROPERTIES = ["name", "alias", "weakAlias", "previousName"] as const;

/** Parsed list entities (subjects plus their passports, sanctions…) and the subjects among them. */
export interface ListData {
  entities: FtmEntity[];
  subjects: FtmEntity[];
}

export function isSubject(entity: FtmEntity): boolean {
  return SUBJECT_SCHEMATA.has(entity.schema);
}

export function subjectNames(entity: FtmEntity): string[] {
  return [...new Set(NAME_PROPERTIES.flatMap((p) => entity.properties[p] ?? []))];
}

export function asListData(entities: FtmEntity[]): ListData {
  return { entities, subjects: entities.filter(isSubject) };
}

export async function loadLists(which: readonly ("un" | "ofac")[]): Promise<ListData> {
  const paths = listPaths();
  const entities: FtmEntity[] = [];
  for (const list of which) entities.push(...(await readListFile(paths[list])).entities);
  return asListData(entities);
}

/** Every name of every subject (or of those `only` keeps), grouped by the subject's position in `subjects`. */
export function candidatesOf(
  subjects: readonly FtmEntity[],
  only?: (subject: FtmEntity) => boolean,
): Candidate[] {
  return subjects.flatMap((subject, group) =>
    only && !only(subject) ? [] : subjectNames(subject).map((name) => ({ name, group })),
  );
}

export function isPerson(subject: FtmEntity): boolean {
  return subject.schema === "Person";
}
