import { existsSync, readdirSync, statSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { addValues, type FtmEntity, type Properties } from "../model/entity.ts";
import { validateEntity } from "../model/schema.ts";
import { badInput } from "../platform/errors.ts";
import { stableId } from "../platform/ids.ts";
import { ownEntry } from "../platform/own-entry.ts";
import { addCountry } from "./countries.ts";
import { type CsvRecord, readCsvRecords } from "./csv.ts";
import { applyRemarks } from "./ofac-remarks.ts";
import { readTextFile } from "./text.ts";

/**
 * The OFAC SDN list in its legacy CSV form: sdn.csv (one row per entry, no header), alt.csv (aliases),
 * add.csv (addresses) and sdn_comments.csv (remarks too long for sdn.csv), joined by ent_num.
 */
export const OFAC_DATASET = "us-ofac-sdn";
export const OFAC_SOURCE_URL = "https://sanctionslist.ofac.treas.gov/Home/SdnList";
const OFAC_AUTHORITY = "Office of Foreign Assets Control, US Department of the Treasury";
const ID_PREFIX = "ofac";

export interface SourceText {
  text: string;
  file: string;
}

export interface OfacFiles {
  sdn: SourceText;
  alt?: SourceText;
  add?: SourceText;
  /** sdn_comments.csv: the continuation of remarks cut off in sdn.csv. */
  comments?: SourceText;
}

const SCHEMA_BY_TYPE: Record<string, string> = {
  individual: "Person",
  "": "Organization", // OFAC leaves the type empty (-0-) for entities
  entity: "Organization",
  vessel: "Vessel",
  aircraft: "Airplane",
};

const COLUMNS = { sdn: 12, alt: 5, add: 6, comments: 2 } as const;

interface Entry {
  subject: FtmEntity;
  documents: FtmEntity[];
  sanction: FtmEntity;
}

export function parseOfacSdn(files: OfacFiles): FtmEntity[] {
  const comments = files.comments ? readComments(files.comments) : new Map<string, string>();
  const entries = new Map<string, Entry>();
  for (const record of rows(files.sdn, COLUMNS.sdn)) {
    const entNum = entryNumber(record, files.sdn.file);
    if (entries.has(entNum))
      throw badInput(`ent_num ${entNum} appears twice`, `${files.sdn.file}:${record.line}`);
    entries.set(entNum, readEntry(record, entNum, comments.get(entNum), files.sdn.file));
  }
  if (files.alt) for (const record of rows(files.alt, COLUMNS.alt)) addAlias(entries, record, files.alt.file);
  if (files.add)
    for (const record of rows(files.add, COLUMNS.add)) addAddress(entries, record, files.add.file);
  const entities = [...entries.values()].flatMap(({ subject, sanction, documents }) => [
    subject,
    sanction,
    ...documents,
  ]);
  for (const entity of entities) validateEntity(entity, files.sdn.file);
  return entities;
}

/** OFAC writes `-0-` (often with a trailing space) for an empty cell. */
function cell(value: string | undefined): string | undefined {
  const text = value?.trim();
  return !text || text === "-0-" ? undefined : text;
}

const DOS_EOF = String.fromCharCode(0x1a);

/** The records of one file, each checked for the file's column count. A trailing DOS EOF (0x1A) is ignored. */
function rows(source: SourceText, columns: number): CsvRecord[] {
  const text = source.text.trimEnd();
  const records = readCsvRecords(text.endsWith(DOS_EOF) ? text.slice(0, -1) : text, source.file);
  for (const record of records) {
    if (record.fields.length !== columns) {
      throw badInput(
        `expected ${columns} columns, found ${record.fields.length}`,
        `${source.file}:${record.line}`,
      );
    }
  }
  return records;
}

function entryNumber(record: CsvRecord, file: string): string {
  const entNum = record.fields[0]?.trim() ?? "";
  if (!/^\d+$/.test(entNum)) throw badInput(`ent_num "${entNum}" is not a number`, `${file}:${record.line}`);
  return entNum;
}

function readComments(source: SourceText): Map<string, string> {
  const comments = new Map<string, string>();
  for (const record of rows(source, COLUMNS.comments)) {
    const entNum = entryNumber(record, source.file);
    comments.set(entNum, (comments.get(entNum) ?? "") + (record.fields[1] ?? ""));
  }
  return comments;
}

function readEntry(record: CsvRecord, entNum: string, moreRemarks: string | undefined, file: string): Entry {
  const [, name, rawType, rawPrograms, title, callSign, vesselType, tonnage, grt, flag, owner, remarks] =
    record.fields.map(cell);
  const where = `${file}:${record.line}`;
  if (!name) throw badInput("SDN entry without a name", where);
  const schema = ownEntry(SCHEMA_BY_TYPE, rawType?.toLowerCase() ?? "");
  if (!schema)
    throw badInput(`unknown SDN type "${rawType}" (expected individual, vessel, aircraft or -0-)`, where);
  const programs = rawPrograms?.split(/\]\s*\[/).map((program) => program.trim()) ?? [];

  const properties: Properties = {};
  const subject: FtmEntity = {
    id: stableId(ID_PREFIX, entNum),
    schema,
    properties,
    listRef: entNum,
    datasets: [OFAC_DATASET],
  };
  addValues(properties, "name", name);
  if (schema === "Person") addNameParts(properties, name);
  addValues(properties, "program", ...programs);
  addValues(properties, "topics", "sanction");
  if (schema === "Person") addValues(properties, "position", title);
  else if (title) addValues(properties, "notes", `title: ${title}`);
  if (schema === "Vessel") {
    addValues(properties, "callSign", callSign);
    addValues(properties, "type", vesselType);
    addValues(properties, "tonnage", tonnage?.replaceAll(",", ""));
    addValues(properties, "grossRegisteredTonnage", grt?.replaceAll(",", ""));
    addCountry(properties, "flag", flag);
    if (owner) addValues(properties, "notes", `vessel owner: ${owner}`);
  }
  const documents: FtmEntity[] = [];
  const allRemarks = (remarks ?? "") + (moreRemarks ?? "");
  if (allRemarks.trim()) applyRemarks(subject, allRemarks, documents);
  return { subject, documents, sanction: sanction(subject.id, entNum, programs) };
}

/** Individuals are written `SURNAME, Given Names`; without a comma the name stays whole. */
function addNameParts(properties: Properties, name: string): void {
  const comma = name.indexOf(",");
  if (comma === -1) return;
  addValues(properties, "lastName", name.slice(0, comma));
  addValues(properties, "firstName", name.slice(comma + 1));
}

function sanction(subjectId: string, entNum: string, programs: string[]): FtmEntity {
  const properties: Properties = {};
  addValues(properties, "entity", subjectId);
  addValues(properties, "authority", OFAC_AUTHORITY);
  addValues(properties, "program", ...programs);
  addValues(properties, "authorityId", entNum);
  addValues(properties, "sourceUrl", OFAC_SOURCE_URL);
  return {
    id: stableId(ID_PREFIX, entNum, "sanction"),
    schema: "Sanction",
    properties,
    datasets: [OFAC_DATASET],
  };
}

/** alt.csv and add.csv must only name entries of the same edition's sdn.csv. */
function entryFor(entries: Map<string, Entry>, record: CsvRecord, file: string): Entry {
  const entNum = entryNumber(record, file);
  const entry = entries.get(entNum);
  if (!entry) {
    throw badInput(
      `ent_num ${entNum} is not in the SDN file (files from different editions?)`,
      `${file}:${record.line}`,
    );
  }
  return entry;
}

const ALIAS_PROPERTY: Record<string, string> = { aka: "alias", fka: "previousName", nka: "alias" };

function addAlias(entries: Map<string, Entry>, record: CsvRecord, file: string): void {
  const { subject } = entryFor(entries, record, file);
  const [, , type, name, remarks] = record.fields.map(cell);
  if (!name) throw badInput("alias without a name", `${file}:${record.line}`);
  addValues(subject.properties, ownEntry(ALIAS_PROPERTY, type?.toLowerCase() ?? "") ?? "alias", name);
  if (remarks) addValues(subject.properties, "notes", `alias ${name}: ${remarks}`);
}

function addAddress(entries: Map<string, Entry>, record: CsvRecord, file: string): void {
  const { subject } = entryFor(entries, record, file);
  const [, , street, cityStateZip, country, remarks] = record.fields.map(cell);
  const text = [street, cityStateZip, country].filter(Boolean).join(", ");
  addValues(subject.properties, "address", text);
  addCountry(subject.properties, "country", country);
  if (remarks) addValues(subject.properties, "notes", `address ${text}: ${remarks}`);
}

/**
 * Reads the OFAC files from a folder, or from the path of the sdn file. The other files are found by name:
 * `sdn` in the file name replaced by `alt`, `add` and `sdn_comments` (sdn.csv → alt.csv,
 * ofac_sdn_2021-07.csv → ofac_alt_2021-07.csv). Missing alt/add/comments files are simply not read.
 */
export function readOfacPath(path: string): FtmEntity[] {
  const sdnPath = findSdnFile(path);
  const sibling = (replacement: string): SourceText | undefined => {
    const name = basename(sdnPath).replace(/sdn/i, (match) =>
      match === match.toUpperCase() ? replacement.toUpperCase() : replacement,
    );
    const siblingPath = join(dirname(sdnPath), name);
    return existsSync(siblingPath) ? { text: readTextFile(siblingPath), file: siblingPath } : undefined;
  };
  const files: OfacFiles = { sdn: { text: readTextFile(sdnPath), file: sdnPath } };
  const alt = sibling("alt");
  const add = sibling("add");
  const comments = sibling("sdn_comments");
  if (alt) files.alt = alt;
  if (add) files.add = add;
  if (comments) files.comments = comments;
  return parseOfacSdn(files);
}

function findSdnFile(path: string): string {
  if (!existsSync(path)) throw badInput(`file or folder not found: ${path}`, path);
  if (!statSync(path).isDirectory()) return path;
  const candidates = readdirSync(path).filter(
    (name) => /sdn/i.test(name) && !/comments/i.test(name) && /\.csv$/i.test(name),
  );
  if (candidates.length !== 1) {
    const found = candidates.length === 0 ? "none" : candidates.join(", ");
    throw badInput(
      `expected exactly one SDN CSV file (name containing "sdn") in the folder, found ${found}`,
      path,
    );
  }
  return join(path, candidates[0] as string);
}
